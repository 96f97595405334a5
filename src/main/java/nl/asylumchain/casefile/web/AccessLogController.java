package nl.asylumchain.casefile.web;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.platform.FieldError;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The access log for the privacy officer (FG) and administrators: {@code GET /api/access-log?caseId=...} or
 * {@code ?userId=...}, newest first, {@code page} from 0 and {@code size} up to 200. Everybody else: 403.
 */
@RestController
@Validated
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/api/access-log")
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).PRIVACY_OFFICER, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    AccessLog.Page entries(
            @RequestParam(required = false) UUID caseId,
            @RequestParam(required = false) @Size(min = 1, max = 100) String userId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if ((caseId == null) == (userId == null)) {
            throw new InvalidRequestException(java.util.List.of(
                    new FieldError("caseId", "give either caseId or userId"),
                    new FieldError("userId", "give either caseId or userId")));
        }
        return caseId != null ? accessLog.ofCase(caseId, page, size) : accessLog.ofUser(userId, page, size);
    }
}

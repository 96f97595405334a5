package nl.asylumchain.casefile.web;

import java.net.URI;
import java.security.Principal;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.casefile.CaseFile;
import nl.asylumchain.casefile.CaseFileService;
import nl.asylumchain.casefile.CaseStatus;
import nl.asylumchain.casefile.IdempotencyKey;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.RegisteredCase;

/** Intake of asylum applications and the case file as the chain sees it. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseController {

    private final CaseFileService caseFile;

    CaseController(CaseFileService caseFile) {
        this.caseFile = caseFile;
    }

    record CaseCreated(UUID caseId, String vNumber, CaseStatus status) {
    }

    /** Police (AVIM) and KMar register applications at intake; an Idempotency-Key is the sending user's own. */
    @PostMapping
    @PreAuthorize("hasAnyAuthority('police-avim', 'kmar', 'camunda-admin')")
    ResponseEntity<CaseCreated> register(@Valid @RequestBody NewCase application,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey,
            Principal user) {
        RegisteredCase registered = caseFile.register(application,
                idempotencyKey == null ? null : new IdempotencyKey(user.getName(), idempotencyKey));
        CaseCreated body = new CaseCreated(registered.caseId(), registered.vNumber(), registered.status());
        URI location = URI.create("/api/cases/" + registered.caseId());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location).body(body);
    }

    @GetMapping("/{caseId}")
    CaseFile caseFile(@PathVariable UUID caseId) {
        return caseFile.caseFile(caseId);
    }

    @GetMapping(params = "vNumber")
    CaseFile byVNumber(@RequestParam @Pattern(regexp = "\\d{10}", message = "must be ten digits") String vNumber) {
        return caseFile.caseFileByVNumber(vNumber);
    }
}

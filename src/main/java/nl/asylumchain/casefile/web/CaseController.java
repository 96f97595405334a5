package nl.asylumchain.casefile.web;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.casefile.CaseFile;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.CaseStatus;
import nl.asylumchain.casefile.IdempotencyKey;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.RegisteredCase;
import nl.asylumchain.platform.Groups;

/** Intake of asylum applications and the case file as the chain sees it. */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseController {

    /** Who registers applications; also the groups an intake's access-log row names. */
    static final Set<String> INTAKE_GROUPS = Set.of(Groups.POLICE_AVIM, Groups.KMAR, Groups.CAMUNDA_ADMIN);

    private final CaseIntake intake;
    private final CaseFiles caseFiles;
    private final AccessLog accessLog;

    CaseController(CaseIntake intake, CaseFiles caseFiles, AccessLog accessLog) {
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.accessLog = accessLog;
    }

    record CaseCreated(UUID caseId, String vNumber, CaseStatus status) {}

    /** Police (AVIM) and KMar register applications at intake; an Idempotency-Key is the sending user's own. */
    @PostMapping
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).POLICE_AVIM, T(nl.asylumchain.platform.Groups).KMAR, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    ResponseEntity<CaseCreated> register(
            @Valid @RequestBody NewCase application,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Size(max = 200)
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId,
            Authentication user) {
        Accessor who = Accessor.of(user, taskId);
        RegisteredCase registered = intake.register(
                application, idempotencyKey == null ? null : new IdempotencyKey(user.getName(), idempotencyKey));
        if (registered.created()) {
            // after the intake's own transaction, which retries a raced idempotency key; a repeat changed nothing
            accessLog.change(who, INTAKE_GROUPS, registered.caseId(), "intake");
        }
        CaseCreated body = new CaseCreated(registered.caseId(), registered.vNumber(), registered.status());
        URI location = URI.create("/api/cases/" + registered.caseId());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(location)
                .body(body);
    }

    /** The parts of the case file the reader's groups need ({@code docs/need-to-know.md}); logged as a read. */
    @GetMapping("/{caseId}")
    CaseFile caseFile(
            @PathVariable UUID caseId,
            Authentication user,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId) {
        return caseFiles.read(caseId, Accessor.of(user, taskId), "case file").caseFile();
    }

    /** A V-number of a case the reader's groups do not work on is not found, so V-numbers cannot be enumerated. */
    @GetMapping(params = "vNumber")
    CaseFile byVNumber(
            @RequestParam @Pattern(regexp = "\\d{10}", message = "must be ten digits") String vNumber,
            Authentication user,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId) {
        return caseFiles
                .readByVNumber(vNumber, Accessor.of(user, taskId), "case file by V-number")
                .caseFile();
    }
}

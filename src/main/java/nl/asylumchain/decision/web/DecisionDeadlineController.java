package nl.asylumchain.decision.web;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.decision.DecisionDeadlineService.Extension;
import nl.asylumchain.decision.ExtensionGround;
import nl.asylumchain.platform.Groups;

/**
 * Extending a case's decision deadline (Vw 2000 art. 42 lid 4, 5) by the next step on a legal ground, as DMN
 * decisionPeriodExtension allows (9 months, then 3); the ground and a reason are required.
 */
@RestController
class DecisionDeadlineController {

    /** The groups that may extend, as the annotation below says; named in the access log. */
    static final Set<String> EXTENDING_GROUPS = Set.of(Groups.IND_TEAM_LEAD, Groups.CAMUNDA_ADMIN);

    private final DecisionDeadlineService deadlines;
    private final AccessLog accessLog;

    DecisionDeadlineController(DecisionDeadlineService deadlines, AccessLog accessLog) {
        this.deadlines = deadlines;
        this.accessLog = accessLog;
    }

    record ExtensionRequest(
            @NotNull ExtensionGround ground,
            @NotBlank @Size(max = 1000) String reason) {}

    record Extended(UUID caseId, Extension extension, java.time.LocalDate deadline) {}

    @PostMapping("/api/cases/{caseId}/decision-deadline/extensions")
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    @ResponseStatus(HttpStatus.CREATED)
    Extended extend(
            @PathVariable UUID caseId,
            @Valid @RequestBody ExtensionRequest request,
            Authentication user,
            @RequestHeader(name = Accessor.TASK_HEADER, required = false) String taskId) {
        // the extension and its access-log row in one transaction
        return accessLog.change(
                Accessor.of(user, taskId), EXTENDING_GROUPS, caseId, "decision deadline: extended", () -> {
                    Extension extension = deadlines.extend(caseId, request.ground(), request.reason(), user.getName());
                    return new Extended(caseId, extension, deadlines.deadline(caseId));
                });
    }
}

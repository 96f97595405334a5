package nl.asylumchain.decision.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.decision.DecisionDeadlineService.Extension;

/** Extending a case's decision deadline (Vw 2000 art. 42 lid 4, 5): 9 months, then 3; a reason is required. */
@RestController
class DecisionDeadlineController {

    private final DecisionDeadlineService deadlines;

    DecisionDeadlineController(DecisionDeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    record ExtensionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record Extended(UUID caseId, Extension extension, java.time.LocalDate deadline) {
    }

    @PostMapping("/api/cases/{caseId}/decision-deadline/extensions")
    @PreAuthorize("hasAnyAuthority(T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    @ResponseStatus(HttpStatus.CREATED)
    Extended extend(@PathVariable UUID caseId, @Valid @RequestBody ExtensionRequest request, Authentication user) {
        Extension extension = deadlines.extend(caseId, request.reason(), user.getName());
        return new Extended(caseId, extension, deadlines.deadline(caseId));
    }
}

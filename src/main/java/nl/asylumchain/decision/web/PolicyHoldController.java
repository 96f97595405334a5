package nl.asylumchain.decision.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.decision.PolicyHoldService;
import nl.asylumchain.decision.PolicyHoldService.Hold;

/** Policy holds: park a category of cases at their next IND step, and release them. */
@RestController
@RequestMapping("/api/holds")
class PolicyHoldController {

    private final PolicyHoldService holds;

    PolicyHoldController(PolicyHoldService holds) {
        this.holds = holds;
    }

    /** {@code category}: one of DMN holdCategory's output values, checked by the service (400 naming it). */
    record NewHold(
            @Size(max = 60) String category,
            @NotBlank @Size(max = 1000) String reason) {}

    @PostMapping
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    ResponseEntity<Hold> place(@Valid @RequestBody NewHold hold, Authentication user) {
        Hold placed = holds.place(hold.category(), hold.reason(), user.getName());
        return ResponseEntity.created(URI.create("/api/holds/" + placed.id())).body(placed);
    }

    @DeleteMapping("/{holdId}")
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    Hold release(@PathVariable UUID holdId, Authentication user) {
        return holds.release(holdId, user.getName());
    }

    @GetMapping
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).IND_DECISION, T(nl.asylumchain.platform.Groups).IND_DUBLIN, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    List<Hold> holds() {
        return holds.holds();
    }
}

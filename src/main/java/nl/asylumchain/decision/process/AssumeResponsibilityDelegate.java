package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/**
 * The Netherlands became responsible for a Dublin case, for the reason the model hands it as input parameter
 * {@code reason} (DUBLIN_CLAIM_REFUSED, DUBLIN_TRANSFER_DEADLINE_PASSED, DUBLIN_DECISION_ANNULLED): records the move to
 * spoor 4 with who caused it (the user whose action this is, or {@value #SYSTEM} for a timer), restarts the decision
 * deadline and sets {@code track} and {@code trackReason} for routing, the priority decision and the Tasklist filters.
 */
@Component("assumeResponsibilityDelegate")
class AssumeResponsibilityDelegate implements JavaDelegate {

    /** Who changed the track when no user did (a timer): the chain itself. */
    static final String SYSTEM = "system";

    private final IndDecisionService decisions;

    AssumeResponsibilityDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * Whose action this is: the user of an engine REST call (Tasklist), else the user of our API call (a DUBLIN_REPLY),
     * else nobody's: a timer.
     */
    static String actor(DelegateExecution execution) {
        Authentication engineUser =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return engineUser.getUserId();
        }
        org.springframework.security.core.Authentication apiUser =
                SecurityContextHolder.getContext().getAuthentication();
        if (apiUser != null && apiUser.isAuthenticated() && !(apiUser instanceof AnonymousAuthenticationToken)) {
            return apiUser.getName();
        }
        return SYSTEM;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariableLocal("reason");
        decisions.responsibilityAssumed(UUID.fromString(execution.getProcessBusinessKey()), reason, actor(execution));
        execution.setVariable("track", 4);
        execution.setVariable("trackReason", reason);
        // the acceptance no longer counts: nothing downstream may start a transfer period from it
        execution.setVariable("dublinAcceptedOn", null);
    }
}

package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/**
 * The appeal has no suspensive effect and interim relief was refused: the rejection is enforceable while the appeal
 * runs. Sets indOutcome REJECTED and the departure period, so the chain goes on to departure.
 */
@Component("enforceRejectionDelegate")
class EnforceRejectionDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    EnforceRejectionDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int track = ((Number) execution.getVariable("track")).intValue();
        RecordDecisionDelegate.apply(
                execution,
                decisions.rejectionEnforceable(UUID.fromString(execution.getProcessBusinessKey()), track, (String)
                        execution.getVariable("trackReason")));
    }
}

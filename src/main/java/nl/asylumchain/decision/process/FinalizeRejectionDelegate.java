package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/** The rejection is final (no appeal in the window, or upheld): sets indOutcome REJECTED and the departure period. */
@Component("finalizeRejectionDelegate")
class FinalizeRejectionDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    FinalizeRejectionDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int track = ((Number) execution.getVariable("track")).intValue();
        RecordDecisionDelegate.apply(
                execution, decisions.rejectionFinal(UUID.fromString(execution.getProcessBusinessKey()), track, (String)
                        execution.getVariable("trackReason")));
    }
}

package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/** Spoor 4 into the VA: records {@code vaReason}, sets {@code procedure} = VA; the decision is due at the deadline. */
@Component("referToExtendedProcedureDelegate")
class ReferToExtendedProcedureDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    ReferToExtendedProcedureDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String vaReason = (String) execution.getVariable("vaReason");
        Date due = Date.from(decisions.referToExtendedProcedure(UUID.fromString(execution.getProcessBusinessKey()),
                vaReason == null || vaReason.isBlank() ? "FURTHER_RESEARCH" : vaReason));
        execution.setVariable("procedure", "VA");
        execution.setVariable("decisionDueDate", due);
    }
}

package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/**
 * Spoor 4 into the VA: records the ground DMN procedureChoice gave ({@code procedureChoice.procedureGround}: the
 * assessor's {@code vaReason}, or MINOR_UNDER_12 from the case's facts), sets {@code procedure} = VA; the decision is
 * due at the deadline.
 */
@Component("referToExtendedProcedureDelegate")
class ReferToExtendedProcedureDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    ReferToExtendedProcedureDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String vaReason = execution.getVariable("procedureChoice") instanceof Map<?, ?> choice
                        && choice.get("procedureGround") instanceof String ground
                        && !"IN_VA".equals(ground)
                ? ground
                : (String) execution.getVariable("vaReason");
        Date due = Date.from(decisions.referToExtendedProcedure(
                UUID.fromString(execution.getProcessBusinessKey()),
                vaReason == null || vaReason.isBlank() ? "FURTHER_RESEARCH" : vaReason));
        execution.setVariable("procedure", "VA");
        execution.setVariable("decisionDueDate", due);
    }
}

package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;

/**
 * The court annulled the rejection: the IND decides again, under a new decision deadline that the deadline watch
 * follows again. The decision task is due at that deadline. Runs in the {@code appeal}'s caller after a suspensive
 * appeal, and at the start of a new {@code indDecision} when the main process brings a spoor-2 case back from a
 * departure that interim relief had suspended.
 */
@Component("reopenDecisionDeadlineDelegate")
class ReopenDecisionDeadlineDelegate implements JavaDelegate {

    private final DecisionDeadlineService deadlines;

    ReopenDecisionDeadlineDelegate(DecisionDeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString(execution.getProcessBusinessKey());
        execution.setVariable("decisionDueDate", Date.from(deadlines.reopenAfterAnnulment(caseId)));
        // back from a suspended departure, this is a new indDecision: the procedure of the annulled decision applies
        // again (its zienswijze and appeal periods, its appeal effect)
        if (execution.getVariable("procedure") == null) {
            execution.setVariable("procedure", deadlines.procedure(caseId));
        }
        // consumed: a later return to the IND is not another annulment unless the main process says so again
        execution.setVariable("returnedAfterAnnulment", false);
    }
}

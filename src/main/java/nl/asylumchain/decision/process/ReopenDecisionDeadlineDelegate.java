package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;

/**
 * The court annulled the rejection: the IND decides again, under a new decision deadline that the deadline watch
 * follows again. The decision task is due at that deadline.
 */
@Component("reopenDecisionDeadlineDelegate")
class ReopenDecisionDeadlineDelegate implements JavaDelegate {

    private final DecisionDeadlineService deadlines;

    ReopenDecisionDeadlineDelegate(DecisionDeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(
                "decisionDueDate",
                Date.from(deadlines.reopenAfterAnnulment(UUID.fromString(execution.getProcessBusinessKey()))));
    }
}

package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;

/** The team lead chose to extend in the review task: the next extension (9, then 3 months) with its reason. */
@Component("extendDecisionDeadlineDelegate")
class ExtendDecisionDeadlineDelegate implements JavaDelegate {

    private final DecisionDeadlineService deadlines;

    ExtendDecisionDeadlineDelegate(DecisionDeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.extend(UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariable("extensionReason"), "ind-team-lead task");
    }
}

package nl.asylumchain.decision.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.PolicyHoldService;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.TaskCompletionGuard;

/**
 * A held case does not move at the IND (Vw 2000 art. 43): a case that sat at an IND task when its category was put on
 * hold keeps the task, but completing it is refused (409) until the hold is released; a case that reaches its next
 * IND step while held parks there (bpmn/policyHold.bpmn). Whether the case is in a held category is the same rule as
 * at the parking: DMN holdCategory on the case's routing facts.
 */
@Component
class HeldCaseTasks implements TaskCompletionGuard {

    private final HoldCategoryTable categories;
    private final PolicyHoldService holds;

    HeldCaseTasks(HoldCategoryTable categories, PolicyHoldService holds) {
        this.categories = categories;
        this.holds = holds;
    }

    @Override
    public void checkCompletion(DelegateTask task) {
        if (!(task.getExecution() instanceof ExecutionEntity execution)
                || !IndDecisionModel.PROCESS_KEY.equals(
                        execution.getProcessDefinition().getKey())
                // the case's categories are a decision table on its variables: not asked while nothing is on hold
                || !holds.anyActive()) {
            return;
        }
        List<String> applying = categories.of(execution);
        holds.activeHoldOver(applying).ifPresent(hold -> {
            throw new ConflictException("The case is on hold (category " + hold.category() + ", since "
                    + hold.placedAt() + ": " + hold.reason() + "); its IND steps wait until the hold is released "
                    + "(DELETE /api/holds/" + hold.id() + "). Task '" + task.getName() + "' stays open.");
        });
    }
}

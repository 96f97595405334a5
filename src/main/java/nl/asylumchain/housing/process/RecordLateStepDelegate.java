package nl.asylumchain.housing.process;

import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.asylumchain.housing.HousingService;
import nl.asylumchain.housing.HousingStep;

/**
 * A deadline passed (input parameter {@code step}: link, offer, move): records the step as late and raises the
 * open task's priority so it stands out in Tasklist. The step itself goes on.
 */
@Component("recordLateStepDelegate")
class RecordLateStepDelegate implements JavaDelegate {

    /** The priority of a task that is late. */
    static final int LATE_PRIORITY = 90;

    private final HousingService housing;

    RecordLateStepDelegate(HousingService housing) {
        this.housing = housing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HousingStep step = HousingStep.valueOf(((String) execution.getVariableLocal("step")).toUpperCase(Locale.ROOT));
        housing.recordLate(UUID.fromString(execution.getProcessBusinessKey()), step);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .list()) {
            if (task.getPriority() < LATE_PRIORITY) {
                tasks.setPriority(task.getId(), LATE_PRIORITY);
            }
        }
    }
}

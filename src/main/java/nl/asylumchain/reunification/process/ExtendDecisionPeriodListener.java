package nl.asylumchain.reunification.process;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Activity_ExtendDecisionPeriod, on completion: the decision period is extended; the timers and the open decision task (its due date) follow the new deadline. */
@Component
class ExtendDecisionPeriodListener implements TaskListener {

    private final FamilyReunificationService reunification;

    ExtendDecisionPeriodListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution());
    }

    void record(DelegateExecution execution) {
        Date deadline = Date.from(reunification.decisionPeriodExtended(ReunificationVariables.member(execution)));
        execution.setVariable("decisionDeadline", deadline);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task decision : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION)
                .list()) {
            decision.setDueDate(deadline);
            tasks.saveTask(decision);
        }
    }
}

package nl.asylumchain.casefile.process;

import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.Accessor;
import nl.asylumchain.casefile.CaseTasks;

/**
 * Reads the task and its candidate groups from the engine's history, which holds open and completed tasks alike
 * (every process of a case carries the case id as business key). Two indexed look-ups by task id.
 */
@Component
class EngineCaseTasks implements CaseTasks {

    private final HistoryService history;

    EngineCaseTasks(HistoryService history) {
        this.history = history;
    }

    @Override
    public boolean isWorkedOnBy(String taskId, UUID caseId, Accessor accessor) {
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery()
                .taskId(taskId)
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        if (task == null) {
            return false;
        }
        if (accessor.userId().equals(task.getAssignee())) {
            return true;
        }
        return history
                .createHistoricIdentityLinkLogQuery()
                .taskId(taskId)
                .type(IdentityLinkType.CANDIDATE)
                .list()
                .stream()
                .map(HistoricIdentityLinkLog::getGroupId)
                .anyMatch(group -> group != null && accessor.groups().contains(group));
    }
}

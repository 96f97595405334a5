package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a message to the process of a case (every process of a case carries the case id as business key).
 * When no process of the case waits for it, nothing changes and the answer says what the case waits for instead.
 */
@Component
public class ProcessMessages {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ProcessMessages(RuntimeService runtimeService, TaskService taskService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    @Transactional
    public void correlate(UUID caseId, String messageName, Map<String, Object> variables) {
        try {
            runtimeService
                    .createMessageCorrelation(messageName)
                    .processInstanceBusinessKey(caseId.toString())
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(
                    "Case " + caseId + " is not waiting for " + messageName + ". " + waitingFor(caseId));
        }
    }

    /**
     * Delivers a message to the one process of a case whose process variables match {@code match} (e.g. the
     * family member's application among the sponsor's); otherwise as {@link #correlate(UUID, String, Map)}.
     */
    @Transactional
    public void correlate(UUID caseId, String messageName, Map<String, Object> match, Map<String, Object> variables) {
        try {
            var correlation =
                    runtimeService.createMessageCorrelation(messageName).processInstanceBusinessKey(caseId.toString());
            match.forEach(correlation::processInstanceVariableEquals);
            correlation.setVariables(variables).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException(
                    "Case " + caseId + " is not waiting for " + messageName + " " + match + ". " + waitingFor(caseId));
        }
    }

    /** What a case waits for now: its open tasks and the messages its processes can receive. */
    public String waitingFor(UUID caseId) {
        List<String> tasks = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (ProcessInstance instance : runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .list()) {
            for (EventSubscription subscription : runtimeService
                    .createEventSubscriptionQuery()
                    .processInstanceId(instance.getId())
                    .eventType("message")
                    .list()) {
                messages.add(subscription.getEventName());
            }
        }
        for (Task task : taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .list()) {
            tasks.add(task.getName());
        }
        if (tasks.isEmpty() && messages.isEmpty()) {
            return "It is not waiting for any event or task.";
        }
        return "It is waiting for " + (messages.isEmpty() ? "no event" : "the event(s) " + messages) + " and task(s) "
                + tasks + ".";
    }
}

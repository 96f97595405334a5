package nl.asylumchain.casefile.process;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.AccessLog;
import nl.asylumchain.casefile.Accessor;

/**
 * A task completed by a user (in Tasklist or through {@code /engine-rest}) is a change of the case: one access-log
 * row with the task's id, in the engine's transaction, so a completion the engine refuses or rolls back leaves none.
 * The engine publishes each task event as a Spring event (Camunda's Spring Boot eventing, on by default).
 * Completions without a logged-in user are the chain's own steps, not a user's change.
 */
@Component
class TaskCompletionAccessLog {

    private final AccessLog accessLog;

    TaskCompletionAccessLog(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @EventListener
    void on(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Authentication user =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        UUID caseId =
                caseId(task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
        if (user == null || user.getUserId() == null || caseId == null) {
            return;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        Set<String> candidates = task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        accessLog.taskCompleted(
                new Accessor(user.getUserId(), Set.copyOf(groups), task.getId()),
                candidates,
                caseId,
                "task " + task.getTaskDefinitionKey() + " completed");
    }

    /** Every process of a case carries the case id as business key; anything else is not a case. */
    private static UUID caseId(String businessKey) {
        try {
            return businessKey == null ? null : UUID.fromString(businessKey);
        } catch (IllegalArgumentException notACase) {
            return null;
        }
    }
}

package nl.asylumchain.forecast.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.stereotype.Component;

/**
 * Puts a case's process where it stands, through the engine's process-instance modification: a new instance started
 * before given activities (or on a given sequence flow), or a running one whose tokens move to other activities. What
 * the models do on the way runs as it always does: a token started before a call activity starts the called process,
 * whose start path runs its real delegates up to its first wait state (so a placed IND case has its decision deadline
 * and priority from the real rules), and a token started before a service task runs that task's delegate (so a placed
 * permit holder's grant is recorded by the decision module itself). Timers that the placement creates can be set to
 * a given due date, so a placed case keeps the time it had left.
 *
 * <p>Only routing variables go in, never person data. Used by the forecast's synthetic start stock and its "from now"
 * start; it works on any engine (the national data set seeds the live application's engine with it).
 */
@Component
public class CasePlacement {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final Map<String, String> timerActivities = new HashMap<>();

    CasePlacement(
            RuntimeService runtime, ManagementService management, TaskService tasks, RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.repository = repository;
    }

    /**
     * Starts {@code processKey} for the case with a token before each of {@code activityIds} (an id may repeat: a
     * token each) and on each of {@code flowIds}; the variables are set before the first token moves, so call
     * activities hand them on. Returns the instance.
     */
    public ProcessInstance start(
            String processKey,
            String caseId,
            List<String> activityIds,
            List<String> flowIds,
            Map<String, Object> variables) {
        if (activityIds.isEmpty() && flowIds.isEmpty()) {
            throw new IllegalArgumentException("A placed " + processKey + " needs at least one position");
        }
        var builder = runtime.createProcessInstanceByKey(processKey)
                .businessKey(caseId)
                .setVariables(variables);
        for (String flow : flowIds) {
            builder.startTransition(flow);
        }
        for (String activity : activityIds) {
            builder.startBeforeActivity(activity);
        }
        return builder.execute();
    }

    /**
     * Moves a running instance's tokens to {@code activityIds}: every other activity's tokens are cancelled and a
     * token is started before each target that has none yet, in one modification. Activities already at a target stay as they are, with what they started (a
     * called process). Variables are set on the instance first. A target before a service task runs its delegate at once.
     */
    public void moveTo(String processInstanceId, List<String> activityIds, Map<String, Object> variables) {
        move(processInstanceId, activityIds, variables, false);
    }

    /**
     * As {@link #moveTo}, but a target with automatic steps right before it (service, business rule and script tasks
     * in a row, each with one way in and one way out) gets its token before the first of them, so that what they
     * record and decide on the way (a decision, a DMN result the target reads) is there as for any case.
     */
    public void moveThrough(String processInstanceId, List<String> activityIds, Map<String, Object> variables) {
        move(processInstanceId, activityIds, variables, true);
    }

    private void move(
            String processInstanceId, List<String> activityIds, Map<String, Object> variables, boolean through) {
        if (!variables.isEmpty()) {
            runtime.setVariables(processInstanceId, variables);
        }
        Set<String> current = new LinkedHashSet<>(runtime.getActiveActivityIds(processInstanceId));
        Set<String> targets = new LinkedHashSet<>(activityIds);
        List<String> toStart = new ArrayList<>();
        for (String target : activityIds) {
            if (!current.contains(target)) {
                toStart.add(target);
            }
        }
        List<String> toCancel =
                current.stream().filter(activity -> !targets.contains(activity)).toList();
        if (toStart.isEmpty() && toCancel.isEmpty()) {
            return;
        }
        ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(processInstanceId);
        // cancellations first: the engine keeps the instance for the whole modification, so it does not end in
        // between; a target that runs to an end event then ends the instance as a normal end would, and a called
        // instance's caller goes on (a cancellation last would delete it instead)
        for (String activity : toCancel) {
            modification.cancelAllForActivity(activity);
        }
        BpmnModelInstance model = through ? model(processInstanceId) : null;
        for (String target : toStart) {
            modification.startBeforeActivity(through ? firstStepInto(model, target) : target);
        }
        modification.execute();
    }

    /** How many automatic steps before a target {@link #moveThrough} goes back at most. */
    private static final int STEPS_BACK = 10;

    private BpmnModelInstance model(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return repository.getBpmnModelInstance(instance.getProcessDefinitionId());
    }

    /** The first of the automatic steps in a row right before {@code activityId}, or the activity itself. */
    static String firstStepInto(BpmnModelInstance model, String activityId) {
        if (!(model.getModelElementById(activityId) instanceof FlowNode node)) {
            return activityId;
        }
        for (int back = 0; back < STEPS_BACK && node.getIncoming().size() == 1; back++) {
            FlowNode source = node.getIncoming().iterator().next().getSource();
            boolean automatic =
                    source instanceof ServiceTask || source instanceof BusinessRuleTask || source instanceof ScriptTask;
            if (!automatic
                    || source.getIncoming().size() != 1
                    || source.getOutgoing().size() != 1) {
                break;
            }
            node = source;
        }
        return node.getId();
    }

    /**
     * Works a running instance forward through its own model until a token waits at each of {@code activityIds}, so
     * that its delegates write on the way what they write for any case: one step at a time, the first open user task
     * (by id) at another activity is completed by {@code complete}, or else a timer the instance waits in at another
     * activity (an intermediate timer event, not a task's boundary timer) fires. True when the targets are reached,
     * false when the instance waits elsewhere with nothing to do (a message, a signal), {@code complete} has no
     * answer, it ended, or {@code limit} steps did not get there. A refused completion throws.
     */
    public boolean walkTo(String processInstanceId, List<String> activityIds, int limit, Predicate<Task> complete) {
        Set<String> targets = Set.copyOf(activityIds);
        for (int step = 0; ; step++) {
            if (!running(processInstanceId)) {
                return false;
            }
            Set<String> active = Set.copyOf(runtime.getActiveActivityIds(processInstanceId));
            if (active.containsAll(targets)) {
                return true;
            }
            if (step == limit) {
                return false;
            }
            Optional<Task> task =
                    tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskId().asc().list().stream()
                            .filter(open -> !targets.contains(open.getTaskDefinitionKey()))
                            .findFirst();
            if (task.isPresent()) {
                if (!complete.test(task.get())) {
                    return false;
                }
                continue;
            }
            Optional<Job> timer =
                    management
                            .createJobQuery()
                            .processInstanceId(processInstanceId)
                            .timers()
                            .orderByJobId()
                            .asc()
                            .list()
                            .stream()
                            .filter(job -> {
                                String at = timerActivity(job.getJobDefinitionId());
                                return active.contains(at) && !targets.contains(at);
                            })
                            .findFirst();
            if (timer.isEmpty()) {
                return false;
            }
            management.executeJob(timer.get().getId());
        }
    }

    /**
     * The running instances of {@code processKey} that {@code superInstanceId} called, oldest first. Every call
     * activity of the chain passes its business key, the case id, on ({@code CallActivitiesPassTheCaseIdTest}), so
     * the called instances are among the case's instances of the key, found by business key; each is then checked for
     * its caller. The engine's own "called by" query ({@code superProcessInstanceId}) reads every process instance in
     * the forecast's database (H2 walks the index of the null-tested {@code PARENT_ID_}), which made placing a start
     * stock take time in the square of its size.
     */
    public List<ProcessInstance> children(String superInstanceId, String processKey) {
        ProcessInstance caller = runtime.createProcessInstanceQuery()
                .processInstanceId(superInstanceId)
                .singleResult();
        if (caller == null || caller.getBusinessKey() == null) {
            return List.of();
        }
        return runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caller.getBusinessKey())
                .processDefinitionKey(processKey)
                .orderByProcessInstanceId()
                .asc()
                .list()
                .stream()
                .filter(instance -> {
                    ProcessInstance calledBy = runtime.createProcessInstanceQuery()
                            .subProcessInstanceId(instance.getId())
                            .singleResult();
                    return calledBy != null && calledBy.getId().equals(superInstanceId);
                })
                .toList();
    }

    /** The one running instance of {@code processKey} that {@code superInstanceId} called, if any. */
    public Optional<ProcessInstance> child(String superInstanceId, String processKey) {
        return children(superInstanceId, processKey).stream().findFirst();
    }

    /** The case's running instances of {@code processKey} that no process called (started by a delegate). */
    public List<ProcessInstance> topLevel(String caseId, String processKey) {
        return runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey(processKey)
                .orderByProcessInstanceId()
                .asc()
                .list()
                .stream()
                .filter(instance -> runtime.createProcessInstanceQuery()
                                .subProcessInstanceId(instance.getId())
                                .count()
                        == 0)
                .toList();
    }

    /**
     * Completes the case's open tasks of {@code taskKey}, in any of its instances, with {@code variables} as their
     * handler's answers, and returns how many there were. The task's own listeners record what they record for any
     * case, at the engine's clock.
     */
    public int completeTasks(String caseId, String taskKey, Map<String, Object> variables) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(taskKey)
                .orderByTaskId()
                .asc()
                .list();
        for (Task task : open) {
            tasks.complete(task.getId(), variables);
        }
        return open.size();
    }

    /** The call activity of the instance's model that calls the process {@code calledKey}, if it has one. */
    public Optional<String> callActivityCalling(String processInstanceId, String calledKey) {
        return model(processInstanceId).getModelElementsByType(CallActivity.class).stream()
                .filter(call -> calledKey.equals(call.getCalledElement()))
                .map(CallActivity::getId)
                .sorted()
                .findFirst();
    }

    /** Whether the instance still runs. */
    public boolean running(String processInstanceId) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count()
                > 0;
    }

    /** The activities the instance's tokens wait in. */
    public List<String> activeActivities(String processInstanceId) {
        return runtime.getActiveActivityIds(processInstanceId);
    }

    /**
     * Sets the due date of the instance's timers waiting at {@code activityId}, the n-th one to the n-th date given;
     * returns how many dates found no timer.
     */
    public int setTimers(String processInstanceId, String activityId, List<Instant> dues) {
        List<Job> timers = new ArrayList<>();
        for (Job job : management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .orderByJobId()
                .asc()
                .list()) {
            if (activityId.equals(timerActivity(job.getJobDefinitionId()))) {
                timers.add(job);
            }
        }
        int missing = 0;
        for (int i = 0; i < dues.size(); i++) {
            if (i < timers.size()) {
                management.setJobDuedate(timers.get(i).getId(), Date.from(dues.get(i)));
            } else {
                missing++;
            }
        }
        return missing;
    }

    private String timerActivity(String jobDefinitionId) {
        return timerActivities.computeIfAbsent(jobDefinitionId, id -> {
            JobDefinition definition =
                    management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
            return definition == null ? "" : definition.getActivityId();
        });
    }
}

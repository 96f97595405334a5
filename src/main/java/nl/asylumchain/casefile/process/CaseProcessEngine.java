package nl.asylumchain.casefile.process;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFile.OpenTask;
import nl.asylumchain.casefile.ChainProcesses;
import nl.asylumchain.casefile.Stage;

/** The case file's bridge to the engine: starts the chain for a case and reads where it stands. */
@Component
class CaseProcessEngine implements ChainProcesses {

    private final RuntimeService runtimeService;
    private final TaskService taskService;

    private final Clock clock;

    CaseProcessEngine(RuntimeService runtimeService, TaskService taskService, Clock clock) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    @Override
    public void start(ChainStart start) {
        runtimeService.startProcessInstanceByKey(
                CaseModel.PROCESS_KEY,
                start.caseId().toString(),
                Variables.createVariables()
                        .putValue("caseId", start.caseId().toString())
                        .putValue("applicationType", start.applicationType())
                        .putValue("arrivalLocation", start.arrivalLocation())
                        .putValue("nationality", start.nationality())
                        .putValue("unaccompaniedMinor", start.unaccompaniedMinor())
                        .putValue("temporaryProtectionUkraine", start.temporaryProtectionUkraine())
                        .putValue("returnedAfterDublin", start.returnedAfterDublin())
                        .putValue("familyMembersAbroad", start.familyMembersAbroad())
                        .putValue(
                                "reportedOn",
                                Variables.dateValue(Date.from(start.reportedOn()
                                        .atStartOfDay(clock.getZone())
                                        .toInstant())))
                        .putValue("age", start.age()));
    }

    /**
     * A family member was added after intake: the main process routes on the new count when it reaches the
     * permit (its gateway "Gezinsleden in het buitenland?"); a finished or absent main process is left alone.
     */
    @Override
    public void familyMembersAbroadChanged(UUID caseId, int familyMembersAbroad) {
        ProcessInstance main = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        if (main != null) {
            runtimeService.setVariable(main.getId(), "familyMembersAbroad", familyMembersAbroad);
        }
    }

    @Override
    public List<Stage> currentStages(UUID caseId) {
        ProcessInstance main = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        if (main == null) {
            return List.of();
        }
        ActivityInstance tree = runtimeService.getActivityInstance(main.getId());
        if (tree == null) {
            return List.of();
        }
        return java.util.Arrays.stream(tree.getChildActivityInstances())
                .map(child -> CaseModel.STAGES.get(child.getActivityId()))
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /** Call activities pass the case id on as business key, so one query finds every stage's tasks. */
    @Override
    public List<OpenTask> openTasks(UUID caseId) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc()
                .list()
                .stream()
                .flatMap(task -> describe(task).stream())
                .toList();
    }

    /**
     * A listed task with its candidate groups, or nothing when a handler completed it after the list was read: a
     * case file read while somebody submits a form shows the case without that task instead of failing.
     */
    Optional<OpenTask> describe(Task task) {
        List<IdentityLink> links;
        try {
            links = taskService.getIdentityLinksForTask(task.getId());
        } catch (NullValueException completedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(new OpenTask(
                task.getId(),
                task.getName(),
                task.getTaskDefinitionKey(),
                links.stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId)
                        .filter(Objects::nonNull)
                        .sorted()
                        .toList(),
                task.getAssignee(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getPriority()));
    }
}

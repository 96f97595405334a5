package nl.asylumchain.casefile.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * What happened on a case according to the engine's history, and where its processes stand now: the case view's
 * timeline and diagram. Every process of a case carries the case id as business key, so one query per kind finds
 * the steps of all stages.
 */
@Component
public class CaseHistory {

    /** Kinds of activity that are a step worth a row on the timeline; gateways and plumbing are left out. */
    private static final Set<String> EVENT_TYPES = Set.of(
            "intermediateMessageCatch",
            "intermediateTimer",
            "intermediateSignalCatch",
            "intermediateConditional",
            "boundaryTimer",
            "boundaryMessage",
            "boundarySignal",
            "boundaryConditional",
            "boundaryError",
            "boundaryEscalation",
            "boundaryCompensation",
            "messageStartEvent",
            "timerStartEvent",
            "noneEndEvent",
            "errorEndEvent",
            "escalationEndEvent",
            "terminateEndEvent",
            "intermediateNoneThrowEvent",
            "intermediateMessageThrowEvent");

    private static final Set<String> AUTOMATIC_TYPES =
            Set.of("serviceTask", "businessRuleTask", "sendTask", "scriptTask");

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    CaseHistory(HistoryService historyService, RuntimeService runtimeService, RepositoryService repositoryService) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /**
     * A step of the case: a completed (or cancelled) user task with who had it and who completed it, an event
     * that occurred, an automatic step or a stage that started.
     */
    public record Step(
            Instant at,
            Kind kind,
            String name,
            String activityId,
            String processKey,
            String user,
            String assignee,
            String outcome) {}

    public enum Kind {
        TASK,
        EVENT,
        AUTOMATIC,
        STAGE
    }

    /** A process of the case with its activities: what is active now, what is done. */
    public record Position(
            String processInstanceId,
            String processDefinitionId,
            String processKey,
            String processName,
            boolean active,
            List<String> activeActivityIds,
            List<String> completedActivityIds) {}

    public List<Step> steps(UUID caseId) {
        List<HistoricProcessInstance> instances = instances(caseId);
        Map<String, String> keys = new HashMap<>();
        instances.forEach(i -> keys.put(i.getId(), i.getProcessDefinitionKey()));
        List<Step> steps = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            Map<String, String> completedBy = completers(instance.getId());
            for (HistoricTaskInstance task : historyService
                    .createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId())
                    .finished()
                    .list()) {
                boolean completed = "completed".equals(task.getDeleteReason());
                steps.add(new Step(
                        task.getEndTime().toInstant(),
                        Kind.TASK,
                        task.getName(),
                        task.getTaskDefinitionKey(),
                        instance.getProcessDefinitionKey(),
                        completedBy.getOrDefault(task.getId(), completed ? task.getAssignee() : null),
                        task.getAssignee(),
                        completed ? "COMPLETED" : "CANCELLED"));
            }
            for (HistoricActivityInstance activity : historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .finished()
                    .list()) {
                Kind kind = EVENT_TYPES.contains(activity.getActivityType())
                        ? Kind.EVENT
                        : AUTOMATIC_TYPES.contains(activity.getActivityType())
                                ? Kind.AUTOMATIC
                                : "callActivity".equals(activity.getActivityType()) ? Kind.STAGE : null;
                if (kind == null || activity.isCanceled()) {
                    continue;
                }
                // a stage is shown when it starts; everything else when it has happened
                Instant at = (kind == Kind.STAGE ? activity.getStartTime() : activity.getEndTime()).toInstant();
                steps.add(new Step(
                        at,
                        kind,
                        activity.getActivityName(),
                        activity.getActivityId(),
                        instance.getProcessDefinitionKey(),
                        null,
                        null,
                        kind == Kind.STAGE ? "STARTED" : "OCCURRED"));
            }
            // a stage still running shows when it started too
            for (HistoricActivityInstance activity : historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .activityType("callActivity")
                    .unfinished()
                    .list()) {
                steps.add(new Step(
                        activity.getStartTime().toInstant(),
                        Kind.STAGE,
                        activity.getActivityName(),
                        activity.getActivityId(),
                        instance.getProcessDefinitionKey(),
                        null,
                        null,
                        "STARTED"));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    /** The processes of the case, running ones first (the innermost stage last among them). */
    public List<Position> positions(UUID caseId) {
        List<Position> positions = new ArrayList<>();
        for (HistoricProcessInstance instance : instances(caseId)) {
            boolean active = instance.getEndTime() == null;
            List<String> activeIds = active ? runtimeService.getActiveActivityIds(instance.getId()) : List.of();
            List<String> completedIds = historyService
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId())
                    .finished()
                    .list()
                    .stream()
                    .filter(a -> !a.isCanceled())
                    .map(HistoricActivityInstance::getActivityId)
                    .distinct()
                    .toList();
            ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
            positions.add(new Position(
                    instance.getId(),
                    instance.getProcessDefinitionId(),
                    instance.getProcessDefinitionKey(),
                    definition.getName(),
                    active,
                    activeIds,
                    completedIds));
        }
        positions.sort(Comparator.comparing(Position::active).reversed());
        return positions;
    }

    /** The key of the case's process of this definition, when the case has one. */
    public Optional<String> processKey(UUID caseId, String processDefinitionId) {
        return instances(caseId).stream()
                .filter(i -> i.getProcessDefinitionId().equals(processDefinitionId))
                .map(HistoricProcessInstance::getProcessDefinitionKey)
                .findFirst();
    }

    /**
     * The BPMN XML of a process the case ran in, for the case view's diagram; empty when the definition is not one
     * of this case's, so the view's session reads diagrams of its case only.
     */
    public Optional<String> diagram(UUID caseId, String processDefinitionId) {
        if (instances(caseId).stream().noneMatch(i -> i.getProcessDefinitionId().equals(processDefinitionId))) {
            return Optional.empty();
        }
        try (InputStream xml = repositoryService.getProcessModel(processDefinitionId)) {
            return Optional.of(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ordered by start time: the main process first, then its stages. */
    private List<HistoricProcessInstance> instances(UUID caseId) {
        return historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .orderByProcessInstanceStartTime()
                .asc()
                .list();
    }

    /** Task id → the user who completed it (written by the engine when an authenticated user completes a task). */
    private Map<String, String> completers(String processInstanceId) {
        Map<String, String> result = new HashMap<>();
        for (UserOperationLogEntry entry : historyService
                .createUserOperationLogQuery()
                .processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list()) {
            if (entry.getTaskId() != null && entry.getUserId() != null) {
                result.putIfAbsent(entry.getTaskId(), entry.getUserId());
            }
        }
        return result;
    }
}

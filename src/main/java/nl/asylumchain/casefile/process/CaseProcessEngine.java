package nl.asylumchain.casefile.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFile.OpenTask;
import nl.asylumchain.casefile.ChainProcesses;
import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.persistence.EngineRuntimeRepository;
import nl.asylumchain.casefile.persistence.EngineRuntimeRepository.TaskGroupRow;

/** The case file's bridge to the engine: starts the chain for a case and reads where it stands. */
@Component
class CaseProcessEngine implements ChainProcesses {

    private final RuntimeService runtimeService;
    private final Clock clock;
    private final EngineRuntimeRepository runtimeTables;

    CaseProcessEngine(RuntimeService runtimeService, Clock clock, EngineRuntimeRepository runtimeTables) {
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.runtimeTables = runtimeTables;
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

    /**
     * The stages are the activities of the main process that hold an active execution now (its call activities, and
     * the waits of a suspended departure), in one statement ({@link EngineRuntimeRepository}): the main process has
     * no embedded sub-process, so each of them is a child of the root of its activity-instance tree.
     */
    @Override
    public List<Stage> currentStages(UUID caseId) {
        return runtimeTables.activeActivities(CaseModel.PROCESS_KEY, caseId.toString()).stream()
                .map(CaseModel.STAGES::get)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Call activities pass the case id on as business key, so one statement finds every stage's tasks with their
     * candidate groups; one consistent read also leaves out a task a handler completes meanwhile instead of failing.
     */
    @Override
    public List<OpenTask> openTasks(UUID caseId) {
        Map<String, List<TaskGroupRow>> byTask = new LinkedHashMap<>();
        runtimeTables
                .openTasks(caseId.toString())
                .forEach(row -> byTask.computeIfAbsent(row.taskId(), id -> new ArrayList<>())
                        .add(row));
        return byTask.values().stream()
                .map(rows -> {
                    TaskGroupRow task = rows.get(0);
                    return new OpenTask(
                            task.taskId(),
                            task.name(),
                            task.taskDefinitionKey(),
                            rows.stream()
                                    .map(TaskGroupRow::candidateGroup)
                                    .filter(Objects::nonNull)
                                    .sorted()
                                    .toList(),
                            task.assignee(),
                            task.dueDate(),
                            task.priority());
                })
                .toList();
    }
}

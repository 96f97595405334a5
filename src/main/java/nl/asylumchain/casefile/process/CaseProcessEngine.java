package nl.asylumchain.casefile.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFile.OpenTask;
import nl.asylumchain.casefile.ChainProcesses;
import nl.asylumchain.casefile.Stage;

/** The case file's bridge to the engine: starts the chain for a case and reads where it stands. */
@Component
class CaseProcessEngine implements ChainProcesses {

    private final RuntimeService runtimeService;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final String currentStagesSql;
    private final String openTasksSql;

    @Autowired
    CaseProcessEngine(
            RuntimeService runtimeService, Clock clock, JdbcClient jdbc, ProcessEngineConfigurationImpl engine) {
        this(runtimeService, clock, jdbc, engine.getDatabaseTablePrefix());
    }

    CaseProcessEngine(RuntimeService runtimeService, Clock clock, JdbcClient jdbc, String tablePrefix) {
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.jdbc = jdbc;
        String prefix = tablePrefix == null ? "" : tablePrefix;
        // the indexes: ACT_IDX_EXEC_BUSKEY (business key), the executions' and tasks' process-instance foreign-key
        // indexes and ACT_IDX_TSKASS_TASK (a task's identity links), all the engine's own
        this.currentStagesSql = """
                select e.ACT_ID_ from %1$sACT_RU_EXECUTION i
                join %1$sACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_
                join %1$sACT_RU_EXECUTION e on e.PROC_INST_ID_ = i.ID_
                where i.BUSINESS_KEY_ = :businessKey and i.PARENT_ID_ is null and d.KEY_ = :processKey
                    and e.ACT_ID_ is not null and e.IS_ACTIVE_ = true
                """.formatted(prefix);
        this.openTasksSql = """
                select t.ID_, t.NAME_, t.TASK_DEF_KEY_, t.ASSIGNEE_, t.DUE_DATE_, t.PRIORITY_, l.GROUP_ID_
                from %1$sACT_RU_EXECUTION i
                join %1$sACT_RU_TASK t on t.PROC_INST_ID_ = i.ID_
                left join %1$sACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'
                where i.BUSINESS_KEY_ = :businessKey and i.PARENT_ID_ is null
                order by t.PRIORITY_ desc, t.DUE_DATE_ asc, t.ID_
                """.formatted(prefix);
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
     * the waits of a suspended departure). One statement on the engine's runtime tables, read-only: the engine's own
     * API needs eight (the process instance by business key, then its whole activity-instance tree with definitions
     * and incidents) and most of a case file read's time went there. A scope or concurrent parent execution has no
     * activity and is inactive (the engine sets both when it creates the child), so only the leaves count, as in
     * the activity-instance tree; the main process has no embedded sub-process, so every leaf is one of its own.
     */
    @Override
    public List<Stage> currentStages(UUID caseId) {
        return jdbc
                .sql(currentStagesSql)
                .param("businessKey", caseId.toString())
                .param("processKey", CaseModel.PROCESS_KEY)
                .query(String.class)
                .list()
                .stream()
                .map(CaseModel.STAGES::get)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Call activities pass the case id on as business key, so one statement finds every stage's tasks with their
     * candidate groups (one row per task and group), in the order of the engine's task query (priority, then due
     * date). The engine's API asks once for the tasks and twice more per task; one consistent read also leaves out a
     * task a handler completes meanwhile instead of failing on it.
     */
    @Override
    public List<OpenTask> openTasks(UUID caseId) {
        record Row(String id, String name, String key, String assignee, Instant due, int priority, String group) {}
        List<Row> rows = jdbc.sql(openTasksSql)
                .param("businessKey", caseId.toString())
                .query((rs, i) -> new Row(
                        rs.getString("ID_"),
                        rs.getString("NAME_"),
                        rs.getString("TASK_DEF_KEY_"),
                        rs.getString("ASSIGNEE_"),
                        rs.getTimestamp("DUE_DATE_") == null
                                ? null
                                : rs.getTimestamp("DUE_DATE_").toInstant(),
                        rs.getInt("PRIORITY_"),
                        rs.getString("GROUP_ID_")))
                .list();
        Map<String, List<Row>> byTask = new LinkedHashMap<>();
        rows.forEach(
                row -> byTask.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return byTask.values().stream()
                .map(task -> {
                    Row first = task.get(0);
                    return new OpenTask(
                            first.id(),
                            first.name(),
                            first.key(),
                            task.stream()
                                    .map(Row::group)
                                    .filter(Objects::nonNull)
                                    .sorted()
                                    .toList(),
                            first.assignee(),
                            first.due(),
                            first.priority());
                })
                .toList();
    }
}

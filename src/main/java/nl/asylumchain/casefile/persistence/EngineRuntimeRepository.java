package nl.asylumchain.casefile.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a case stands in the engine, read from the engine's runtime tables in one statement each, read-only. The
 * engine's API needs eight statements for the stages (the process instance by business key, then its whole
 * activity-instance tree with definitions and incidents) and one plus two per task for the open tasks; most of a case
 * file read's time went there (docs/benchmarks.md, "Case API and scrape at scale"). Every statement here uses the
 * engine's own indexes: ACT_IDX_EXEC_BUSKEY (business key), ACT_IDX_EXE_PROCINST, ACT_IDX_TASK_PROCINST and
 * ACT_IDX_TSKASS_TASK (a task's identity links). Nothing here writes an engine table.
 */
@Repository
public class EngineRuntimeRepository {

    private final JdbcClient jdbc;
    private final String activeActivitiesSql;
    private final String openTasksSql;

    @Autowired
    public EngineRuntimeRepository(
            JdbcClient jdbc, @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jdbc = jdbc;
        String prefix = tablePrefix == null ? "" : tablePrefix;
        // a scope or concurrent parent execution has no activity and is inactive (the engine sets both when it
        // creates the child), so only the leaves count, as in the engine's activity-instance tree
        this.activeActivitiesSql = """
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

    /**
     * The activities holding an active execution of the process instance with this definition key and business
     * key (its waiting leaves), once per execution.
     */
    public List<String> activeActivities(String processKey, String businessKey) {
        return jdbc.sql(activeActivitiesSql)
                .param("businessKey", businessKey)
                .param("processKey", processKey)
                .query(String.class)
                .list();
    }

    /** A task with one of its candidate groups (null when it has none). */
    public record TaskGroupRow(
            String taskId,
            String name,
            String taskDefinitionKey,
            String assignee,
            Instant dueDate,
            int priority,
            String candidateGroup) {}

    /**
     * The open tasks of every process instance with this business key, one row per task and candidate group, by
     * priority (highest first) then due date, as the engine's task query orders them.
     */
    public List<TaskGroupRow> openTasks(String businessKey) {
        return jdbc.sql(openTasksSql)
                .param("businessKey", businessKey)
                .query((rs, i) -> new TaskGroupRow(
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
    }
}

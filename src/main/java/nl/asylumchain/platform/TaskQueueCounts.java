package nl.asylumchain.platform;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case-handler groups' task queues for the backlog gauges' background refresh: the open process tasks per
 * candidate group from their tally ({@link TaskGroupTally}, what Tasklist's group filters are counted from), and the
 * overdue ones of all groups in one statement. The engine's own counts, two per group (20 statements), read each
 * group's open tasks twice at every refresh, which at national size is the whole queue of the IND every 15 seconds
 * (docs/benchmarks.md, "Job acquisition by due date").
 */
@Component
public class TaskQueueCounts {

    private final JdbcClient jdbc;
    private final ProcessEngineConfigurationImpl engine;

    TaskQueueCounts(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /**
     * The open process tasks (assigned and suspended ones too) of each group; empty while the engine checks no
     * authorizations, as the tally is kept only then ({@link TaskGroupTally}): ask the engine instead.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Long>> openTasks(Collection<String> groups) {
        if (!engine.isAuthorizationEnabled()) {
            return Optional.empty();
        }
        Map<String, Long> open = new HashMap<>();
        for (String group : groups) {
            open.put(
                    group,
                    jdbc.sql(TaskGroupTally.OPEN_TASKS)
                            .param(group)
                            .param(group)
                            .query(Long.class)
                            .single());
        }
        return Optional.of(open);
    }

    /** The open process tasks of each group due before {@code now} (0 for a group with none), in one statement. */
    @Transactional(readOnly = true)
    public Map<String, Long> overdueTasks(Collection<String> groups, Instant now) {
        Map<String, Long> overdue = new HashMap<>();
        groups.forEach(group -> overdue.put(group, 0L));
        jdbc.sql("""
                        select I.GROUP_ID_ as group_id, count(distinct T.ID_) as tasks
                        from ACT_RU_TASK T join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_
                        where I.TYPE_ = 'candidate' and I.GROUP_ID_ in (:groups) and T.PROC_DEF_ID_ is not null
                        and T.DUE_DATE_ < :now
                        group by I.GROUP_ID_""")
                .param("groups", List.copyOf(groups))
                .param("now", Timestamp.from(now))
                .query((ResultSet rs) -> {
                    overdue.put(rs.getString("group_id"), rs.getLong("tasks"));
                });
        return overdue;
    }
}

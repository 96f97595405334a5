package nl.asylumchain.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the open tasks per candidate group ({@link TaskGroupTally}) small to read: every few seconds the changes the
 * engine wrote are added to their group's tally and deleted, in one transaction; at start-up and each night the
 * tally is counted from the engine's tables once more (a database from before the tally, or one the engine changed
 * while authorization was off, gets its exact figures back).
 *
 * <p>Several nodes share the tables. A fold takes the rows it read by id, so a change committed meanwhile waits for
 * the next fold, and on PostgreSQL only one node folds at a time (a transaction-level advisory lock; another node
 * skips its turn). The recount locks the changes table against writes while it counts, so that no task comes or goes
 * between the count and the emptied changes.
 */
@Component
@Profile("!forecast")
class TaskGroupTallyFold implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TaskGroupTallyFold.class);

    /** PostgreSQL's advisory lock key of the fold and the count (any constant of this application). */
    private static final long LOCK = 0x7461_6c6c_79L;

    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean postgres;

    TaskGroupTallyFold(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProcessEngine engine,
            @Value("${asylumchain.tasklist.count-from-tally:true}") boolean countFromTally) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.postgres = "postgres"
                .equals(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType());
        TaskGroupTally.enable(countFromTally);
    }

    @Override
    public void afterSingletonsInstantiated() {
        recount();
    }

    /**
     * Sets every group's tally to the engine's count of its open process tasks and empties the changes: at start-up,
     * and each night ({@code asylumchain.tasklist.tally-recount-cron}), so that whatever the changes missed (a
     * candidate group an administrator gave a task twice, a spell with authorization off) lasts a day at most.
     */
    @Scheduled(cron = "${asylumchain.tasklist.tally-recount-cron:0 45 3 * * *}")
    void recount() {
        transactions.executeWithoutResult(status -> {
            if (postgres) {
                jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) locked")
                        .param("key", LOCK)
                        .query(Integer.class)
                        .single();
                jdbc.sql("lock table task_group_tally_changes in exclusive mode")
                        .update();
            }
            jdbc.sql("delete from task_group_tally_changes").update();
            jdbc.sql("delete from task_group_tally").update();
            int groups = jdbc.sql("""
                            insert into task_group_tally (group_id, open_tasks)
                            select I.GROUP_ID_, count(*) from ACT_RU_IDENTITYLINK I
                            join ACT_RU_TASK T on T.ID_ = I.TASK_ID_
                            where I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null and T.PROC_DEF_ID_ is not null
                            group by I.GROUP_ID_""").update();
            log.info("Open tasks per candidate group counted for {} groups", groups);
        });
    }

    /**
     * Adds the changes written so far to their groups' tallies and deletes them, in transactions of at most {@value
     * #BATCH}; returns how many it folded.
     */
    @Scheduled(
            initialDelayString = "${asylumchain.tasklist.tally-fold-interval:PT10S}",
            fixedDelayString = "${asylumchain.tasklist.tally-fold-interval:PT10S}")
    int fold() {
        int folded = 0;
        int batch;
        do {
            batch = foldBatch();
            folded += batch;
        } while (batch == BATCH);
        return folded;
    }

    /** One transaction: at most {@value #BATCH} changes, the oldest first. */
    private int foldBatch() {
        Integer folded = transactions.execute(status -> {
            if (postgres
                    && !jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                            .param("key", LOCK)
                            .query(Boolean.class)
                            .single()) {
                return 0;
            }
            List<Change> changes = jdbc.sql(
                            "select id, group_id, delta from task_group_tally_changes order by id fetch first " + BATCH
                                    + " rows only")
                    .query(RecordRowMapper.of(Change.class))
                    .list();
            if (changes.isEmpty()) {
                return 0;
            }
            Map<String, Long> perGroup = new LinkedHashMap<>();
            changes.forEach(change -> perGroup.merge(change.groupId(), (long) change.delta(), Long::sum));
            for (int from = 0; from < changes.size(); from += 1_000) {
                List<Long> ids = changes.subList(from, Math.min(from + 1_000, changes.size())).stream()
                        .map(Change::id)
                        .toList();
                jdbc.sql("delete from task_group_tally_changes where id in (:ids)")
                        .param("ids", ids)
                        .update();
            }
            perGroup.forEach((group, delta) -> {
                int updated = jdbc.sql(
                                "update task_group_tally set open_tasks = open_tasks + :delta where group_id = :group")
                        .param("delta", delta)
                        .param("group", group)
                        .update();
                if (updated == 0) {
                    jdbc.sql("insert into task_group_tally (group_id, open_tasks) values (:group, :delta)")
                            .param("group", group)
                            .param("delta", delta)
                            .update();
                }
            });
            return changes.size();
        });
        return folded == null ? 0 : folded;
    }

    record Change(long id, String groupId, int delta) {}
}

package nl.asylumchain.platform;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs that are due and that no job executor holds: what its acquisition would take at {@code now}
 * (retries left, due, active, not locked or with its lock run out), in one statement through our index on the due
 * date ({@code db/engine} V4). The engine's two job queries for the same figure (executable, and executable and
 * acquired) joined every job to its process instance to see whether the instance was suspended, which read the whole
 * execution table at every refresh of the gauges (85-180 ms at 20,000 cases, docs/benchmarks.md). The job's own
 * suspension state says the same: suspending an instance suspends its jobs, and the acquisition asks the job's.
 * Every job has a due date (application.yml, {@code ensure-job-due-date-not-null}), so, like the acquisition, the
 * statement does not ask for jobs without one.
 */
@Component
public class DueJobCounts {

    private final JdbcClient jdbc;
    private final String sql;

    DueJobCounts(JdbcClient jdbc, @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jdbc = jdbc;
        String prefix = tablePrefix == null ? "" : tablePrefix;
        this.sql = statement(prefix);
    }

    /** The count at {@code :now}, for the engine's tables under {@code prefix}. */
    static String statement(String prefix) {
        return """
                select count(*) from %sACT_RU_JOB
                where RETRIES_ > 0 and DUEDATE_ <= :now and SUSPENSION_STATE_ = 1
                and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < :now)
                """.formatted(prefix);
    }

    /** The jobs due at {@code now} that no job executor has acquired. */
    public long dueNotAcquired(Instant now) {
        return jdbc.sql(sql).param("now", Timestamp.from(now)).query(Long.class).single();
    }
}

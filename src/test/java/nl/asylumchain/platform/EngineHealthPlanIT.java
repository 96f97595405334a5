package nl.asylumchain.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gauges' background refresh reads the engine's health and the stages' running instances from small indexes on
 * PostgreSQL, not from the job and execution tables ({@code db/engine/postgres} V4 and V7; docs/benchmarks.md, "The
 * engine's health from two partial indexes"): the failed jobs as the engine counts them (its statement as it sends
 * it) from the index of the jobs without retries, the due jobs from the index on the due date, the running instances
 * per definition from the index of the executions without a parent, read alone. Each plan is asked with sequential
 * scans priced out, as on a database of national size; a test database is small enough that PostgreSQL would rather
 * read the table. A statement rewritten so that an index's condition no longer follows from it fails here.
 */
class EngineHealthPlanIT extends PostgresIntegrationTest {

    private static final String JOB_COUNT =
            "org.camunda.bpm.engine.impl.persistence.entity.JobEntity.selectJobCountByQueryCriteria";

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void someCasesRunAndTheStatisticsKnowThem() {
        driver.register(nl.asylumchain.ChainClient.application());
        jdbc.sql("vacuum analyze ACT_RU_EXECUTION").update();
        jdbc.sql("vacuum analyze ACT_RU_JOB").update();
    }

    @Test
    void theFailedJobsAreCountedFromTheIndexOfJobsWithoutRetries() {
        String thread = Thread.currentThread().getName();
        List<String> captured = EngineStatements.captured(JOB_COUNT, thread::equals, () ->
                (int) management.createJobQuery().noRetriesLeft().count());
        String sql = captured.get(1);
        assertThat(sql).as("the engine's count of failed jobs").isNotNull().contains("RETRIES_ = 0");

        List<String> plan =
                plan(() -> jdbc.sql("explain " + sql).query(String.class).list());
        assertThat(plan)
                .as(String.join("\n", plan))
                .anySatisfy(line -> assertThat(line).contains("ac_idx_job_no_retries"));
    }

    @Test
    void theDueJobsAreCountedFromTheIndexOnTheDueDate() {
        List<String> plan = plan(() -> jdbc.sql("explain " + DueJobCounts.statement(""))
                .param("now", Timestamp.from(Instant.now()))
                .query(String.class)
                .list());
        assertThat(plan)
                .as(String.join("\n", plan))
                .anySatisfy(line -> assertThat(line).contains("ac_idx_job_due_date"));
        assertThat(plan)
                .as(String.join("\n", plan))
                .noneSatisfy(line -> assertThat(line).containsIgnoringCase("act_ru_execution"));
    }

    @Test
    void theRunningInstancesAreCountedFromTheIndexOfInstancesAlone() {
        List<String> plan = plan(() -> jdbc.sql("explain " + RunningInstanceCounts.statement(""))
                .query(String.class)
                .list());
        assertThat(plan)
                .as(String.join("\n", plan))
                .anySatisfy(line -> assertThat(line).contains("Index Only Scan using ac_idx_exe_root_def"));
    }

    private List<String> plan(Supplier<List<String>> explain) {
        return transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return explain.get();
        });
    }
}

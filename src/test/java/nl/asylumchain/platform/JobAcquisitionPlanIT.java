package nl.asylumchain.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.decision.process.DecisionDeadlineModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's guard for the job executor: acquiring due jobs must not read the job table. The engine's acquisition
 * statement, as it sends it (MyBatis log, our settings: every job has a due date and the jobs due first go first), is
 * run again under {@code EXPLAIN (ANALYZE)} with many timers waiting that are due later and stand before the due ones
 * in the table, as in a table that has lived (a deadline watch's two timers for every case at the IND); at two sizes.
 * The rows its plan touches must stay a handful and must not grow with the timers: with our index on the due date
 * ({@code db/engine}, {@code AC_IDX_JOB_DUE_DATE}) PostgreSQL walks the due jobs from the earliest and stops at the
 * third. Without the ordering (Camunda's default) it scans the table until it meets three due jobs, past every timer
 * due later, and this test fails; a drain of 100,000 due timers did that at every acquisition. No timing.
 */
class JobAcquisitionPlanIT extends PostgresIntegrationTest {

    private static final String ACQUISITION =
            "org.camunda.bpm.engine.impl.persistence.entity.JobEntity.selectNextJobsToExecute";

    private static final int WATCHES = 1000;
    /** The acquisition reads the head of the due jobs: a few rows more or less, never twice as many. */
    private static final double ALLOWED_GROWTH = 1.1;

    /** The moment the acquisition runs at: the due watches' warnings fell due before it, everything else after. */
    private static final Instant NOW = Instant.parse("2000-01-01T00:00:00Z");

    private static final Date DUE = Date.from(Instant.parse("1990-01-01T00:00:00Z"));
    private static final Date LATER = Date.from(Instant.parse("2095-01-01T00:00:00Z"));
    private static final Date LATER_STILL = Date.from(Instant.parse("2095-02-01T00:00:00Z"));

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final List<String> seeded = new ArrayList<>();
    private final Set<String> due = new HashSet<>();

    @Test
    void acquiringDueJobsReadsTheHeadOfTheDueDateIndexHoweverManyTimersWait() {
        seed(WATCHES);
        Work first = measure();
        seed(WATCHES);
        Work second = measure();
        LoggerFactory.getLogger(JobAcquisitionPlanIT.class)
                .info(
                        "Job acquisition plan work at {} and {} waiting timers: {} / {}",
                        first.waiting(),
                        second.waiting(),
                        first,
                        second);

        assertThat(first.waiting())
                .as("timers due later than the acquisition, the first time")
                .isGreaterThanOrEqualTo(3L * WATCHES);
        assertThat((double) second.rows())
                .as("rows the acquisition's plan touches: %s then %s", first.rows(), second.rows())
                .isLessThanOrEqualTo(ALLOWED_GROWTH * first.rows() + 2)
                .isLessThan(100);
    }

    /**
     * Deadline watches started through the engine as the decision module starts them: first those whose two timers
     * are due later, then those whose warning is due; so the table holds the later timers before the due ones.
     */
    private void seed(int watches) {
        start(watches, LATER, LATER_STILL, false);
        start(watches, DUE, LATER_STILL, true);
        jdbc.sql("analyze").update();
    }

    private void start(int watches, Date warningAt, Date deadlineAt, boolean warningDue) {
        for (int done = 0; done < watches; done += 250) {
            int batch = Math.min(250, watches - done);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    String caseId = "00000000-0000-0000-0001-" + String.format("%012d", seeded.size());
                    String instance = runtimeService
                            .startProcessInstanceByKey(
                                    DecisionDeadlineModel.PROCESS_KEY,
                                    caseId,
                                    Variables.createVariables()
                                            .putValue("caseId", caseId)
                                            .putValue("deadlineWarningAt", warningAt)
                                            .putValue("deadlineAt", deadlineAt))
                            .getId();
                    seeded.add(instance);
                    if (warningDue) {
                        due.add(instance);
                    }
                }
            });
        }
    }

    record Work(long waiting, long rows) {}

    /** The job executor's acquisition of three jobs at {@link #NOW}, as the engine sends it, and its plan's rows. */
    private Work measure() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> captured;
        ClockUtil.setCurrentTime(Date.from(NOW));
        try {
            String thread = Thread.currentThread().getName();
            captured = EngineStatements.captured(ACQUISITION, thread::equals, () -> {
                List<AcquirableJobEntity> jobs = configuration
                        .getCommandExecutorTxRequired()
                        .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 3)));
                assertThat(jobs)
                        .as("the jobs acquired are due: our watches' warnings")
                        .hasSize(3)
                        .allSatisfy(job -> assertThat(due).contains(job.getProcessInstanceId()));
                return jobs.size();
            });
        } finally {
            ClockUtil.reset();
        }
        String sql = captured.get(1);
        assertThat(sql).as("the engine's acquisition statement").isNotNull().containsIgnoringCase("order by");
        LoggerFactory.getLogger(JobAcquisitionPlanIT.class)
                .info("The job acquisition, as planned:\n{}", EngineStatements.plan(jdbc, sql));
        long waiting = jdbc.sql("select count(*) from ACT_RU_JOB where DUEDATE_ > :now")
                .param("now", java.sql.Timestamp.from(NOW))
                .query(Long.class)
                .single();
        return new Work(waiting, EngineStatements.rowsTouched(jdbc, sql));
    }

    @AfterEach
    void removeSeededWatches() {
        if (!seeded.isEmpty()) {
            runtimeService.deleteProcessInstancesIfExists(seeded, "plan guard done", true, true, true);
            historyService.deleteHistoricProcessInstancesIfExists(seeded);
            seeded.clear();
            due.clear();
        }
    }
}

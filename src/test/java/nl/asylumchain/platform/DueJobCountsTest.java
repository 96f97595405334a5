package nl.asylumchain.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gauges' count of jobs due and not acquired gives what the engine's two job queries gave (executable, less
 * executable and acquired), as a job falls due, is locked by a job executor, runs out of retries, or its instance is
 * suspended. The context's database is shared, so every figure is compared with the engine's on the same rows.
 */
@ChainTestContext
class DueJobCountsTest {

    private static final long TEN_DAYS = 10L * 24 * 60 * 60 * 1000;

    @LocalServerPort
    int port;

    @Autowired
    DueJobCounts counts;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void countsTheJobsTheAcquisitionWouldTakeAsTheEnginesQueriesDo() {
        CaseDriver driver = new CaseDriver(new ChainClient(port));
        String resting = driver.register(ChainClient.application());
        driver.workAnswered(resting, CaseDriver.answers("GRANT"), Set.of()); // stops at the rest-period timer
        Execution waiting = runtime.createExecutionQuery()
                .processInstanceBusinessKey(resting)
                .activityId(RegistrationModel.EVENT_REST_PERIOD_PASSED)
                .singleResult();
        Job timer = management
                .createJobQuery()
                .executionId(waiting.getId())
                .timers()
                .singleResult();
        long dueNow = counts.dueNotAcquired(now());
        assertThat(dueNow).isEqualTo(enginesCount());

        ClockUtil.offset(TEN_DAYS);
        long due = counts.dueNotAcquired(now());
        assertThat(due).as("the rest-period timer fell due").isGreaterThan(dueNow);
        assertThat(due).isEqualTo(enginesCount());

        jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'node-1', LOCK_EXP_TIME_ = :until where ID_ = :id")
                .param("until", Timestamp.from(now().plusSeconds(300)))
                .param("id", timer.getId())
                .update();
        try {
            assertThat(counts.dueNotAcquired(now())).as("locked").isEqualTo(due - 1);
            assertThat(counts.dueNotAcquired(now())).isEqualTo(enginesCount());
            ClockUtil.offset(TEN_DAYS + 600_000);
            assertThat(counts.dueNotAcquired(now())).as("its lock ran out").isGreaterThanOrEqualTo(due);
            assertThat(counts.dueNotAcquired(now())).isEqualTo(enginesCount());
        } finally {
            ClockUtil.offset(TEN_DAYS);
            jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = :id")
                    .param("id", timer.getId())
                    .update();
        }

        management.setJobRetries(timer.getId(), 0);
        try {
            assertThat(counts.dueNotAcquired(now())).as("no retries left").isEqualTo(due - 1);
            assertThat(counts.dueNotAcquired(now())).isEqualTo(enginesCount());
        } finally {
            management.setJobRetries(timer.getId(), 3);
        }

        runtime.suspendProcessInstanceById(timer.getProcessInstanceId());
        try {
            assertThat(counts.dueNotAcquired(now())).as("suspended").isEqualTo(due - 1);
            assertThat(counts.dueNotAcquired(now())).isEqualTo(enginesCount());
        } finally {
            runtime.activateProcessInstanceById(timer.getProcessInstanceId());
        }
        assertThat(counts.dueNotAcquired(now())).isEqualTo(due);
    }

    private static Instant now() {
        return ClockUtil.now().toInstant();
    }

    private long enginesCount() {
        return management.createJobQuery().executable().count()
                - management.createJobQuery().executable().acquired().count();
    }
}

package nl.asylumchain.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: many timers falling due at once, drained by the job executor as production configures it
 * ({@code application.yml}), beside a stock engine's job executor with the same settings. Ours: spoor-4 cases
 * registered through the case file, identification and registration interview done, each waiting out its
 * rest-and-preparation period (six days); the engine's clock then moves seven days on, so every one of those timers
 * is due at once. Each timer's effect is counted: the case's PROCEDURE_STARTED milestone and its reception move,
 * exactly once each, and one successful run per timer in the job log. Stock: as many instances of a one-timer
 * process (own database, same server, same history level), their timers due at once the same way. Prints jobs per
 * second, ours, stock and the ratio. Run:
 * {@code ./mvnw -Pbench verify -Dtest=TimerDrainBenchmark [-Dbench.timers=100000]}.
 */
@SpringBootTest
class TimerDrainBenchmark {

    static final int TIMERS = Integer.getInteger("bench.timers", 100_000);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    static final int BATCH = 500;
    static final String DATABASE = "bench_timers";
    static final String STOCK_DATABASE = "stock_timers";
    static final String STOCK_PROCESS = "stockOneTimer";
    static final Duration DRAIN_LIMIT = Duration.ofHours(2);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @Autowired
    ProcessEngine ours;

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcClient db;

    static ProcessEngine stock;

    @Test
    void timersFallingDueAtOnceDrainEachExactlyOnceBesideAStockEngine() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration();
        JobExecutor executor = configuration.getJobExecutor();
        String restPeriod = RegistrationModel.EVENT_REST_PERIOD_PASSED;

        double ourSeed = seedOurs();
        long waiting = db.sql("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where d.act_id_ = ?")
                .param(restPeriod)
                .query(Long.class)
                .single();
        assertThat(waiting).as("cases waiting out their rest period").isEqualTo(TIMERS);
        db.sql("analyze").update();
        DatabaseWork ourBefore = DatabaseWork.of(DATABASE);
        TableWork ourTablesBefore = TableWork.of(DATABASE);
        // where a job's database time goes, with -Dbench.statements=true (the drain's own count of the jobs left is
        // among them, every 100 ms)
        StatementWork ourStatements = StatementWork.requested() ? StatementWork.of(db, DATABASE) : null;
        if (ourStatements != null) {
            ourStatements.reset();
        }
        double ourDrain = drain(
                Duration.ofDays(7),
                () -> db.sql("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                                + " where d.act_id_ = ?")
                        .param(restPeriod)
                        .query(Long.class)
                        .single(),
                () -> db.sql("analyze").update());

        DatabaseWork ourWork = DatabaseWork.of(DATABASE).minus(ourBefore);
        TableWork ourTables = TableWork.of(DATABASE).minus(ourTablesBefore);
        List<String> ourStatementLines = ourStatements == null ? List.of() : ourStatements.per(TIMERS, "job", 30);
        // each timer's effect exactly once
        assertThat(count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 2", restPeriod))
                .as("successful timer runs")
                .isEqualTo(TIMERS);
        assertThat(count(
                        "select count(distinct job_id_) from act_hi_job_log where act_id_ = ? and job_state_ = 2",
                        restPeriod))
                .as("timers that ran")
                .isEqualTo(TIMERS);
        assertThat(count("select count(*) from case_milestones where milestone = 'PROCEDURE_STARTED'"))
                .as("PROCEDURE_STARTED milestones")
                .isEqualTo(TIMERS);
        assertThat(count("select count(distinct case_id) from case_milestones where milestone = 'PROCEDURE_STARTED'"))
                .as("cases with their PROCEDURE_STARTED milestone")
                .isEqualTo(TIMERS);
        assertThat(count("select count(*) from (select case_id, step from reception_moves group by case_id, step"
                        + " having count(*) > 1) twice"))
                .as("reception moves recorded twice")
                .isZero();
        long moves = count("select count(*) from reception_moves");
        assertThat(count("select count(*) from act_ru_incident"))
                .as("incidents")
                .isZero();
        long failedRuns = count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 1", restPeriod);

        // ours rests while the stock engine drains (the clock is one per JVM: ours would take its own due jobs)
        executor.shutdown();
        String historyLevel = configuration.getHistoryLevel().getName();
        stock = StockEngine.withJobExecutorLike(STOCK_DATABASE, historyLevel, executor);
        JdbcClient stockDb = StockEngine.database(STOCK_DATABASE);
        double stockSeed = seedStock();
        stockDb.sql("analyze").update();
        DatabaseWork stockBefore = DatabaseWork.of(STOCK_DATABASE);
        TableWork stockTablesBefore = TableWork.of(STOCK_DATABASE);
        double stockDrain = drain(
                Duration.ofHours(2),
                () -> stockDb.sql("select count(*) from act_ru_job")
                        .query(Long.class)
                        .single(),
                () -> stockDb.sql("analyze").update());
        DatabaseWork stockWork = DatabaseWork.of(STOCK_DATABASE).minus(stockBefore);
        TableWork stockTables = TableWork.of(STOCK_DATABASE).minus(stockTablesBefore);
        assertThat(stockDb.sql("select count(*) from act_hi_job_log where job_state_ = 2")
                        .query(Long.class)
                        .single())
                .isEqualTo(TIMERS);
        assertThat(stockDb.sql("select count(*) from act_hi_procinst where end_time_ is not null")
                        .query(Long.class)
                        .single())
                .isEqualTo(TIMERS);

        System.out.printf(
                "%n=== TimerDrainBenchmark: %,d timers due at once per engine, PostgreSQL, history ours %s, stock %s ===%n",
                TIMERS, historyLevel, levelOf(stock));
        System.out.printf(
                "job executor (both): %s, %d jobs per acquisition, wait %d ms, max wait %d ms, lock %d ms, back-off"
                        + " %d-%d ms%n",
                StockEngine.pool(executor),
                executor.getMaxJobsPerAcquisition(),
                executor.getWaitTimeInMillis(),
                executor.getMaxWait(),
                executor.getLockTimeInMillis(),
                executor.getBackoffTimeInMillis(),
                executor.getMaxBackoff());
        System.out.printf(
                "seeding: ours %.0f s (cases registered, identified, interviewed), stock %.0f s (batches of %d starts)%n",
                ourSeed, stockSeed, BATCH);
        System.out.printf(
                "ours: every timer ran once (%d failed attempts retried), %,d PROCEDURE_STARTED milestones, one per case,"
                        + " %,d reception moves, none twice%n",
                failedRuns, TIMERS, moves);
        System.out.printf("%-44s %21s %21s %13s%n", "figure", "ours", "stock", "ratio");
        System.out.printf("%-44s %21.1f %21.1f%n", "drain time (s)", ourDrain, stockDrain);
        System.out.printf(
                "%-44s %21.1f %21.1f %12.2fx%n",
                "timer jobs per second (goal >= 250)", TIMERS / ourDrain, TIMERS / stockDrain, stockDrain / ourDrain);
        System.out.printf("database work, ours:  %s%n", ourWork.per(TIMERS, "job"));
        System.out.printf("database work, stock: %s%n", stockWork.per(TIMERS, "job"));
        System.out.printf("rows written per table, ours:%n%s%n", ourTables.per(TIMERS, "job"));
        System.out.printf("rows written per table, stock:%n%s%n", stockTables.per(TIMERS, "job"));
        System.out.printf("rows read per table, ours (ten most):%n%s%n", ourTables.readPer(TIMERS, "job", 10));
        System.out.printf("rows read per table, stock (ten most):%n%s%n%n", stockTables.readPer(TIMERS, "job", 10));
        if (!ourStatementLines.isEmpty()) {
            System.out.println("statements per job, ours (calls, mean ms, rows per call, statement):");
            ourStatementLines.forEach(System.out::println);
            System.out.println();
        }
    }

    /** Moves the engine's clock on and waits until no job of the kind {@code left} counts remains; returns seconds. */
    /**
     * Moves the clock past the timers and waits until {@code left} is 0. The tables a job fills (tasks, IND
     * procedures) are empty when it starts, unlike a running chain's; the statistics of an empty table make PostgreSQL
     * plan a sequential scan, which a connection keeps for its prepared statement until the statistics change, so the
     * drain slowed down as the tables grew (6,938 task rows and 2,047 procedure rows scanned per job at 3,000 timers).
     * Autovacuum would analyze them in a running system; here {@code analyze} runs each time the drained count has
     * doubled from 64 on, for both engines, as {@link Statistics} does while seeding.
     */
    private static double drain(Duration forward, LongSupplier left, Runnable analyze) throws InterruptedException {
        long start = System.nanoTime();
        long waiting = left.getAsLong();
        long nextAnalyze = 64;
        // moved on and left running: a frozen clock would never pass the lock of a job whose transaction failed
        // (its lock stays until lock-time has passed), and the drain would wait for it until the limit
        ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + forward.toMillis());
        Instant limit = Instant.now().plus(DRAIN_LIMIT);
        for (long now = waiting; now > 0; now = left.getAsLong()) {
            assertThat(Instant.now()).as("drained before the limit").isBefore(limit);
            if (waiting - now >= nextAnalyze) {
                analyze.run();
                nextAnalyze *= 2;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Spoor-4 cases through identification and the registration interview: each waits for its rest period. */
    private double seedOurs() throws Exception {
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> shares = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = t;
                shares.add(threads.submit(() -> {
                    for (int i = share; i < TIMERS; i += THREADS) {
                        waitForRestPeriod(
                                intake.register(HandlerWork.applicant("Timer", i, LocalDate.now(), "SYR"), null)
                                        .caseId()
                                        .toString());
                    }
                }));
            }
            for (Future<?> share : shares) {
                share.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void waitForRestPeriod(String caseId) {
        TaskService tasks = ours.getTaskService();
        for (List<Task> open = open(caseId); !open.isEmpty(); open = open(caseId)) {
            for (Task task : open) {
                Map<String, Object> answers = CaseDriver.SPOOR_4_ANSWERS.get(task.getTaskDefinitionKey());
                assertThat(answers)
                        .as("answers for " + task.getTaskDefinitionKey())
                        .isNotNull();
                tasks.complete(task.getId(), answers);
            }
        }
    }

    private List<Task> open(String caseId) {
        return ours.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .active()
                .list();
    }

    /** Instances of a one-timer process, started in batches of 500 per transaction. */
    private static double seedStock() {
        stock.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "stock.bpmn",
                        Bpmn.createExecutableProcess(STOCK_PROCESS)
                                .camundaHistoryTimeToLive(180)
                                .startEvent()
                                .intermediateCatchEvent("wait")
                                .timerWithDuration("PT1H")
                                .endEvent()
                                .done())
                .deploy();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) stock.getProcessEngineConfiguration();
        long start = System.nanoTime();
        for (int done = 0; done < TIMERS; done += BATCH) {
            int first = done;
            int batch = Math.min(BATCH, TIMERS - done);
            configuration.getCommandExecutorTxRequired().execute(context -> {
                for (int i = first; i < first + batch; i++) {
                    stock.getRuntimeService().startProcessInstanceByKey(STOCK_PROCESS, "stock-" + i);
                }
                return null;
            });
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static String levelOf(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getHistoryLevel()
                .getName();
    }

    private long count(String sql, Object... params) {
        var statement = db.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    @AfterAll
    static void closeStockAndResetClock() {
        ClockUtil.reset();
        if (stock != null) {
            stock.close();
        }
    }
}

package nl.asylumchain.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.NewCase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: does five years of history slow the daily work down? On an empty database the benchmark times a start
 * (a case registered through the case file, its processes started up to the first task) and a complete (that
 * case's identification, completed by a handler of its group with the demo traffic's answers), p50 and p99. It then
 * lives through {@code bench.history.months} simulated months (default 72: six years, so that the cleanup removes
 * the first year again and five years remain) on a moved engine clock: each month {@code
 * bench.history.cases-per-month} cases go from intake to their end event ({@link HandlerWork}), and the engine's
 * history cleanup runs as its nightly window would, until it finds nothing more to remove. Back at today, it times
 * start and complete again and prints both, with the ratio (goal: p99 at most +20%). Run:
 * {@code ./mvnw -Pbench verify -Dtest=HistoryGrowthBenchmark [-Dbench.history.cases-per-month=6300]}.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class HistoryGrowthBenchmark {

    static final int MONTHS = Integer.getInteger("bench.history.months", 72);
    static final int CASES_PER_MONTH = Integer.getInteger("bench.history.cases-per-month", 4);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    static final String DATABASE = "bench_history";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcClient db;

    /** Start and complete, p50 and p99. */
    record StartAndComplete(Latency start, Latency complete) {}

    @Test
    void startAndCompleteAfterFiveYearsOfHistoryBesideAnEmptyDatabase() throws Exception {
        Instant today = Instant.now();
        ZonedDateTime firstMonth = today.atZone(AMSTERDAM).minusMonths(MONTHS);
        HandlerWork handler = new HandlerWork(engine, 14);

        StartAndComplete empty = measure(handler, "empty");
        long rowsEmpty = historyRows();

        long seeding = System.nanoTime();
        int ended = 0;
        long removed = 0;
        for (int month = 0; month < MONTHS; month++) {
            ClockUtil.setCurrentTime(Date.from(firstMonth.plusMonths(month).toInstant()));
            ended += liveThroughMonth(month);
            long before = historyRows();
            cleanUp();
            removed += before - historyRows();
        }
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        ClockUtil.setCurrentTime(Date.from(today));
        cleanUp();
        db.sql("analyze").update();
        long rowsAfter = historyRows();
        long instances =
                db.sql("select count(*) from act_hi_procinst").query(Long.class).single();
        assertThat(removed).as("history rows the cleanup removed on the way").isPositive();

        StartAndComplete history = measure(handler, "history");

        System.out.printf(
                "%n=== HistoryGrowthBenchmark: %d simulated months, %d cases a month, history cleanup on ===%n",
                MONTHS, CASES_PER_MONTH);
        System.out.printf(
                "seeded in %.0f s: %,d cases ended (%d went on waiting for a message); the cleanup removed %,d history"
                        + " rows on the way; left: %,d history rows (empty: %,d), %,d historic process instances%n",
                seedSeconds, ended, MONTHS * CASES_PER_MONTH - ended, removed, rowsAfter, rowsEmpty, instances);
        System.out.printf("%-44s %21s %21s %13s%n", "figure (p50 / p99, ms)", "after history", "empty", "ratio p99");
        Latency.row("start (case registered, up to the first task)", history.start(), empty.start());
        Latency.row("complete (identification, as its handler)", history.complete(), empty.complete());
        System.out.println("goal: ratio p99 <= 1.20");
        System.out.println();
    }

    /** Times ROUNDS starts (after a warm-up), then completes the first task of each case started. */
    private StartAndComplete measure(HandlerWork handler, String name) {
        ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
        int[] i = {0};
        Latency start = Latency.measure(
                ROUNDS,
                Duration.ZERO,
                () -> started.add(
                        intake.register(applicant(name, i[0]++), null).caseId().toString()));
        Iterator<String> cases = started.iterator();
        List<Long> completes = new ArrayList<>();
        while (cases.hasNext()) {
            List<Task> open = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceBusinessKey(cases.next())
                    .active()
                    .list();
            assertThat(open).as("the first task of a new case").hasSize(1);
            long t = System.nanoTime();
            handler.complete(open.get(0));
            completes.add(System.nanoTime() - t);
        }
        // the first completes warm up, as the starts did
        return new StartAndComplete(
                start, Latency.of(completes.subList(completes.size() - ROUNDS, completes.size()), completes.size()));
    }

    /** This month's cases, intake to end, on {@link #THREADS} threads; returns how many ended. */
    private int liveThroughMonth(int month) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> shares = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = t;
                shares.add(threads.submit(() -> {
                    HandlerWork work = new HandlerWork(engine, month * 31L + share);
                    int ended = 0;
                    for (int i = share; i < CASES_PER_MONTH; i += THREADS) {
                        String caseId = intake.register(applicant("month " + month, i), null)
                                .caseId()
                                .toString();
                        if (work.workToEnd(caseId) == HandlerWork.End.ENDED) {
                            ended++;
                        }
                    }
                    return ended;
                }));
            }
            int ended = 0;
            for (Future<Integer> share : shares) {
                ended += share.get();
            }
            return ended;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The history cleanup job, run again while expired rows are left and it still removes some, as in the nightly
     * window. (Its own job log rows carry no removal time: they are not what it has to remove.)
     */
    private void cleanUp() {
        for (long left = expiredRows(), previous = -1; left > 0 && left != previous; ) {
            Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
            engine.getManagementService().executeJob(cleanup.getId());
            previous = left;
            left = expiredRows();
        }
    }

    /** History rows whose removal time has come. */
    private long expiredRows() {
        Date now = ClockUtil.getCurrentTime();
        return historyTables().stream()
                .mapToLong(table -> db.sql("select count(*) from " + table + " where removal_time_ <= ?")
                        .param(now)
                        .query(Long.class)
                        .single())
                .sum();
    }

    /** Rows in every history table that carries a removal time. */
    private long historyRows() {
        return historyTables().stream()
                .mapToLong(table -> db.sql("select count(*) from " + table)
                        .query(Long.class)
                        .single())
                .sum();
    }

    private List<String> historyTables() {
        return db.sql("select table_name from information_schema.columns where table_schema = current_schema()"
                        + " and table_name like 'act_hi_%' and column_name = 'removal_time_'")
                .query(String.class)
                .list();
    }

    @AfterAll
    static void realTime() {
        ClockUtil.reset();
    }

    /** An applicant reporting on the moved clock's day. */
    private static NewCase applicant(String name, int i) {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AMSTERDAM);
        return HandlerWork.applicant(
                name, i, today, HandlerWork.NATIONALITY_MIX.get(i % HandlerWork.NATIONALITY_MIX.size()));
    }
}

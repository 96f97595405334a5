package nl.asylumchain.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.forecast.process.StockPlacement;
import nl.asylumchain.monitoring.BacklogGauges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's table on the national data set, in one run: seeds {@link NationalDataSet} (default 100,000 open cases
 * spread over the stages like the chain at the end of 2023) through our engine, then a stock Camunda 7.24 engine
 * (own database on the same server, same history level, authorization on) to the same number of open tasks, each
 * offered to the same candidate group as one of ours, so that both hold as many tasks of {@code ind-decision}. On
 * those two databases it measures, through the harnesses of the single benchmarks:
 * <ul>
 *   <li>Tasklist: a group filter's first page of 50 and its count as a handler of {@code ind-decision} (Java API,
 *       both engines; {@link TasklistScaleBenchmark}), and Tasklist's own call logged in (ours);
 *   <li>the case API by id and by V-number, and the Prometheus scrape with the backlog gauges' background refresh
 *       ({@link ApiScaleBenchmark}; a stock engine has neither);
 *   <li>wait-state transitions per second ({@link Transitions}): new cases worked from intake to their end through the
 *       full chain beside the national stock, against the stock two-task process beside its own.
 * </ul>
 * and prints one table: ours, stock, the ratio, the goal and whether it is met. Timers falling due at once and
 * start/complete after five years of history need a database in another state (100,000 cases in their rest period;
 * years of ended cases): {@link TimerDrainBenchmark} and {@link HistoryGrowthBenchmark} measure them. Run: {@code
 * ./mvnw -Pbench verify -Dtest=NationalScaleBenchmark -Dbench.heap=2g [-Dbench.national.cases=100000
 * -Dbench.rounds=1000 -Dbench.transitions.cases=200 -Dbench.budget.seconds=120]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.demo.traffic.enabled=false",
            // the refreshers run only when the benchmark calls them, so that none runs during a measurement
            "asylumchain.monitoring.initial-delay=1h",
            "asylumchain.monitoring.refresh-interval=1h"
        })
@AutoConfigureObservability
class NationalScaleBenchmark {

    static final long CASES = Long.getLong("bench.national.cases", 100_000);
    static final int THREADS = Integer.getInteger("bench.national.threads", 2);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 1000);
    static final int TRANSITION_CASES = Integer.getInteger("bench.transitions.cases", 200);
    static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("bench.budget.seconds", 120));
    static final int WARM_UP_CASES = 20;
    static final int BATCH = 500;
    static final String DATABASE = "national_scale";
    static final String STOCK_DATABASE = "stock_national";
    static final String STOCK_PROCESS = "stockTwoTasks";
    static final String GROUP = TasklistScaleBenchmark.GROUP;
    static final int[] PRIORITIES = TasklistScaleBenchmark.PRIORITIES;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine ours;

    @Autowired
    StockPlacement placement;

    @Autowired
    CaseIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    static ProcessEngine stock;

    /** One row of the table: the p99s (or rates) of both sides, the goal and whether ours meets it. */
    private record Row(String figure, String ours, String stock, String ratio, String goal, boolean met) {}

    @Test
    void issue14sTableOnTheNationalDataSet() throws Exception {
        String historyLevel = ((ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration())
                .getHistoryLevel()
                .getName();
        NationalDataSet.Seeded seeded = NationalDataSet.seed(placement, CASES, THREADS, jdbc);
        Map<String, Long> ourTasksPerGroup = openTasksPerGroup();
        // the order the group filter's page walks (priority, then due date): which groups' tasks come first
        List<String> tasksByPriority = jdbc.sql("""
                        select t.PRIORITY_, l.GROUP_ID_, count(*) from ACT_RU_TASK t
                        join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'
                        group by t.PRIORITY_, l.GROUP_ID_ order by t.PRIORITY_ desc, l.GROUP_ID_
                        """)
                .query((rs, i) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getLong(3))
                .list();
        // how far down that order the page's 50th task of the handler's group lies: the tasks it walks past
        long pageDepth = jdbc.sql("""
                        with ordered as (
                            select t.ID_, row_number() over (order by t.PRIORITY_ desc, t.DUE_DATE_) as n
                            from ACT_RU_TASK t)
                        select coalesce(max(n), 0) from (
                            select o.n from ordered o
                            join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = o.ID_ and l.TYPE_ = 'candidate'
                                and l.GROUP_ID_ = ?
                            order by o.n limit 50) x
                        """).param(GROUP).query(Long.class).single();
        long ourTasks =
                jdbc.sql("select count(*) from act_ru_task").query(Long.class).single();
        long ourTimers = jdbc.sql("select count(*) from act_ru_job where type_ = 'timer'")
                .query(Long.class)
                .single();

        stock = StockEngine.start(STOCK_DATABASE, historyLevel);
        double stockSeconds = seedStock(ourTasksPerGroup);
        TasklistScaleBenchmark.awaitTallyFolded(jdbc);

        // Tasklist, both engines, through the same harness; the stock side within a budget (minutes at this size)
        String ourFilter = ours.getFilterService()
                .createFilterQuery()
                .filterName(TasklistScaleBenchmark.OUR_FILTER)
                .singleResult()
                .getId();
        String stockFilter = TasklistScaleBenchmark.stockFilter(stock);
        String handler = TasklistScaleBenchmark.OUR_HANDLER;
        AtomicInteger ourPageSize = new AtomicInteger();
        AtomicInteger stockPageSize = new AtomicInteger();
        AtomicLong ourCount = new AtomicLong();
        AtomicLong stockCount = new AtomicLong();
        Latency ourPage = Latency.measureWithin(
                ROUNDS,
                3,
                BUDGET,
                "ours, first page",
                () -> ourPageSize.getAndSet(TasklistScaleBenchmark.page(ours, ourFilter, handler)));
        Latency stockPage = Latency.measureWithin(
                ROUNDS,
                3,
                BUDGET,
                "stock, first page",
                () -> stockPageSize.getAndSet(
                        TasklistScaleBenchmark.page(stock, stockFilter, Transitions.STOCK_HANDLER)));
        Latency ourCounting = Latency.measureWithin(
                ROUNDS,
                3,
                BUDGET,
                "ours, count",
                () -> ourCount.getAndSet(TasklistScaleBenchmark.count(ours, ourFilter, handler)));
        Latency stockCounting = Latency.measureWithin(
                ROUNDS,
                3,
                BUDGET,
                "stock, count",
                () -> stockCount.getAndSet(
                        TasklistScaleBenchmark.count(stock, stockFilter, Transitions.STOCK_HANDLER)));
        AtomicInteger sessionPageSize = new AtomicInteger();
        Latency tasklistCall = TasklistScaleBenchmark.tasklistCall(port, ourFilter, ROUNDS, sessionPageSize);

        // the case API for random seeded cases, and the scrape after the gauges' background refresh
        List<String[]> cases = jdbc.sql("select case_id, v_number from cases")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        ChainClient client = new ChainClient(port);
        SplittableRandom random = new SplittableRandom(14);
        Latency byId = Latency.measure(ROUNDS, () -> {
            ChainClient.Response response =
                    client.get("/api/cases/" + cases.get(random.nextInt(cases.size()))[0], "demo");
            assertThat(response.status()).isEqualTo(200);
            return response;
        });
        Latency byVNumber = Latency.measure(ROUNDS, () -> {
            ChainClient.Response response =
                    client.get("/api/cases?vNumber=" + cases.get(random.nextInt(cases.size()))[1], "demo");
            assertThat(response.status()).isEqualTo(200);
            return response;
        });
        Latency refresh = Latency.measure(10, () -> {
            context.getBean(BacklogGauges.class).refresh();
            return null;
        });
        Map<String, Latency> refreshSources = ApiScaleBenchmark.refreshBySource(context);
        List<String> refreshStatements = List.of();
        if (StatementWork.requested()) {
            StatementWork statements = StatementWork.of(jdbc, DATABASE);
            statements.reset();
            context.getBean(BacklogGauges.class).refresh();
            refreshStatements = statements.per(1, "refresh", 12);
        }
        ReflectionTestUtils.invokeMethod(context.getBean("receptionMetrics"), "refresh");
        ReflectionTestUtils.invokeMethod(context.getBean("housingMetrics"), "refresh");
        assertThat(client.scrape()).as("the refresh counted the open cases").contains("asylum_cases_open");
        long transactionsBefore = ApiScaleBenchmark.transactions(jdbc, DATABASE);
        Latency scrape = Latency.measure(ROUNDS, client::scrape);
        long scrapeTransactions = ApiScaleBenchmark.transactions(jdbc, DATABASE) - transactionsBefore;

        // transitions: new cases through the full chain beside the national stock; the stock process beside its own
        Transitions.run(WARM_UP_CASES, THREADS, Transitions.ours(ours, intake, "warm-up"));
        Transitions.Run ourRun = Transitions.run(TRANSITION_CASES, THREADS, Transitions.ours(ours, intake, "case"));
        Map<String, Object> stockVariables = Map.of("group", GROUP, "priority", PRIORITIES[0]);
        Transitions.run(
                WARM_UP_CASES, THREADS, Transitions.stock(stock, STOCK_PROCESS, "warm-up", stockVariables, GROUP));
        Transitions.Run stockRun = Transitions.run(
                ourRun.transitions() / 2,
                THREADS,
                Transitions.stock(stock, STOCK_PROCESS, "stock", stockVariables, GROUP));

        List<Row> rows = new ArrayList<>();
        rows.add(latency("Tasklist group filter, first page of 50 (Java API)", ourPage, stockPage, 50));
        rows.add(latency("Tasklist group filter, count (Java API)", ourCounting, stockCounting, 50));
        rows.add(latency("Tasklist's own call, logged in (HAL, columns, count)", tasklistCall, null, 50));
        rows.add(latency("GET /api/cases/{id}", byId, null, 20));
        rows.add(latency("GET /api/cases?vNumber=", byVNumber, null, 20));
        rows.add(latency("GET /actuator/prometheus", scrape, null, 20));
        rows.add(new Row(
                "wait-state transitions per second",
                String.format("%.1f", ourRun.perSecond()),
                String.format("%.1f", stockRun.perSecond()),
                String.format("%.2fx", ourRun.perSecond() / stockRun.perSecond()),
                ">= stock",
                ourRun.perSecond() >= stockRun.perSecond()));

        System.out.printf(
                "%n=== NationalScaleBenchmark: issue 14 on the national data set, PostgreSQL %s, history %s, "
                        + "authorization on, -Xmx%dm ===%n",
                jdbc.sql("show server_version").query(String.class).single(),
                historyLevel,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(
                "ours:  %,d open cases seeded through the engine in %.0f s (%.1f cases/s, %d threads): %s%n",
                seeded.cases(), seeded.seconds(), seeded.casesPerSecond(), THREADS, seeded.perStage());
        System.out.printf(
                "       %,d open tasks (%,d of %s), %,d timers; open tasks per candidate group %s%n",
                ourTasks, ourTasksPerGroup.get(GROUP), GROUP, ourTimers, ourTasksPerGroup);
        System.out.printf("       open tasks by priority and candidate group: %s%n", tasksByPriority);
        System.out.printf(
                "       the page's 50th task of %s is task %,d in the filter's order (priority, due date)%n",
                GROUP, pageDepth);
        System.out.printf(
                "stock: %,d instances of a two-user-task process, one open task each, offered to the same groups, "
                        + "seeded in %.0f s%n",
                ourTasksPerGroup.values().stream().mapToLong(Long::longValue).sum(), stockSeconds);
        System.out.printf(
                "transitions: ours %,d cases intake to end (%s), %,d tasks + %,d timers in %.1f s; stock %,d "
                        + "instances, %,d tasks in %.1f s%n",
                ourRun.cases(),
                ourRun.ends(),
                ourRun.tasks(),
                ourRun.timers(),
                ourRun.seconds(),
                stockRun.cases(),
                stockRun.transitions(),
                stockRun.seconds());
        System.out.printf(
                "%-54s %12s %12s %10s %10s %s%n",
                "figure (p99 ms, or per second)", "ours", "stock", "ratio", "goal", "");
        for (Row row : rows) {
            System.out.printf(
                    "%-54s %12s %12s %10s %10s %s%n",
                    row.figure(), row.ours(), row.stock(), row.ratio(), row.goal(), row.met() ? "met" : "MISSED");
        }
        System.out.printf(
                "p50 (ms): Tasklist page %.1f / stock %.1f, count %.1f / stock %.1f, Tasklist's call %.1f, by id %.1f,"
                        + " by V-number %.1f, scrape %.1f%n",
                ourPage.p50(),
                stockPage.p50(),
                ourCounting.p50(),
                stockCounting.p50(),
                tasklistCall.p50(),
                byId.p50(),
                byVNumber.p50(),
                scrape.p50());
        System.out.printf(
                "backlog gauges' background refresh (p50 / p99 ms): %s; database transactions during %d scrapes: %d%n",
                refresh, scrape.calls(), scrapeTransactions);
        refreshSources.forEach((source, latency) -> System.out.printf("  from %-50s %s%n", source, latency));
        if (!refreshStatements.isEmpty()) {
            System.out.println("statements of a backlog refresh (calls, mean ms, rows per call, statement):");
            refreshStatements.forEach(System.out::println);
        }
        System.out.println("timers falling due at once: TimerDrainBenchmark; start/complete after five years of"
                + " history: HistoryGrowthBenchmark (each needs a database in another state)");
        System.out.println();

        // that the work was done, after the table so that a failed check still leaves the figures
        assertThat(ourPageSize).hasValue(50);
        assertThat(stockPageSize).hasValue(50);
        assertThat(sessionPageSize).hasValue(50);
        assertThat(ourCount.get()).isEqualTo(ourTasksPerGroup.get(GROUP));
        assertThat(stockCount.get()).isEqualTo(ourTasksPerGroup.get(GROUP));
        assertThat(scrapeTransactions)
                .as("database transactions during %d scrapes (the scrape path queries nothing)", scrape.calls())
                .isLessThan(scrape.calls());
        assertThat(ourRun.ends().getOrDefault(HandlerWork.End.ENDED, 0))
                .as("our cases that reached an end event")
                .isGreaterThan(TRANSITION_CASES / 2);
        assertThat(stockRun.ends()).containsExactly(Map.entry(HandlerWork.End.ENDED, stockRun.cases()));
    }

    private static Row latency(String figure, Latency ours, Latency stock, double goalMillis) {
        return new Row(
                figure,
                String.format("%.1f", ours.p99()),
                stock == null ? "-" : String.format("%.1f", stock.p99()),
                stock == null
                        ? "-"
                        : String.format(ours.p99() / stock.p99() < 0.1 ? "%.4fx" : "%.2fx", ours.p99() / stock.p99()),
                String.format("<= %.0f", goalMillis),
                ours.p99() <= goalMillis);
    }

    /** Our open tasks per candidate group. */
    private Map<String, Long> openTasksPerGroup() {
        return jdbc.sql("""
                        select l.group_id_, count(*) from act_ru_identitylink l
                        join act_ru_task t on t.id_ = l.task_id_
                        where l.type_ = 'candidate' and l.group_id_ is not null
                        group by l.group_id_
                        """).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    /**
     * The stock side: a two-user-task process whose tasks are offered to the group it is started with; as many
     * instances per group as we have open tasks there, in batches of {@link #BATCH} per transaction.
     */
    private static double seedStock(Map<String, Long> tasksPerGroup) {
        stock.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "stock.bpmn",
                        Bpmn.createExecutableProcess(STOCK_PROCESS)
                                .camundaHistoryTimeToLive(180)
                                .startEvent()
                                .userTask("first")
                                .camundaCandidateGroups("${group}")
                                .camundaPriority("${priority}")
                                .camundaDueDate("P6D")
                                .userTask("second")
                                .camundaCandidateGroups("${group}")
                                .endEvent()
                                .done())
                .deploy();
        List<String> groups = new ArrayList<>();
        tasksPerGroup.forEach((group, count) -> {
            for (long i = 0; i < count; i++) {
                groups.add(group);
            }
        });
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) stock.getProcessEngineConfiguration();
        Statistics statistics = new Statistics(StockEngine.database(STOCK_DATABASE));
        long start = System.nanoTime();
        for (int done = 0; done < groups.size(); done += BATCH) {
            int first = done;
            int batch = Math.min(BATCH, groups.size() - done);
            configuration.getCommandExecutorTxRequired().execute(commandContext -> {
                for (int i = first; i < first + batch; i++) {
                    stock.getRuntimeService()
                            .startProcessInstanceByKey(
                                    STOCK_PROCESS,
                                    "national-" + i,
                                    Map.of("group", groups.get(i), "priority", PRIORITIES[i % PRIORITIES.length]));
                }
                return null;
            });
            statistics.seeded(done + batch, "stock");
        }
        statistics.analyze();
        return (System.nanoTime() - start) / 1e9;
    }

    @AfterAll
    static void closeStock() {
        if (stock != null) {
            stock.close();
        }
    }
}

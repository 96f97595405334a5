package nl.asylumchain.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TasklistBrowser;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.platform.TallyMaintenance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, Tasklist at national scale, beside a stock engine in the same run: our engine (work-scope
 * authorization, our indexes) and a stock Camunda 7.24 engine (its default per-task authorization rows) on the same
 * PostgreSQL server, each in its own database, the same history level, authorization checks on, each seeded through
 * its engine's API to the same number of open tasks of one candidate group. The same harness then opens a group
 * filter (first page of 50 by priority then due date, and its count) as a handler of that group on each engine and
 * prints p50/p99 with the ratio. Our filter is Tasklist's "IND – Beslissen: alle taken"; it is also measured over
 * HTTP the way Tasklist calls it. Both sides refresh the planner statistics as they seed ({@link Statistics}) and are
 * timed within a budget per figure ({@link Latency#measureWithin}: the stock page takes minutes at national size).
 * Asserts only that the work was done. Run: {@code ./mvnw -Pbench verify -Dtest=TasklistScaleBenchmark
 * [-Dbench.tasks=100000 -Dbench.rounds=1000 -Dbench.budget.seconds=300]}. A thousand rounds, so that the p99 is the
 * eleventh slowest request, not the third of 200 (one collector pause made it).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class TasklistScaleBenchmark {

    static final int TASKS = Integer.getInteger("bench.tasks", 100_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 1000);
    static final int MINIMUM_ROUNDS = 3;
    static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("bench.budget.seconds", 300));
    static final int BATCH = 500;
    static final String GROUP = "ind-decision";
    static final String OUR_HANDLER = "beslismedewerker";
    static final String OUR_FILTER = "IND – Beslissen: alle taken";
    static final String STOCK_PROCESS = "stockTwoTasks";
    static final int[] PRIORITIES = {50, 60, 70, 80, 90};

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine ours;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    TransactionTemplate transactions;

    static ProcessEngine stock;

    @Test
    void aGroupFiltersFirstPageAndCountBesideAStockEngine() throws Exception {
        String historyLevel = ((ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration())
                .getHistoryLevel()
                .getName();

        double ourSeconds = seedOurs();
        stock = StockEngine.start("stock", historyLevel);
        double stockSeconds = seedStock();
        awaitTallyFolded(jdbc);
        // the nightly recount of the tally: one count of every open task's candidate links, while the changes wait
        double[] recountMillis = new double[3];
        for (int i = 0; i < recountMillis.length; i++) {
            long started = System.nanoTime();
            TallyMaintenance.recount(context);
            recountMillis[i] = (System.nanoTime() - started) / 1e6;
        }

        String ourFilter = ours.getFilterService()
                .createFilterQuery()
                .filterName(OUR_FILTER)
                .singleResult()
                .getId();
        String stockFilter = stockFilter(stock);

        // ours and stock through the same harness; the stock side gets a time budget because its plan joins every
        // task with every authorization row (minutes per run at national size), so that the run still ends
        AtomicInteger ourPageSize = new AtomicInteger();
        AtomicInteger stockPageSize = new AtomicInteger();
        AtomicLong ourTotal = new AtomicLong();
        AtomicLong stockTotal = new AtomicLong();
        Latency ourPage = Latency.measureWithin(
                ROUNDS,
                MINIMUM_ROUNDS,
                BUDGET,
                "ours, first page",
                () -> ourPageSize.getAndSet(page(ours, ourFilter, OUR_HANDLER)));
        Latency stockPage = Latency.measureWithin(
                ROUNDS,
                MINIMUM_ROUNDS,
                BUDGET,
                "stock, first page",
                () -> stockPageSize.getAndSet(page(stock, stockFilter, "stockhandler")));
        Latency ourCount = Latency.measureWithin(
                ROUNDS,
                MINIMUM_ROUNDS,
                BUDGET,
                "ours, count",
                () -> ourTotal.getAndSet(count(ours, ourFilter, OUR_HANDLER)));
        Latency stockCount = Latency.measureWithin(
                ROUNDS,
                MINIMUM_ROUNDS,
                BUDGET,
                "stock, count",
                () -> stockTotal.getAndSet(count(stock, stockFilter, "stockhandler")));
        ChainClient client = new ChainClient(port);
        Latency ourHttpPage = Latency.measure(
                ROUNDS,
                () -> client.post(
                                "/engine-rest/filter/" + ourFilter + "/list?firstResult=0&maxResults=50",
                                OUR_HANDLER,
                                Map.of())
                        .body()
                        .size());
        // what Tasklist itself asks: its sorting appended to the filter's, as HAL, which adds the count, the embedded
        // users and definitions, and the values of the filter's columns (one variable query for the page's tasks,
        // executions and process instances)
        AtomicInteger ourHalPageSize = new AtomicInteger();
        Latency ourHalPage = Latency.measure(
                ROUNDS,
                () -> ourHalPageSize.getAndSet(client.post(
                                "/engine-rest/filter/" + ourFilter + "/list?firstResult=0&maxResults=50",
                                OUR_HANDLER,
                                ChainClient.TASKLIST_EXTENSION,
                                Map.of("Accept", "application/hal+json"))
                        .body()
                        .path("_embedded")
                        .path("task")
                        .size()));
        // the same call as a logged-in Tasklist makes it: through the webapps' engine API with the session cookie
        // and the CSRF token, so without a password check and group query per request (Basic authentication above)
        AtomicInteger ourSessionPageSize = new AtomicInteger();
        Latency ourSessionPage = tasklistCall(port, ourFilter, ROUNDS, ourSessionPageSize);
        Latency ourHttpCount = Latency.measure(
                ROUNDS, () -> (int) client.post("/engine-rest/filter/" + ourFilter + "/count", OUR_HANDLER, Map.of())
                        .body()
                        .path("count")
                        .asLong());

        assertThat(ourPageSize).hasValue(50);
        assertThat(stockPageSize).hasValue(50);
        assertThat(ourHalPageSize).hasValue(50);
        assertThat(ourSessionPageSize).hasValue(50);
        assertThat(ourTotal.get()).isGreaterThanOrEqualTo(TASKS);
        assertThat(stockTotal).hasValue(TASKS);

        System.out.printf(
                "%n=== TasklistScaleBenchmark: %,d open tasks of group %s per engine, PostgreSQL %s, "
                        + "history %s, authorization on, -Xmx%dm ===%n",
                TASKS,
                GROUP,
                serverVersion(),
                historyLevel,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(
                "seeding through the engine API: ours %.0f s (%.0f/s), stock %.0f s (%.0f/s)%n",
                ourSeconds, TASKS / ourSeconds, stockSeconds, TASKS / stockSeconds);
        Latency.header();
        Latency.row("filter first page of 50 (Java API)", ourPage, stockPage);
        Latency.row("filter count (Java API)", ourCount, stockCount);
        Latency.row("filter first page of 50 (HTTP, as Tasklist)", ourHttpPage);
        Latency.row("filter count (HTTP, as Tasklist)", ourHttpCount);
        Latency.row("filter page of 50 with its columns and count (HTTP, HAL: Tasklist's own call)", ourHalPage);
        Latency.row("the same, logged in to Tasklist (session cookie, no password per request)", ourSessionPage);
        System.out.printf(
                "tally recount (the nightly one, all open tasks' candidate links): %.0f / %.0f / %.0f ms%n",
                recountMillis[0], recountMillis[1], recountMillis[2]);
        System.out.printf(
                "heap used now: %d MB%n%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
    }

    /**
     * Our group filter's count comes from the open tasks per candidate group, whose changes the application folds
     * every few seconds (docs/authorization.md, "Counting a group filter"): the seeding's are folded before the count
     * is timed, as they would be in production long before a handler opens Tasklist.
     */
    static void awaitTallyFolded(JdbcClient jdbc) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long pending;
        while ((pending = jdbc.sql("select count(*) from task_group_tally_changes")
                                .query(Long.class)
                                .single())
                        > 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        System.out.printf("tally changes not folded yet when timing: %d%n", pending);
    }

    /** Open IND tasks as a national backlog has them: a spoor-4 or spoor-2 case waiting for its hearing. */
    private double seedOurs() {
        Statistics statistics = new Statistics(jdbc);
        long start = System.nanoTime();
        for (int done = 0; done < TASKS; done += BATCH) {
            int first = done;
            int batch = Math.min(BATCH, TASKS - done);
            transactions.executeWithoutResult(status -> {
                for (int i = first; i < first + batch; i++) {
                    ours.getRuntimeService()
                            .createProcessInstanceByKey("indDecision")
                            .businessKey("00000000-0000-4000-8000-" + String.format("%012d", i))
                            .setVariables(Map.of(
                                    "track",
                                    i % 5 == 0 ? 2 : 4,
                                    "casePriority",
                                    Map.of("priority", PRIORITIES[i % PRIORITIES.length])))
                            .startBeforeActivity("Activity_MainInterview")
                            .execute();
                }
            });
            statistics.seeded(done + batch, "ours");
        }
        statistics.analyze();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The baseline: a trivial two-user-task process, its tasks for the same group, seeded in the same batches. */
    private static double seedStock() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(STOCK_PROCESS)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("first")
                .camundaCandidateGroups(GROUP)
                .camundaPriority("${priority}")
                .camundaDueDate("P6D")
                .userTask("second")
                .camundaCandidateGroups(GROUP)
                .endEvent()
                .done();
        stock.getRepositoryService()
                .createDeployment()
                .addModelInstance("stock.bpmn", model)
                .deploy();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) stock.getProcessEngineConfiguration();
        Statistics statistics = new Statistics(StockEngine.database("stock"));
        long start = System.nanoTime();
        for (int done = 0; done < TASKS; done += BATCH) {
            int first = done;
            int batch = Math.min(BATCH, TASKS - done);
            // one transaction per batch, as ours: the engine's commands join the outer command context
            configuration.getCommandExecutorTxRequired().execute(context -> {
                for (int i = first; i < first + batch; i++) {
                    stock.getRuntimeService()
                            .startProcessInstanceByKey(
                                    STOCK_PROCESS, "stock-" + i, Map.of("priority", PRIORITIES[i % PRIORITIES.length]));
                }
                return null;
            });
            statistics.seeded(done + batch, "stock");
        }
        statistics.analyze();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Tasklist's group filter on the stock engine: the handler's candidate group, by priority then due date. */
    static String stockFilter(ProcessEngine stock) {
        IdentityService identity = stock.getIdentityService();
        identity.saveUser(identity.newUser(Transitions.STOCK_HANDLER));
        identity.saveGroup(identity.newGroup(GROUP));
        identity.createMembership(Transitions.STOCK_HANDLER, GROUP);
        TaskQuery query = stock.getTaskService()
                .createTaskQuery()
                .taskCandidateGroup(GROUP)
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc();
        FilterService filters = stock.getFilterService();
        Filter filter = filters.newTaskFilter("Groepstaken")
                .setOwner(Transitions.STOCK_HANDLER)
                .setQuery(query);
        return filters.saveFilter(filter).getId();
    }

    static int page(ProcessEngine engine, String filterId, String user) {
        engine.getIdentityService().setAuthentication(user, List.of(GROUP));
        try {
            return engine.getFilterService().listPage(filterId, 0, 50).size();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    static long count(ProcessEngine engine, String filterId, String user) {
        engine.getIdentityService().setAuthentication(user, List.of(GROUP));
        try {
            return engine.getFilterService().count(filterId);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * Tasklist's own call (a page of 50 as HAL with its sorting, count and columns) as a logged-in Tasklist makes it:
     * through the webapps' engine API with {@link #OUR_HANDLER}'s session cookie and CSRF token, so without a password
     * check and group query per request. {@code pageSize} gets the tasks of the last page.
     */
    static Latency tasklistCall(int port, String filterId, int rounds, AtomicInteger pageSize) throws Exception {
        TasklistBrowser browser = TasklistBrowser.login(port, OUR_HANDLER);
        String tasklistBody = new ObjectMapper().writeValueAsString(ChainClient.TASKLIST_EXTENSION);
        return Latency.measure(rounds, () -> {
            ChainClient.Response answer = TasklistBrowser.response(browser.post(
                    TasklistBrowser.ENGINE_API + "/filter/" + filterId + "/list?firstResult=0&maxResults=50",
                    "application/json",
                    "application/hal+json",
                    tasklistBody));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
            return pageSize.getAndSet(
                    answer.body().path("_embedded").path("task").size());
        });
    }

    private String serverVersion() {
        return jdbc.sql("show server_version").query(String.class).single();
    }

    @AfterAll
    static void closeStock() {
        if (stock != null) {
            stock.close();
        }
    }
}

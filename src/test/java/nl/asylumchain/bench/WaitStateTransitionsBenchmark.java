package nl.asylumchain.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.CaseIntake;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: wait-state transitions per second through the full chain, beside a stock engine. Our cases are
 * registered through the case file and worked from intake to an end event with the real models, rules and
 * delegates: {@link HandlerWork} completes each open task as a handler of its group with the demo traffic's form
 * answers, and fires the case's earliest timer when nobody has work. The stock engine (own database, same server,
 * same history level, authorization on) runs a trivial two-user-task process, each task completed by a handler of
 * its candidate group. Both run on the same number of threads, starts included, each after a warm-up; a transition
 * is a task completed or a timer fired. Prints transitions per second, ours, stock and the ratio. Run:
 * {@code ./mvnw -Pbench verify -Dtest=WaitStateTransitionsBenchmark [-Dbench.transitions.cases=300]}.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class WaitStateTransitionsBenchmark {

    static final int CASES = Integer.getInteger("bench.transitions.cases", 300);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    static final int WARM_UP = 20;
    static final String STOCK_PROCESS = "stockTwoTasks";
    static final String DATABASE = "bench_transitions";
    static final String STOCK_DATABASE = "stock_transitions";
    static final String GROUP = "ind-decision";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @Autowired
    ProcessEngine ours;

    @Autowired
    CaseIntake intake;

    static ProcessEngine stock;

    /** What a run did: transitions, the cases' ends and the wall time. */
    record Run(int cases, int tasks, int timers, Map<HandlerWork.End, Integer> ends, double seconds) {
        int transitions() {
            return tasks + timers;
        }

        double perSecond() {
            return transitions() / seconds;
        }
    }

    @Test
    void transitionsPerSecondThroughTheChainBesideAStockEngine() throws Exception {
        String historyLevel = ((ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration())
                .getHistoryLevel()
                .getName();
        stock = StockEngine.start(STOCK_DATABASE, historyLevel);
        deployStock();

        run(WARM_UP, ourCase("warm-up"));
        DatabaseWork ourBefore = DatabaseWork.of(DATABASE);
        TableWork ourTablesBefore = TableWork.of(DATABASE);
        // where a transition's database time goes, with -Dbench.statements=true
        StatementWork ourStatements =
                StatementWork.requested() ? StatementWork.of(StockEngine.database(DATABASE), DATABASE) : null;
        if (ourStatements != null) {
            ourStatements.reset();
        }
        Run ourRun = run(CASES, ourCase("case"));
        DatabaseWork ourWork = DatabaseWork.of(DATABASE).minus(ourBefore);
        TableWork ourTables = TableWork.of(DATABASE).minus(ourTablesBefore);
        List<String> ourStatementLines =
                ourStatements == null ? List.of() : ourStatements.per(ourRun.transitions(), "transition", 30);
        // the same number of transitions on the stock engine: two per instance
        run(WARM_UP, stockCase("warm-up"));
        DatabaseWork stockBefore = DatabaseWork.of(STOCK_DATABASE);
        TableWork stockTablesBefore = TableWork.of(STOCK_DATABASE);
        Run stockRun = run(ourRun.transitions() / 2, stockCase("stock"));
        DatabaseWork stockWork = DatabaseWork.of(STOCK_DATABASE).minus(stockBefore);
        TableWork stockTables = TableWork.of(STOCK_DATABASE).minus(stockTablesBefore);

        assertThat(ourRun.ends().getOrDefault(HandlerWork.End.ENDED, 0))
                .as("our cases that reached an end event")
                .isGreaterThan(CASES / 2);
        assertThat(ourRun.timers()).as("timers fired").isPositive();
        assertThat(stockRun.ends()).containsExactly(Map.entry(HandlerWork.End.ENDED, stockRun.cases()));

        System.out.printf(
                "%n=== WaitStateTransitionsBenchmark: PostgreSQL, history ours %s, stock %s, authorization on, %d threads"
                        + " ===%n",
                historyLevel, TimerDrainBenchmark.levelOf(stock), THREADS);
        System.out.printf(
                "ours:  %,d cases intake to end (%s): %,d tasks completed + %,d timers fired = %,d transitions"
                        + " in %.1f s (%.1f per case)%n",
                ourRun.cases(),
                ourRun.ends(),
                ourRun.tasks(),
                ourRun.timers(),
                ourRun.transitions(),
                ourRun.seconds(),
                ourRun.transitions() / (double) ourRun.cases());
        System.out.printf(
                "stock: %,d instances of a two-user-task process: %,d transitions in %.1f s%n",
                stockRun.cases(), stockRun.transitions(), stockRun.seconds());
        System.out.printf("%-44s %21s %21s %13s%n", "figure", "ours", "stock", "ratio");
        System.out.printf(
                "%-44s %21.1f %21.1f %12.2fx%n",
                "wait-state transitions per second",
                ourRun.perSecond(),
                stockRun.perSecond(),
                ourRun.perSecond() / stockRun.perSecond());
        // starts included on both sides, as in the timed run
        System.out.printf("database work, ours:  %s%n", ourWork.per(ourRun.transitions(), "transition"));
        System.out.printf("database work, stock: %s%n", stockWork.per(stockRun.transitions(), "transition"));
        System.out.printf("rows written per table, ours:%n%s%n", ourTables.per(ourRun.transitions(), "transition"));
        System.out.printf(
                "rows written per table, stock:%n%s%n", stockTables.per(stockRun.transitions(), "transition"));
        System.out.printf(
                "rows read per table, ours (ten most):%n%s%n",
                ourTables.readPer(ourRun.transitions(), "transition", 10));
        System.out.printf(
                "rows read per table, stock (ten most):%n%s%n%n",
                stockTables.readPer(stockRun.transitions(), "transition", 10));
        if (!ourStatementLines.isEmpty()) {
            System.out.println("statements per transition, ours (calls, mean ms, rows per call, statement):");
            ourStatementLines.forEach(System.out::println);
            System.out.println();
        }
    }

    /** Registers case {@code i} and works it to its end; one HandlerWork per thread. */
    private IntFunction<Run> ourCase(String name) {
        ThreadLocal<HandlerWork> work = ThreadLocal.withInitial(
                () -> new HandlerWork(ours, Thread.currentThread().getId()));
        return i -> {
            HandlerWork handler = work.get();
            int tasks = handler.tasksCompleted();
            int timers = handler.timersFired();
            String caseId = intake.register(
                            HandlerWork.applicant(
                                    name,
                                    i,
                                    LocalDate.now(),
                                    HandlerWork.NATIONALITY_MIX.get(i % HandlerWork.NATIONALITY_MIX.size())),
                            null)
                    .caseId()
                    .toString();
            HandlerWork.End end = handler.workToEnd(caseId);
            return new Run(1, handler.tasksCompleted() - tasks, handler.timersFired() - timers, Map.of(end, 1), 0);
        };
    }

    /** Starts stock instance {@code i} and completes its two tasks as a handler of their group. */
    private static IntFunction<Run> stockCase(String name) {
        return i -> {
            String businessKey = name + "-" + i;
            stock.getRuntimeService().startProcessInstanceByKey(STOCK_PROCESS, businessKey);
            int tasks = 0;
            for (List<Task> open = open(businessKey); !open.isEmpty(); open = open(businessKey)) {
                for (Task task : open) {
                    stock.getIdentityService().setAuthentication("stockhandler", List.of(GROUP));
                    try {
                        stock.getTaskService().complete(task.getId());
                    } finally {
                        stock.getIdentityService().clearAuthentication();
                    }
                    tasks++;
                }
            }
            return new Run(1, tasks, 0, Map.of(HandlerWork.End.ENDED, 1), 0);
        };
    }

    private static List<Task> open(String businessKey) {
        return stock.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .active()
                .list();
    }

    /** Runs cases 0..n-1 on {@link #THREADS} threads and adds up what they did. */
    private static Run run(int cases, IntFunction<Run> oneCase) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        try {
            List<Future<Run>> shares = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = t;
                shares.add(threads.submit(() -> {
                    Run sum = new Run(0, 0, 0, Map.of(), 0);
                    for (int i = share; i < cases; i += THREADS) {
                        sum = add(sum, oneCase.apply(i));
                    }
                    return sum;
                }));
            }
            Run total = new Run(0, 0, 0, Map.of(), 0);
            for (Future<Run> share : shares) {
                total = add(total, share.get());
            }
            return new Run(
                    total.cases(), total.tasks(), total.timers(), total.ends(), (System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Run add(Run a, Run b) {
        Map<HandlerWork.End, Integer> ends = new EnumMap<>(HandlerWork.End.class);
        a.ends().forEach((end, n) -> ends.merge(end, n, Integer::sum));
        b.ends().forEach((end, n) -> ends.merge(end, n, Integer::sum));
        return new Run(a.cases() + b.cases(), a.tasks() + b.tasks(), a.timers() + b.timers(), ends, 0);
    }

    private static void deployStock() {
        stock.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "stock.bpmn",
                        Bpmn.createExecutableProcess(STOCK_PROCESS)
                                .camundaHistoryTimeToLive(180)
                                .startEvent()
                                .userTask("first")
                                .camundaCandidateGroups(GROUP)
                                .userTask("second")
                                .camundaCandidateGroups(GROUP)
                                .endEvent()
                                .done())
                .deploy();
        IdentityService identity = stock.getIdentityService();
        identity.saveUser(identity.newUser("stockhandler"));
        identity.saveGroup(identity.newGroup(GROUP));
        identity.createMembership("stockhandler", GROUP);
    }

    @AfterAll
    static void closeStock() {
        if (stock != null) {
            stock.close();
        }
    }
}

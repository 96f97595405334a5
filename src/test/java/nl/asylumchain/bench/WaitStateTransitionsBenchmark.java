package nl.asylumchain.bench;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

    @Test
    void transitionsPerSecondThroughTheChainBesideAStockEngine() throws Exception {
        String historyLevel = ((ProcessEngineConfigurationImpl) ours.getProcessEngineConfiguration())
                .getHistoryLevel()
                .getName();
        stock = StockEngine.start(STOCK_DATABASE, historyLevel);
        deployStock();

        Transitions.run(WARM_UP, THREADS, Transitions.ours(ours, intake, "warm-up"));
        DatabaseWork ourBefore = DatabaseWork.of(DATABASE);
        TableWork ourTablesBefore = TableWork.of(DATABASE);
        // where a transition's database time goes, with -Dbench.statements=true
        StatementWork ourStatements =
                StatementWork.requested() ? StatementWork.of(StockEngine.database(DATABASE), DATABASE) : null;
        if (ourStatements != null) {
            ourStatements.reset();
        }
        Transitions.Run ourRun = Transitions.run(CASES, THREADS, Transitions.ours(ours, intake, "case"));
        DatabaseWork ourWork = DatabaseWork.of(DATABASE).minus(ourBefore);
        TableWork ourTables = TableWork.of(DATABASE).minus(ourTablesBefore);
        List<String> ourStatementLines =
                ourStatements == null ? List.of() : ourStatements.per(ourRun.transitions(), "transition", 30);
        // the same number of transitions on the stock engine: two per instance
        Transitions.run(WARM_UP, THREADS, stockCase("warm-up"));
        DatabaseWork stockBefore = DatabaseWork.of(STOCK_DATABASE);
        TableWork stockTablesBefore = TableWork.of(STOCK_DATABASE);
        Transitions.Run stockRun = Transitions.run(ourRun.transitions() / 2, THREADS, stockCase("stock"));
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

    /** Starts stock instance {@code i} and completes its two tasks as a handler of their group. */
    private static IntFunction<Transitions.Run> stockCase(String name) {
        return Transitions.stock(stock, STOCK_PROCESS, name, Map.of(), GROUP);
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
        identity.saveUser(identity.newUser(Transitions.STOCK_HANDLER));
        identity.saveGroup(identity.newGroup(GROUP));
        identity.createMembership(Transitions.STOCK_HANDLER, GROUP);
    }

    @AfterAll
    static void closeStock() {
        if (stock != null) {
            stock.close();
        }
    }
}

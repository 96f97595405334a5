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

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import nl.asylumchain.casefile.CaseIntake;

/**
 * Wait-state transitions through an engine, for the benchmarks that count them beside a stock engine
 * ({@link WaitStateTransitionsBenchmark} on an empty database, {@link NationalScaleBenchmark} on the national data
 * set): ours registers a case through the case file and works it to its end with {@link HandlerWork}; stock starts an
 * instance of its two-user-task process and completes both tasks as a handler of their group. A transition is a task
 * completed or a timer fired; the starts are inside the timed run on both sides.
 */
final class Transitions {

    /** The stock side's handler, a member of the group its tasks are offered to. */
    static final String STOCK_HANDLER = "stockhandler";

    private Transitions() {}

    /** What a run did: transitions, the cases' ends and the wall time. */
    record Run(int cases, int tasks, int timers, Map<HandlerWork.End, Integer> ends, double seconds) {
        int transitions() {
            return tasks + timers;
        }

        double perSecond() {
            return transitions() / seconds;
        }
    }

    /** Registers our case {@code i} and works it to its end; one {@link HandlerWork} per thread. */
    static IntFunction<Run> ours(ProcessEngine ours, CaseIntake intake, String name) {
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

    /**
     * Starts instance {@code i} of the stock engine's {@code process} (business key {@code name-i}, started with
     * {@code variables}) and completes its open tasks, as {@link #STOCK_HANDLER} of {@code group}, until none is left.
     */
    static IntFunction<Run> stock(
            ProcessEngine stock, String process, String name, Map<String, Object> variables, String group) {
        return i -> {
            String businessKey = name + "-" + i;
            stock.getRuntimeService().startProcessInstanceByKey(process, businessKey, variables);
            int tasks = 0;
            for (List<Task> open = open(stock, businessKey); !open.isEmpty(); open = open(stock, businessKey)) {
                for (Task task : open) {
                    stock.getIdentityService().setAuthentication(STOCK_HANDLER, List.of(group));
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

    private static List<Task> open(ProcessEngine stock, String businessKey) {
        return stock.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .active()
                .list();
    }

    /** Runs cases 0..n-1 on {@code threads} threads and adds up what they did. */
    static Run run(int cases, int threads, IntFunction<Run> oneCase) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Run>> shares = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = t;
                shares.add(pool.submit(() -> {
                    Run sum = new Run(0, 0, 0, Map.of(), 0);
                    for (int i = share; i < cases; i += threads) {
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
            pool.shutdownNow();
        }
    }

    private static Run add(Run a, Run b) {
        Map<HandlerWork.End, Integer> ends = new EnumMap<>(HandlerWork.End.class);
        a.ends().forEach((end, n) -> ends.merge(end, n, Integer::sum));
        b.ends().forEach((end, n) -> ends.merge(end, n, Integer::sum));
        return new Run(a.cases() + b.cases(), a.tasks() + b.tasks(), a.timers() + b.timers(), ends, 0);
    }
}

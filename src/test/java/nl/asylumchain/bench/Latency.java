package nl.asylumchain.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency figures of the benchmarks: the same warm-up, quantiles and printed row for ours and stock; {@code calls} is
 * how often the operation ran, warm-up included (to divide a database's counters by).
 */
record Latency(double p50, double p99, int calls) {

    /** Something timed once per round; returns anything, so that the work cannot be optimised away. */
    @FunctionalInterface
    interface Operation {
        Object run() throws Exception;
    }

    /**
     * How long {@link #measure} warms up at least ({@code -Dbench.warmup.seconds}, default 15): long enough for the JIT
     * compiler to have compiled the request path a server runs all day. With a tenth of the rounds as the only
     * warm-up (until 2 December 2026) a run of 200 requests timed partly interpreted code.
     */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 15));

    /**
     * Warms up (plans cached, pages in memory, code compiled) for at least {@link #WARM_UP} and a tenth of the rounds,
     * then times {@code rounds} runs.
     */
    static Latency measure(int rounds, Operation operation) {
        return measure(rounds, WARM_UP, operation);
    }

    /**
     * As {@link #measure(int, Operation)} with a warm-up of at least {@code warmUp}: {@link Duration#ZERO} for an
     * operation that leaves something behind (a case registered), where a tenth of the rounds is warm-up enough.
     */
    static Latency measure(int rounds, Duration warmUp, Operation operation) {
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        int warmUpCalls = 0;
        while (warmUpCalls < Math.max(5, rounds / 10) || System.nanoTime() < warmUntil) {
            call(operation);
            warmUpCalls++;
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call(operation);
            times.add(System.nanoTime() - t);
        }
        return of(times, warmUpCalls + rounds);
    }

    /**
     * As {@link #measure}, but stops timing once {@code budget} has passed (at least {@code minimum} rounds after the
     * warm-up: one run, and for a side whose run takes less than a second as long as {@link #measure} warms up, at
     * most a quarter of the budget): for a side whose single run takes minutes, so that a benchmark still ends. A
     * warm-up that alone takes
     * longer than the budget is the only sample (caches matter nothing beside minutes). Prints how many rounds it took
     * when it stopped early; with few rounds the p99 is the slowest run.
     */
    static Latency measureWithin(int rounds, int minimum, Duration budget, String what, Operation operation) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        call(operation);
        long warmUp = System.nanoTime() - start;
        if (warmUp > budget.toNanos()) {
            System.out.printf(
                    "%s: one run (the warm-up) took %.0f s, longer than the budget of %s%n",
                    what, warmUp / 1e9, budget);
            return of(List.of(warmUp), 1);
        }
        int calls = 1;
        if (warmUp < 1_000_000_000L) {
            // a quick side warms up as measure does, within a quarter of its budget
            long warmUntil = System.nanoTime() + Math.min(WARM_UP.toNanos(), budget.toNanos() / 4);
            while (System.nanoTime() < warmUntil) {
                call(operation);
                calls++;
            }
            deadline = System.nanoTime() + budget.toNanos();
        }
        List<Long> times = new ArrayList<>();
        while (times.size() < rounds && (times.size() < minimum || System.nanoTime() < deadline)) {
            long t = System.nanoTime();
            call(operation);
            times.add(System.nanoTime() - t);
        }
        if (times.size() < rounds) {
            System.out.printf("%s: %d of %d rounds within the budget of %s%n", what, times.size(), rounds, budget);
        }
        return of(times, calls + times.size());
    }

    /** p50 and p99 of these durations (nanoseconds), in milliseconds, of an operation that ran {@code calls} times. */
    static Latency of(List<Long> nanos, int calls) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latency(quantile(sorted, 0.50), quantile(sorted, 0.99), calls);
    }

    private static double quantile(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static void call(Operation operation) {
        try {
            operation.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row of a figure table: ours and stock p50 / p99 and the ratio of the p99s. */
    static void row(String figure, Latency ours, Latency stock) {
        double ratio = ours.p99() / stock.p99();
        // a stock side minutes slow would print 0.00x
        System.out.printf(
                "%-44s %21s %21s %12s%n", figure, ours, stock, String.format(ratio < 0.1 ? "%.4fx" : "%.2fx", ratio));
    }

    /** A figure with no stock counterpart. */
    static void row(String figure, Latency ours) {
        System.out.printf("%-44s %21s%n", figure, ours);
    }

    /** The header over {@link #row} lines. */
    static void header() {
        System.out.printf("%-44s %21s %21s %13s%n", "figure (p50 / p99, ms)", "ours", "stock", "ratio p99");
    }

    @Override
    public String toString() {
        return String.format("%8.1f / %8.1f", p50, p99);
    }
}

package nl.asylumchain.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency figures of the benchmarks: the same warm-up, quantiles and printed row for ours and stock. */
record Latency(double p50, double p99) {

    /** Something timed once per round; returns anything, so that the work cannot be optimised away. */
    @FunctionalInterface
    interface Operation {
        Object run() throws Exception;
    }

    /** Warms up (plans cached, pages in memory), then times {@code rounds} runs. */
    static Latency measure(int rounds, Operation operation) {
        for (int i = 0; i < Math.max(5, rounds / 10); i++) {
            call(operation);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call(operation);
            times.add(System.nanoTime() - t);
        }
        return of(times);
    }

    /** p50 and p99 of these durations (nanoseconds), in milliseconds. */
    static Latency of(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latency(quantile(sorted, 0.50), quantile(sorted, 0.99));
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
        System.out.printf("%-44s %21s %21s %12.2fx%n", figure, ours, stock, ours.p99() / stock.p99());
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

package nl.asylumchain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.forecast.Scenario;
import nl.asylumchain.forecast.ScenarioReader;
import nl.asylumchain.forecast.process.StockPlacement;
import nl.asylumchain.forecast.process.StockPlacement.Kind;

/**
 * Issue 14, item 1: brings a running application's (empty) database to a national state through the engine, with
 * the forecast's placement engine ({@link StockPlacement}): every case gets its case file through the intake and its
 * process placed with process-instance modification, so the stage's own models and delegates write their tables,
 * tasks, timers and history as for a real case. No SQL into any table.
 *
 * <p>The spread is the end-2023 stock of {@code mpp-2024-high} (the letter: about 50,000 pending at the IND across
 * the tracks, 27,000 nareis applications, permit holders in reception waiting for housing, open DT&amp;V cases),
 * scaled to the number of cases asked for. The work is cut into slices placed on {@code threads} threads: the cases
 * are independent, so two cores place side by side.
 */
public final class NationalDataSet {

    /** What a seeding took: the cases per stage, the wall time. */
    public record Seeded(Map<String, Long> perStage, long cases, double seconds) {
        public double casesPerSecond() {
            return cases / Math.max(seconds, 1e-3);
        }
    }

    private static final int SLICE = 250;

    private NationalDataSet() {}

    /**
     * Places {@code cases} open cases spread like the chain at the end of 2023; prints progress to stdout. {@code
     * database} is the application's: its planner statistics are refreshed as it fills ({@link Statistics}).
     */
    public static Seeded seed(StockPlacement placement, long cases, int threads, JdbcClient database) throws Exception {
        Statistics statistics = new Statistics(database);
        Scenario scenario = ScenarioReader.read("mpp-2024-high");
        Scenario.Stock stock = scenario.stock();
        double factor = (double) cases / stock.total();
        Map<String, Long> perStage = new TreeMap<>();
        List<Slice> slices = new ArrayList<>();
        long number = 1;
        long placedSoFar = 0;
        List<Object[]> parts = new ArrayList<>();
        for (Map.Entry<Integer, Long> track : new TreeMap<>(stock.ind()).entrySet()) {
            parts.add(
                    new Object[] {Kind.IND, track.getKey(), "IND_DECISION track " + track.getKey(), track.getValue()});
        }
        parts.add(new Object[] {Kind.REUNIFICATION, 4, "FAMILY_REUNIFICATION", stock.reunification()});
        parts.add(new Object[] {Kind.HOUSING, 4, "HOUSING", stock.housing()});
        parts.add(new Object[] {Kind.DEPARTURE, 4, "DEPARTURE", stock.departure()});
        for (int i = 0; i < parts.size(); i++) {
            Object[] part = parts.get(i);
            long count = i == parts.size() - 1 ? cases - placedSoFar : Math.round((Long) part[3] * factor);
            perStage.merge((String) part[2], count, Long::sum);
            placedSoFar += count;
            for (long from = 0; from < count; from += SLICE) {
                slices.add(new Slice((Kind) part[0], (Integer) part[1], number + from, Math.min(SLICE, count - from)));
            }
            number += count;
        }
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Slice slice : slices) {
                futures.add(pool.submit(() -> {
                    placement.place(scenario, slice.kind(), slice.track(), slice.firstNumber(), slice.count());
                    long total = done.addAndGet(slice.count());
                    statistics.seeded((int) total, "national");
                    if (total / 5000 != (total - slice.count()) / 5000) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.out.printf(
                                "SEED cases=%d of %d seconds=%.0f casesPerSecond=%.0f%n",
                                total, cases, seconds, total / seconds);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        statistics.analyze();
        double seeding = (System.nanoTime() - started) / 1e9;
        // what autovacuum does on a chain that has run for a while, outside the seeding's time: the visibility map
        // set, so that index-only scans read no table rows (docs/postgresql.md, after a bulk load)
        long vacuumStart = System.nanoTime();
        statistics.vacuum();
        System.out.printf("seeded: vacuum analyze %.1f s%n", (System.nanoTime() - vacuumStart) / 1e9);
        return new Seeded(perStage, cases, seeding);
    }

    private record Slice(Kind kind, int track, long firstNumber, long count) {}
}

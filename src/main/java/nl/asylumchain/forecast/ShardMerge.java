package nl.asylumchain.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import nl.asylumchain.departure.DepartureOutcome;
import nl.asylumchain.departure.DepartureShare;

/**
 * One forecast from its shards' partial results: counts and stocks per week are added up (the shards are disjoint
 * parts of the chain), lead-time percentiles are taken over the union of the shards' histograms, the demonstrable
 * departure share is computed again from the added outcomes. The run's speed is the parent's wall time over all
 * shards' cases and steps; its peak heap is the largest of the shards' peaks (they run in one JVM and share its heap).
 */
final class ShardMerge {

    private ShardMerge() {}

    static ForecastResult merge(Scenario whole, List<ShardResult> shards, double wallSeconds) {
        return merge(whole, shards, 1, wallSeconds);
    }

    /**
     * A sample's shards ({@code --sample N}: shards of 1/N of the chain each) scaled to the whole: every count and
     * stock is the shards' sum times {@code sample}, as if each shard had run {@code sample} times (lead-time
     * percentiles and the departure share do not change by that); the run's cases, steps and heap are those that
     * really ran.
     */
    static ForecastResult merge(Scenario whole, List<ShardResult> shards, int sample, double wallSeconds) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard to merge");
        }
        if (sample < 1) {
            throw new IllegalArgumentException("a sample of 1/" + sample);
        }
        List<ForecastResult> ran = shards.stream().map(ShardResult::result).toList();
        List<ShardResult> copies = new ArrayList<>();
        for (int copy = 0; copy < sample; copy++) {
            copies.addAll(shards);
        }
        List<ForecastResult> results = copies.stream().map(ShardResult::result).toList();
        int weekCount = results.get(0).weeks().size();
        for (ForecastResult result : results) {
            if (result.weeks().size() != weekCount) {
                throw new IllegalArgumentException(
                        "shards ran " + weekCount + " and " + result.weeks().size() + " weeks");
            }
        }
        List<ForecastResult.Week> weeks = new ArrayList<>();
        for (int w = 0; w < weekCount; w++) {
            int at = w;
            List<ForecastResult.Week> parts =
                    results.stream().map(r -> r.weeks().get(at)).toList();
            weeks.add(
                    week(parts, copies.stream().map(s -> s.leadTimes().get(at)).toList()));
        }
        long cases = ran.stream().mapToLong(r -> r.run().cases()).sum();
        long steps = ran.stream().mapToLong(r -> r.run().steps()).sum();
        double seconds = Math.max(wallSeconds, 1e-3);
        ForecastResult.Run run = new ForecastResult.Run(
                cases,
                steps,
                round(wallSeconds),
                round(cases / seconds),
                round(steps / seconds),
                ran.stream().mapToLong(r -> r.run().peakHeapMb()).max().orElse(0));
        // the shards' first day: the scenario's, or the snapshot's day in a forecast from now
        LocalDate start = ran.get(0).scenario().start();
        if (ran.stream().anyMatch(r -> !r.scenario().start().equals(start))) {
            throw new IllegalArgumentException("the shards started on different days");
        }
        return new ForecastResult(
                new ForecastResult.Scenario(whole.name(), whole.seed(), start, whole.weeks(), sample),
                run,
                List.copyOf(weeks),
                sum(results, ForecastResult::startBacklog),
                results.stream().anyMatch(r -> r.startCoa() == null)
                        ? null
                        : coa(results.stream().map(ForecastResult::startCoa).toList()));
    }

    /** The shards' problems added up, in a fixed order. */
    static Map<String, Long> problems(List<ShardResult> shards) {
        Map<String, Long> problems = new TreeMap<>();
        shards.forEach(s -> s.problems().forEach((what, n) -> problems.merge(what, n, Long::sum)));
        return problems;
    }

    private static ForecastResult.Week week(List<ForecastResult.Week> parts, List<Map<String, LeadTimes>> leadTimes) {
        ForecastResult.Week first = parts.get(0);
        Map<String, Map<String, Long>> decisions = new TreeMap<>();
        for (ForecastResult.Week part : parts) {
            part.indDecisions()
                    .forEach((track, outcomes) -> outcomes.forEach((outcome, n) -> decisions
                            .computeIfAbsent(track, t -> new LinkedHashMap<>())
                            .merge(outcome, n, Long::sum)));
        }
        Map<String, LeadTimes> times = new LinkedHashMap<>();
        leadTimes.forEach(shard -> shard.forEach((stage, t) -> times.merge(stage, t, LeadTimes::plus)));
        Map<String, ForecastResult.Percentiles> percentiles = new LinkedHashMap<>();
        first.leadTimeDays()
                .keySet()
                .forEach(stage -> percentiles.put(
                        stage,
                        times.getOrDefault(stage, new LeadTimes(new TreeMap<>()))
                                .percentiles()));
        Map<String, Long> outcomes = sum(parts, p -> p.departure().outcomes());
        Map<DepartureOutcome, Long> byOutcome = new EnumMap<>(DepartureOutcome.class);
        outcomes.forEach((outcome, n) -> byOutcome.put(DepartureOutcome.valueOf(outcome), n));
        var fraction = DepartureShare.of(byOutcome).fraction();
        return new ForecastResult.Week(
                first.week(),
                first.start(),
                sum(parts, ForecastResult.Week::inflow),
                total(parts, ForecastResult.Week::registered),
                new LinkedHashMap<>(decisions),
                sum(parts, ForecastResult.Week::backlog),
                percentiles,
                total(parts, ForecastResult.Week::deadlinesPassed),
                coa(parts.stream().map(ForecastResult.Week::coa).toList()),
                total(parts, ForecastResult.Week::housed),
                // the shards' quotas are the half-year's divided without loss
                total(parts, ForecastResult.Week::taakstelling),
                new ForecastResult.Departure(
                        total(parts, p -> p.departure().intake()),
                        outcomes,
                        fraction == null ? 0 : fraction.doubleValue()));
    }

    /** Added up per key, in the order the first part gives its keys (the enums' order: the same bytes every time). */
    private static ForecastResult.Coa coa(List<ForecastResult.Coa> parts) {
        return new ForecastResult.Coa(
                total(parts, ForecastResult.Coa::asylumSeekers),
                total(parts, ForecastResult.Coa::permitHolders),
                total(parts, ForecastResult.Coa::unaccompaniedMinors),
                total(parts, ForecastResult.Coa::capacity));
    }

    private static <T> Map<String, Long> sum(List<T> parts, Function<T, Map<String, Long>> counts) {
        Map<String, Long> sum = new LinkedHashMap<>();
        parts.forEach(part -> counts.apply(part).forEach((key, n) -> sum.merge(key, n, Long::sum)));
        return sum;
    }

    private static <T> long total(List<T> parts, ToLongFunction<T> count) {
        return parts.stream().mapToLong(count).sum();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

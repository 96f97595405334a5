package nl.asylumchain.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Partial results of shards merge into one forecast: counts added up, percentiles over all cases. */
class ShardMergeTest {

    private static final Scenario SMALL = ScenarioReader.read("src/test/resources/forecast/small.yml");

    @Test
    void mergedWeeklyCountsAreTheSumsOfTheShards() {
        ShardResult a = shard(0, 7, List.of(1.0, 2.0));
        ShardResult b = shard(1, 11, List.of(3.0));

        ForecastResult merged = ShardMerge.merge(SMALL, List.of(a, b), 10);

        ForecastResult.Week week = merged.weeks().get(0);
        assertThat(week.inflow()).containsEntry("FIRST", 18L).containsEntry("REPEAT", 2L);
        assertThat(week.registered()).isEqualTo(18);
        assertThat(week.indDecisions().get("4")).containsEntry("GRANT", 18L).containsEntry("REJECT", 36L);
        assertThat(week.backlog()).containsEntry("IND_DECISION", 180L);
        assertThat(week.deadlinesPassed()).isEqualTo(18);
        assertThat(week.coa()).isEqualTo(new ForecastResult.Coa(18, 36, 2, 200));
        assertThat(week.housed()).isEqualTo(18);
        assertThat(week.taakstelling()).isEqualTo(200);
        assertThat(week.departure().intake()).isEqualTo(18);
        assertThat(week.departure().outcomes()).containsEntry("DEPARTED_INDEPENDENTLY", 18L);
        assertThat(merged.startBacklog()).containsEntry("IND_DECISION", 1800L);
        assertThat(merged.startCoa()).isEqualTo(new ForecastResult.Coa(180, 18, 2, 100));
        assertThat(merged.run().cases()).isEqualTo(180);
        assertThat(merged.run().steps()).isEqualTo(1800);
        assertThat(merged.run().stepsPerSecond()).isEqualTo(180.0);
        assertThat(merged.scenario().seed()).isEqualTo(SMALL.seed());
        // the CSV's columns are the single run's
        assertThat(ForecastFiles.csv(merged).lines().findFirst())
                .isEqualTo(ForecastFiles.csv(a.result()).lines().findFirst());
    }

    @Test
    void aSampleCountsForTheWholeChainButItsRunIsWhatRan() {
        ShardResult a = shard(0, 7, List.of(1.0, 2.0, 30.0));
        ShardResult b = shard(1, 11, List.of(3.0));
        ForecastResult both = ShardMerge.merge(SMALL, List.of(a, b), 10);

        ForecastResult sample = ShardMerge.merge(SMALL, List.of(a, b), 5, 10);

        ForecastResult.Week week = sample.weeks().get(0);
        ForecastResult.Week unscaled = both.weeks().get(0);
        assertThat(week.inflow()).containsEntry("FIRST", 5 * 18L).containsEntry("REPEAT", 5 * 2L);
        assertThat(week.registered()).isEqualTo(5 * unscaled.registered());
        assertThat(week.indDecisions().get("4")).containsEntry("GRANT", 5 * 18L).containsEntry("REJECT", 5 * 36L);
        assertThat(week.backlog()).containsEntry("IND_DECISION", 5 * 180L);
        assertThat(week.coa()).isEqualTo(new ForecastResult.Coa(5 * 18, 5 * 36, 5 * 2, 5 * 200));
        assertThat(week.taakstelling()).isEqualTo(5 * 200);
        assertThat(week.departure().intake()).isEqualTo(5 * 18);
        assertThat(sample.startBacklog()).containsEntry("IND_DECISION", 5 * 1800L);
        assertThat(sample.startCoa()).isEqualTo(new ForecastResult.Coa(5 * 180, 5 * 18, 5 * 2, 5 * 100));
        // shares and percentiles do not change by counting every case five times
        assertThat(week.leadTimeDays()).isEqualTo(unscaled.leadTimeDays());
        assertThat(week.departure().demonstrableShare())
                .isEqualTo(unscaled.departure().demonstrableShare());
        // what ran: the two shards' cases, steps and heap, not five times them
        assertThat(sample.run()).isEqualTo(both.run());
        assertThat(sample.scenario().sample()).isEqualTo(5);
        assertThat(both.scenario().sample()).isEqualTo(1);
    }

    @Test
    void mergedLeadTimePercentilesAreThoseOfAllCasesNotAnAverageOfTheShards() {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> fast = new ArrayList<>();
        List<Double> slow = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            fast.add(random.nextDouble(1, 10));
        }
        for (int i = 0; i < 100; i++) {
            slow.add(random.nextDouble(50, 200));
        }
        ShardResult a = shard(0, 1, fast);
        ShardResult b = shard(1, 1, slow);

        ForecastResult.Percentiles merged = ShardMerge.merge(SMALL, List.of(a, b), 1)
                .weeks()
                .get(0)
                .leadTimeDays()
                .get("IND_DECISION");

        List<Double> all = new ArrayList<>(fast);
        all.addAll(slow);
        all.sort(Double::compare);
        assertThat(merged).isEqualTo(new ForecastResult.Percentiles(nearestRank(all, 0.5), nearestRank(all, 0.9)));
        // 900 fast and 100 slow cases: the 90th percentile is a fast case, which an average of percentiles misses
        ForecastResult.Percentiles ofA =
                a.result().weeks().get(0).leadTimeDays().get("IND_DECISION");
        ForecastResult.Percentiles ofB =
                b.result().weeks().get(0).leadTimeDays().get("IND_DECISION");
        assertThat(merged.p90()).isLessThan((ofA.p90() + ofB.p90()) / 2);
    }

    @Test
    void aLeadTimeHistogramGivesThePercentilesOfItsDurationsRoundedToATenth() {
        List<Double> days = List.of(6.04, 6.05, 7.96, 8.0, 8.01, 9.5, 9.55, 10.0, 11.24, 30.0);
        List<Double> sorted = new ArrayList<>(days);
        sorted.sort(Double::compare);

        assertThat(LeadTimes.of(days).percentiles())
                .isEqualTo(new ForecastResult.Percentiles(nearestRank(sorted, 0.5), nearestRank(sorted, 0.9)));
        assertThat(LeadTimes.of(List.of()).percentiles()).isEqualTo(new ForecastResult.Percentiles(0, 0));
    }

    /** Nearest-rank percentile of the durations themselves, rounded to a tenth of a day: what the report shows. */
    private static double nearestRank(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }

    /** A one-week shard result whose every count is {@code n} (some in multiples), with these IND lead times. */
    private static ShardResult shard(int index, long n, List<Double> indLeadTimes) {
        Map<String, Long> inflow = new LinkedHashMap<>();
        inflow.put("FIRST", n);
        inflow.put("REPEAT", 1L);
        inflow.put("RESETTLEMENT", 0L);
        inflow.put("REUNIFICATION", 0L);
        Map<String, Long> outcomes = new LinkedHashMap<>(Map.of("GRANT", n, "REJECT", 2 * n, "DUBLIN_ACCEPTED", 0L));
        Map<String, Long> backlog = new LinkedHashMap<>();
        backlog.put("REGISTRATION", 0L);
        backlog.put("IND_DECISION", 10 * n);
        Map<String, LeadTimes> leadTimes = new LinkedHashMap<>();
        leadTimes.put("REGISTRATION", LeadTimes.of(List.of()));
        leadTimes.put("IND_DECISION", LeadTimes.of(indLeadTimes));
        Map<String, ForecastResult.Percentiles> percentiles = new LinkedHashMap<>();
        leadTimes.forEach((stage, t) -> percentiles.put(stage, t.percentiles()));
        Map<String, Long> departures = new LinkedHashMap<>();
        departures.put("DEPARTED_INDEPENDENTLY", n);
        ForecastResult.Week week = new ForecastResult.Week(
                1,
                LocalDate.of(2023, 1, 2),
                inflow,
                n,
                new LinkedHashMap<>(Map.of("4", outcomes)),
                backlog,
                percentiles,
                n,
                new ForecastResult.Coa(n, 2 * n, 1, 100),
                n,
                100,
                new ForecastResult.Departure(n, departures, 1));
        ForecastResult result = new ForecastResult(
                new ForecastResult.Scenario("small", index, LocalDate.of(2023, 1, 2), 1, 1),
                new ForecastResult.Run(10 * n, 100 * n, 5, 0, 0, 400),
                List.of(week),
                new LinkedHashMap<>(Map.of("IND_DECISION", 100 * n)),
                new ForecastResult.Coa(10 * n, n, 1, 50));
        return new ShardResult(index, 2, result, List.of(leadTimes), 3.0, Map.of("a problem", n));
    }
}

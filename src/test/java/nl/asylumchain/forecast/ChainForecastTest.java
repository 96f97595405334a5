package nl.asylumchain.forecast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small scenarios whose answers are known by arithmetic, run through the real models in the forecast's isolated
 * engine. Each run is a few weeks and about a hundred cases; runs are shared between tests where the scenario is
 * the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainForecastTest {

    private final Scenario small = ForecastLab.scenario("small");
    private ForecastResult ample;

    private synchronized ForecastResult ample() {
        if (ample == null) {
            ample = ForecastLab.run(small);
            assertThat(ForecastLab.problemsOfLastRun())
                    .as("every task answered, every timer fired")
                    .allSatisfy((problem, count) -> assertThat(problem).contains("no longer awaited"));
        }
        return ample;
    }

    @Test
    void capacityFarAboveInflowKeepsBacklogsNearZeroAndLeadTimesNearTheLegalMinimum() {
        ForecastResult result = ample();
        assertThat(result.weeks()).hasSize(4);
        long inflow = total(
                result,
                week -> week.inflow().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(inflow).isGreaterThan(50);
        for (ForecastResult.Week week : result.weeks()) {
            // registration takes the I&R day, the interview and the six-day rest period: at most the last ~9 days'
            // arrivals are still there
            long lastTwoWeeks =
                    inflowOf(result, week.week()) + (week.week() > 1 ? inflowOf(result, week.week() - 1) : 0);
            assertThat(week.backlog().get("REGISTRATION")).isLessThanOrEqualTo(lastTwoWeeks);
        }
        ForecastResult.Percentiles registration =
                result.weeks().get(3).leadTimeDays().get("REGISTRATION");
        // the six-day rest period plus the I&R and interview days; an arrival on Friday waits out the weekend
        assertThat(registration.p50()).isBetween(6.0, 9.0);
        assertThat(registration.p90()).isLessThanOrEqualTo(11.0);
        assertThat(total(result, ForecastResult.Week::registered)).isGreaterThan(inflow / 2);
        assertThat(decisions(result, "GRANT") + decisions(result, "REJECT")).isPositive();
    }

    @Test
    void withoutIndCapacityTheIndBacklogIsEveryRegisteredCase() {
        Scenario noInd =
                ForecastLab.with(small, b -> b.capacity("ind-decision", 0).capacity("ind-dublin", 0));
        ForecastResult result = ForecastLab.run(noInd);
        long registered = 0;
        for (ForecastResult.Week week : result.weeks()) {
            registered += week.registered();
            assertThat(week.backlog().get("IND_DECISION"))
                    .as("week %d", week.week())
                    .isEqualTo(registered);
        }
        assertThat(registered).isPositive();
        assertThat(decisions(result, "GRANT") + decisions(result, "REJECT") + decisions(result, "DUBLIN_ACCEPTED"))
                .isZero();
    }

    @Test
    void whenEveryCaseIsGrantedEveryDecidedCaseWaitsForHousingOrIsHoused() {
        Scenario allGranted = ForecastLab.with(
                small,
                b -> b.capacity("municipality", 0)
                        .everyCase(n -> new Scenario.Nationality(n.code(), n.share(), 1.0, 0, 0, 0)));
        ForecastResult result = ForecastLab.run(allGranted);
        long granted = decisions(result, "GRANT");
        assertThat(granted).isPositive();
        assertThat(decisions(result, "REJECT") + decisions(result, "DUBLIN_ACCEPTED"))
                .isZero();
        ForecastResult.Week last = result.weeks().get(result.weeks().size() - 1);
        // no municipality capacity: nobody is housed, so every permit holder is still in the housing stage
        assertThat(last.backlog().get("HOUSING")).isEqualTo(granted);
        assertThat(total(result, ForecastResult.Week::housed)).isZero();
        assertThat(total(result, week -> week.departure().intake())).isZero();
    }

    @Test
    void doublingAGroupsCapacityNeverRaisesThatGroupsBacklog() {
        ForecastResult tight = ForecastLab.run(ForecastLab.with(small, b -> b.capacity("ind-decision", 10)));
        ForecastResult doubled = ForecastLab.run(ForecastLab.with(small, b -> b.capacity("ind-decision", 20)));
        for (int i = 0; i < tight.weeks().size(); i++) {
            assertThat(doubled.weeks().get(i).backlog().get("IND_DECISION"))
                    .as("week %d", i + 1)
                    .isLessThanOrEqualTo(tight.weeks().get(i).backlog().get("IND_DECISION"));
        }
        assertThat(decisions(doubled, "GRANT") + decisions(doubled, "REJECT"))
                .isGreaterThan(decisions(tight, "GRANT") + decisions(tight, "REJECT"));
    }

    @Test
    void aTrackWithoutCapacityIsNotDecidedWhileTheOtherTracksAre() {
        ForecastResult withoutTrackFour = ForecastLab.run(ForecastLab.with(
                small, b -> b.capacityPerTrack("ind-decision", java.util.Map.of(1, 10_000.0, 2, 10_000.0, 4, 0.0))));
        assertThat(decisionsOnTrack(withoutTrackFour, "4")).isZero();
        assertThat(decisionsOnTrack(withoutTrackFour, "1") + decisionsOnTrack(withoutTrackFour, "2"))
                .isPositive();
        // the same group with one number decides track 4 too: the split, not the total, held it back
        assertThat(decisionsOnTrack(ample(), "4")).isPositive();
    }

    @Test
    void theSameScenarioAndSeedWriteByteIdenticalCsv() {
        String first = ForecastFiles.csv(ample());
        String again = ForecastFiles.csv(ForecastLab.run(small));
        assertThat(again).isEqualTo(first);
        String otherSeed = ForecastFiles.csv(ForecastLab.run(ForecastLab.with(small, b -> {
            b.seed = 7;
            return b;
        })));
        assertThat(otherSeed).isNotEqualTo(first);
        // the ids that break ties are counted, not drawn, so that they repeat too (docs/forecast.md, seventh round)
        JdbcTemplate database = ForecastLab.database(small);
        assertThat(database.queryForList("select case_id from cases", java.util.UUID.class))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id.version()).isEqualTo(8));
        assertThat(database.queryForList("select ID_ from ACT_RU_TASK", String.class))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(id).matches("\\d{12}"));
    }

    private static long inflowOf(ForecastResult result, int week) {
        return result.weeks().get(week - 1).inflow().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static long decisions(ForecastResult result, String outcome) {
        return total(
                result,
                week -> week.indDecisions().values().stream()
                        .mapToLong(outcomes -> outcomes.getOrDefault(outcome, 0L))
                        .sum());
    }

    private static long decisionsOnTrack(ForecastResult result, String track) {
        return total(
                result,
                week -> week.indDecisions().getOrDefault(track, java.util.Map.of()).values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    private static long total(ForecastResult result, java.util.function.ToLongFunction<ForecastResult.Week> figure) {
        return result.weeks().stream().mapToLong(figure).sum();
    }
}

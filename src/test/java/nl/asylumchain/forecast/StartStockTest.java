package nl.asylumchain.forecast;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's synthetic start stock is placed in the real models before the first day: with no inflow and no
 * capacity nothing moves, so every stage holds exactly its stock, at the start (week 0) and after the first week.
 */
class StartStockTest {

    private static final Scenario.Stock STOCK = new Scenario.Stock(
            Map.of(1, 3L, 2, 2L, 4, 5L),
            List.of(new Scenario.AgeBand(0, 3, 0.5), new Scenario.AgeBand(3, 12, 0.5)),
            0.2,
            4,
            3,
            2);

    @Test
    void aStockWithoutCapacityIsTheBacklogOfEveryStageAtTheStartAndAfterTheFirstWeek() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"),
                b -> b.noInflow().noCapacity().stock(STOCK).weeks(1));

        ForecastResult result = ForecastLab.run(scenario);

        Map<String, Long> expected = Map.of(
                "REGISTRATION", 0L,
                "IND_DECISION", 10L,
                "HOUSING", 3L,
                "FAMILY_REUNIFICATION", 4L,
                "DEPARTURE", 2L);
        assertThat(result.startBacklog()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(result.weeks().get(0).backlog()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(result.run().cases()).isEqualTo(STOCK.total());
        // the placed cases are where their stage's milestones put them: the permit holders in reception as such,
        // the pending IND cases as asylum seekers; the nareis sponsors are housed already
        assertThat(result.weeks().get(0).coa().permitHolders()).isEqualTo(3);
        assertThat(result.weeks().get(0).coa().asylumSeekers()
                        + result.weeks().get(0).coa().unaccompaniedMinors())
                .isGreaterThanOrEqualTo(10);
        assertThat(ForecastLab.problemsOfLastRun())
                .allSatisfy((problem, count) -> assertThat(problem).contains("no longer awaited"));
    }

    /**
     * Nareis applications in the stock, decided with ample capacity: the family members who get an mvv and arrive
     * register their own cases, and count as inflow ({@code REUNIFICATION}) in the week they arrive.
     */
    @Test
    void familyMembersWhoArriveOnAnMvvCountAsReunificationInflow() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"),
                b -> b.noInflow()
                        .stock(new Scenario.Stock(Map.of(), STOCK.indAgeMonths(), 0, 20, 0, 0))
                        .weeks(16));

        ForecastResult result = ForecastLab.run(scenario);

        long arrived = result.weeks().stream()
                .mapToLong(week -> week.inflow().get("REUNIFICATION"))
                .sum();
        // one family member per placed application; 0.9 x 0.85 x 0.9 of them arrive (evidence, grant, arrival)
        assertThat(arrived).isPositive().isLessThanOrEqualTo(20);
        assertThat(result.weeks().stream().mapToLong(week -> week.inflow().get("FIRST")))
                .containsOnly(0L);
    }
}

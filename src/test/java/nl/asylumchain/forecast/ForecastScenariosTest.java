package nl.asylumchain.forecast;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole scenarios against each other: the shipped ones in order, and a policy switch's direction. */
class ForecastScenariosTest {

    /**
     * The three 2023 scenarios at a hundredth of their size (inflow and every capacity), for six weeks: more inflow
     * into the same chain gives a larger backlog of undecided cases and fuller reception. In all three the police's
     * I&amp;R (35,000 a year, the letter's stretched figure) is below the intake, so the extra cases wait before the
     * IND rather than at it: the backlog compared is registration and IND decision together.
     */
    @Test
    void minMedioMaxOrderTheUndecidedBacklogAndReceptionOccupancy() {
        List<ForecastResult.Week> min = lastWeeks("mpp-2023-min");
        List<ForecastResult.Week> medio = lastWeeks("mpp-2023-medio");
        List<ForecastResult.Week> max = lastWeeks("mpp-2023-max");
        ForecastResult.Week minEnd = min.get(min.size() - 1);
        ForecastResult.Week medioEnd = medio.get(medio.size() - 1);
        ForecastResult.Week maxEnd = max.get(max.size() - 1);
        assertThat(undecided(minEnd)).isLessThan(undecided(medioEnd));
        assertThat(undecided(medioEnd)).isLessThan(undecided(maxEnd));
        assertThat(occupancy(minEnd)).isLessThan(occupancy(medioEnd));
        assertThat(occupancy(medioEnd)).isLessThan(occupancy(maxEnd));
    }

    /**
     * A hold on the Ukraine temporary-protection category for the first four weeks: its cases park at their next IND
     * step, so fewer decisions and a larger IND backlog while it lasts; when it ends the parked cases go on, and the
     * weeks after see more decisions than without the hold.
     */
    @Test
    void aHeldCategoryPilesUpWhileHeldAndIsDecidedAfterTheHoldEnds() {
        Scenario base = ForecastLab.with(ForecastLab.scenario("small"), b -> {
            b.weeks = 7;
            b.ukraine = 0.5;
            return b;
        });
        Scenario held = ForecastLab.with(base, b -> {
            b.policy = new Scenario.Policy(
                    java.util.Map.of(),
                    List.of(new Scenario.Hold(
                            "TEMPORARY_PROTECTION_UKRAINE", base.start(), LocalDate.of(2023, 1, 30))));
            return b;
        });
        ForecastResult without = ForecastLab.run(base);
        ForecastResult with = ForecastLab.run(held);
        assertThat(decisions(with, 1, 4)).isLessThan(decisions(without, 1, 4));
        assertThat(with.weeks().get(3).backlog().get("IND_DECISION"))
                .isGreaterThan(without.weeks().get(3).backlog().get("IND_DECISION"));
        assertThat(decisions(with, 5, 7)).isGreaterThan(decisions(without, 5, 7));
    }

    private static List<ForecastResult.Week> lastWeeks(String shipped) {
        // the three 2023 scenarios share one start stock, so the ordering is the inflow's; placing the stock (about
        // 750 cases at this scale) would triple the test's time and is tested on its own (StartStockTest)
        return ForecastLab.run(ForecastLab.with(
                        ScenarioReader.read(shipped), b -> b.scaled(0.01, 6).stock(Scenario.Stock.NONE)))
                .weeks();
    }

    private static long undecided(ForecastResult.Week week) {
        return week.backlog().get("REGISTRATION") + week.backlog().get("IND_DECISION");
    }

    private static long occupancy(ForecastResult.Week week) {
        return week.coa().asylumSeekers()
                + week.coa().permitHolders()
                + week.coa().unaccompaniedMinors();
    }

    private static long decisions(ForecastResult result, int fromWeek, int toWeek) {
        return result.weeks().subList(fromWeek - 1, toWeek).stream()
                .flatMap(week -> week.indDecisions().values().stream())
                .flatMap(outcomes -> outcomes.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }
}

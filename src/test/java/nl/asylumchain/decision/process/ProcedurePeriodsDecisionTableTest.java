package nl.asylumchain.decision.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/procedurePeriods.dmn: zienswijze period and appeal window after an intended rejection. */
class ProcedurePeriodsDecisionTableTest {

    private static final DecisionTables PERIODS = DecisionTables.parse("dmn/procedurePeriods.dmn", "procedurePeriods");

    @ParameterizedTest(name = "{0}, spoor {1}: zienswijze {2}, appeal {3}")
    @CsvSource({"VA, 4, P28D, P28D", "VA, 1, P28D, P28D", "AA, 2, P1D,  P7D", "AA, 4, P1D,  P7D", "AA, 1, P1D,  P7D"})
    void theAaAndSpoorTwoGiveOneDayAndOneWeekTheVaFourWeeksEach(
            String procedure, int track, String response, String appeal) {
        assertThat(PERIODS.evaluate("procedure", procedure, "track", track))
                .containsEntry("responsePeriod", response)
                .containsEntry("appealWindow", appeal);
    }
}

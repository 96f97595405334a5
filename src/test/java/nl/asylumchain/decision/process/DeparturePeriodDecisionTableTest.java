package nl.asylumchain.decision.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/departurePeriod.dmn: Vw 2000 art. 62, by decision type, track and the ground of the track. */
class DeparturePeriodDecisionTableTest {

    private static final DecisionTables DEPARTURE = DecisionTables.parse("dmn/departurePeriod.dmn", "departurePeriod");

    @ParameterizedTest(name = "{0}, spoor {1}, {2}: {3}")
    @CsvSource({
        "REJECTION, 4, GENERAL,                         P28D",
        "REJECTION, 4, DUBLIN_CLAIM_REFUSED,            P28D",
        "REJECTION, 4, DUBLIN_TRANSFER_DEADLINE_PASSED, P28D",
        "REJECTION, 4,                                  , P28D",
        "REJECTION, 2, SAFE_COUNTRY,                    P0D",
        "REJECTION, 2, PROTECTION_IN_MEMBER_STATE,      P0D",
        "REJECTION, 2,                                  , P0D",
        "REJECTION, 4, SAFE_COUNTRY,                    P0D",
        "DUBLIN,    1, EURODAC_HIT,                     P0D"
    })
    void aRejectionLeavesTwentyEightDaysExceptInSpoorTwoOrOnItsGroundsAndADublinDecisionNone(
            String decisionType, int track, String trackReason, String period) {
        assertThat(DEPARTURE.evaluate("decisionType", decisionType, "track", track, "trackReason", trackReason))
                .containsEntry("departurePeriod", period);
    }
}

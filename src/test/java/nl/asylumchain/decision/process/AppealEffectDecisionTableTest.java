package nl.asylumchain.decision.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/appealEffect.dmn: whether an appeal suspends departure or the transfer (Vw 2000 art. 82). */
class AppealEffectDecisionTableTest {

    private static final DecisionTables EFFECT = DecisionTables.parse("dmn/appealEffect.dmn", "appealEffect");

    @ParameterizedTest(name = "{0}, spoor {1}, {2}: suspensive {3}")
    @CsvSource({
        "DUBLIN,    1, AA, false",
        "DUBLIN,    4, AA, false",
        "REJECTION, 2, AA, false",
        "REJECTION, 2, VA, false",
        "REJECTION, 4, AA, true",
        "REJECTION, 4, VA, true",
        "REJECTION, 4, AA_PLUS, true",
        "REJECTION, 2, AA_PLUS, false",
        "REJECTION, 1, AA, true"
    })
    void aDublinDecisionAndASpoorTwoRejectionDoNotSuspendAnyOtherRejectionDoes(
            String decisionType, int track, String procedure, boolean suspensive) {
        assertThat(EFFECT.evaluate("decisionType", decisionType, "track", track, "procedure", procedure))
                .containsEntry("appealSuspensive", suspensive);
    }
}

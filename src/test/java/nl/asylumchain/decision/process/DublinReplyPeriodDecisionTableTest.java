package nl.asylumchain.decision.process;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/dublinReplyPeriod.dmn: how long the requested member state has to answer (Dublin III art. 22, 25). */
class DublinReplyPeriodDecisionTableTest {

    private static final DecisionTables REPLY_PERIOD =
            DecisionTables.parse("dmn/dublinReplyPeriod.dmn", "dublinReplyPeriod");

    @ParameterizedTest(name = "{0}, Eurodac hit ''{1}'' -> {2}")
    @CsvSource(
            value = {
                "TAKE_CHARGE, DE,   P2M",
                "TAKE_CHARGE, null, P2M",
                "TAKE_BACK,   IT,   P14D",
                "TAKE_BACK,   '',   P1M",
                "TAKE_BACK,   null, P1M"
            },
            nullValues = "null")
    void takeChargeHasTwoMonthsTakeBackOneMonthOrTwoWeeksOnAEurodacHit(
            String claimType, String eurodacHit, String period) {
        assertThat(REPLY_PERIOD.evaluate("claimType", claimType, "eurodacHitMemberState", eurodacHit))
                .containsEntry("replyPeriod", period);
    }
}

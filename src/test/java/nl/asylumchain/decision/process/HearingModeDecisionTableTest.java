package nl.asylumchain.decision.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hearingMode in dmn/nationalityGroups.dmn: written or physical main interview, with the written-hearing policy
 * switch; the written-hearing list is a column of nationalityGroups.
 */
class HearingModeDecisionTableTest {

    private static final String RESOURCE = "dmn/nationalityGroups.dmn";

    private static final DecisionTables HEARING_MODE = DecisionTables.parse(RESOURCE, "hearingMode");

    /** The table as a designer leaves it after switching the project on again: one cell changed. */
    private static String projectRestarted() {
        return DecisionTables.read(RESOURCE)
                .replace(
                        "<outputEntry id=\"Rule_WrittenHearingPolicy_Current_WrittenHearingInUse\">\n          <text>false</text>",
                        "<outputEntry id=\"Rule_WrittenHearingPolicy_Current_WrittenHearingInUse\">\n          <text>true</text>");
    }

    @ParameterizedTest(name = "{0} ({1}), project running: {2}")
    @CsvSource({
        "SYR, GENERAL,      WRITTEN",
        "YEM, GENERAL,      WRITTEN",
        "TUR, GENERAL,      WRITTEN",
        "AFG, GENERAL,      PHYSICAL",
        "SYR, EURODAC_HIT,  PHYSICAL",
        "SYR, SAFE_COUNTRY, PHYSICAL",
        "DZA, GENERAL,      PHYSICAL"
    })
    void whileTheWrittenHearingProjectRunsPromisingNationalitiesInTheGeneralProcedureAreHeardInWriting(
            String nationality, String trackReason, String mode) {
        assertThat(DecisionTables.parseXml(projectRestarted(), "hearingMode")
                        .evaluate("nationality", nationality, "trackReason", trackReason))
                .containsEntry("hearingMode", mode);
    }

    @ParameterizedTest(name = "{0}: physical once the project ended")
    @CsvSource({"SYR", "YEM", "TUR", "AFG"})
    void withTheProjectEndedEveryoneIsHeardPhysically(String nationality) {
        assertThat(HEARING_MODE.evaluate("nationality", nationality, "trackReason", "GENERAL"))
                .containsEntry("hearingMode", "PHYSICAL");
    }

    @Test
    void thePolicyInTheTableTodayIsThatTheProjectHasEnded() {
        assertThat(DecisionTables.parse(RESOURCE, "writtenHearingPolicy").evaluate())
                .containsEntry("writtenHearingInUse", false);
        assertThat(projectRestarted()).isNotEqualTo(DecisionTables.read(RESOURCE));
    }
}

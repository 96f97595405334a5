package nl.asylumchain.decision.process;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dmn/procedureChoice.dmn: AA, AA+ or VA after the assessment, from the assessor's choice and the case's facts (Vb 2000
 * art. 3.109b, 3.110). One row per rule, and the age boundary of the unaccompanied child under 12.
 */
class ProcedureChoiceDecisionTableTest {

    private static final DecisionTables CHOICE = DecisionTables.parse("dmn/procedureChoice.dmn", "procedureChoice");

    private static Map<String, Object> choose(
            String decisionOutcome, String vaReason, String procedure, boolean unaccompaniedMinor, Integer age) {
        return CHOICE.evaluate(
                "decisionOutcome",
                decisionOutcome,
                "vaReason",
                vaReason,
                "procedure",
                procedure,
                "unaccompaniedMinor",
                unaccompaniedMinor,
                "age",
                age);
    }

    @ParameterizedTest(name = "{0} in the {1}: stays {1}")
    @CsvSource({"AA", "AA_PLUS", "VA"})
    void aGrantNeverChangesTheProcedure(String procedure) {
        assertThat(choose("GRANT", null, procedure, true, 8))
                .containsEntry("procedure", procedure)
                .containsEntry("procedureGround", "DECIDED");
    }

    @ParameterizedTest(name = "referred on {0}")
    @CsvSource({"MINOR_UNDER_12", "ILLNESS", "FURTHER_RESEARCH", "NO_INTERPRETER", "FAMILY_IN_VA"})
    void aReferralToTheVaOnOneOfItsGroundsGoesToTheVaWithThatGround(String vaReason) {
        assertThat(choose("EXTEND", vaReason, "AA", false, 30))
                .containsEntry("procedure", "VA")
                .containsEntry("procedureGround", vaReason);
    }

    @ParameterizedTest(name = "{0}, unaccompanied {1}, age {2}: {3}")
    @CsvSource({
        "REJECT,    true,  11, VA",
        "REJECT,    true,  12, AA",
        "REJECT,    true,   0, VA",
        "REJECT,    false, 11, AA",
        "EXTEND_AA, true,  11, VA",
        "EXTEND_AA, true,  12, AA_PLUS"
    })
    void anUnaccompaniedChildUnderTwelveGoesToTheVaInsteadOfARejectionOrExtensionInTheAa(
            String decisionOutcome, boolean unaccompaniedMinor, int age, String procedure) {
        assertThat(choose(decisionOutcome, null, "AA", unaccompaniedMinor, age)).containsEntry("procedure", procedure);
    }

    @Test
    void theMinorsGroundIsRecordedWhenTheTableSendsTheChildToTheVa() {
        assertThat(choose("REJECT", null, "AA", true, 11)).containsEntry("procedureGround", "MINOR_UNDER_12");
    }

    @ParameterizedTest(name = "{0} in the VA stays in the VA")
    @CsvSource({"REJECT", "EXTEND_AA"})
    void aCaseInTheVaStaysInTheVa(String decisionOutcome) {
        assertThat(choose(decisionOutcome, null, "VA", false, 30))
                .containsEntry("procedure", "VA")
                .containsEntry("procedureGround", "IN_VA");
    }

    @ParameterizedTest(name = "from the {0}")
    @CsvSource({"AA", "AA_PLUS"})
    void threeMoreDaysMakeTheGeneralProcedureTheAaPlus(String procedure) {
        assertThat(choose("EXTEND_AA", null, procedure, false, 30))
                .containsEntry("procedure", "AA_PLUS")
                .containsEntry("procedureGround", "AA_EXTENDED");
    }

    @ParameterizedTest(name = "an intended rejection in the {0}")
    @CsvSource({"AA", "AA_PLUS"})
    void anIntendedRejectionKeepsTheProcedure(String procedure) {
        assertThat(choose("REJECT", null, procedure, false, 30))
                .containsEntry("procedure", procedure)
                .containsEntry("procedureGround", "DECIDED");
    }

    @Test
    void anUnknownAgeDoesNotMakeAChildUnderTwelve() {
        assertThat(choose("REJECT", null, "AA", true, null)).containsEntry("procedure", "AA");
    }

    @Test
    void aReferralWithoutAGroundIsNoReferral() {
        // the form demands vaReason with EXTEND (400 naming it); were it missing, the table would not invent one
        assertThat(choose("EXTEND", null, "AA", false, 30)).containsEntry("procedure", "AA");
    }
}

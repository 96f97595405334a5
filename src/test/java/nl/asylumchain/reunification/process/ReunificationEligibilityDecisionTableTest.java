package nl.asylumchain.reunification.process;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dmn/reunificationEligibility.dmn (Vw 2000 art. 29 lid 2): who may join a permit holder through family
 * reunification, and the rule that refuses everyone else. One test per rule, with the boundaries (a child of 17
 * and of 18 on the application date).
 */
class ReunificationEligibilityDecisionTableTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = ReunificationEligibilityDecisionTableTest.class
                .getClassLoader()
                .getResourceAsStream("dmn/reunificationEligibility.dmn")) {
            decision = dmnEngine.parseDecision("reunificationEligibility", dmn);
        }
    }

    private static Map<String, Object> eligibility(
            String relation, Boolean relationBeforeEntry, int age, boolean sponsorUnaccompaniedMinor) {
        VariableMap facts = Variables.createVariables()
                .putValue("relation", relation)
                .putValue("relationBeforeEntry", relationBeforeEntry)
                .putValue("ageAtApplication", age)
                .putValue("sponsorUnaccompaniedMinor", sponsorUnaccompaniedMinor);
        return dmnEngine.evaluateDecision(decision, facts).getSingleResult().getEntryMap();
    }

    private static Map<String, Object> result(boolean eligible, String rule) {
        return Map.of("eligible", eligible, "eligibilityRule", rule);
    }

    @Test
    void aSpouseOrPartnerWhoseRelationExistedBeforeTheSponsorEnteredIsEligible() {
        assertThat(eligibility("SPOUSE", true, 34, false)).isEqualTo(result(true, "PARTNER_RELATION_BEFORE_ENTRY"));
        assertThat(eligibility("PARTNER", true, 17, true)).isEqualTo(result(true, "PARTNER_RELATION_BEFORE_ENTRY"));
    }

    @Test
    void aSpouseOrPartnerWhoseRelationBeganAfterEntryIsRefused() {
        assertThat(eligibility("SPOUSE", false, 34, false)).isEqualTo(result(false, "PARTNER_RELATION_AFTER_ENTRY"));
        assertThat(eligibility("PARTNER", null, 34, false)).isEqualTo(result(false, "PARTNER_RELATION_AFTER_ENTRY"));
    }

    @Test
    void aChildUnderEighteenOnTheApplicationDateIsEligibleWhateverTheSponsor() {
        assertThat(eligibility("CHILD", null, 0, false)).isEqualTo(result(true, "MINOR_CHILD"));
        assertThat(eligibility("CHILD", null, 17, false)).isEqualTo(result(true, "MINOR_CHILD"));
        assertThat(eligibility("CHILD", null, 17, true)).isEqualTo(result(true, "MINOR_CHILD"));
    }

    @Test
    void aChildOfEighteenOrOlderOnTheApplicationDateIsRefused() {
        assertThat(eligibility("CHILD", null, 18, false)).isEqualTo(result(false, "CHILD_OF_AGE_AT_APPLICATION"));
        assertThat(eligibility("CHILD", true, 25, false)).isEqualTo(result(false, "CHILD_OF_AGE_AT_APPLICATION"));
    }

    @Test
    void aParentOfASponsorWhoAppliedAsAnUnaccompaniedMinorIsEligible() {
        assertThat(eligibility("PARENT", null, 45, true)).isEqualTo(result(true, "PARENT_OF_UNACCOMPANIED_MINOR"));
    }

    @Test
    void aParentOfAnAdultSponsorIsRefused() {
        assertThat(eligibility("PARENT", null, 58, false))
                .isEqualTo(result(false, "PARENT_OF_SPONSOR_NOT_UNACCOMPANIED_MINOR"));
    }

    @Test
    void aRelationTheLawDoesNotNameIsRefused() {
        assertThat(eligibility("SIBLING", null, 20, true)).isEqualTo(result(false, "RELATION_NOT_COVERED"));
    }
}

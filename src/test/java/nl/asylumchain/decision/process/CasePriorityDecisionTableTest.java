package nl.asylumchain.decision.process;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * casePriority in dmn/nationalityGroups.dmn: the priority of a case's IND tasks (MPP 2023-II priorities). The
 * nationalities on the priority and promising lists come from nationalityGroups, a required decision in the same file.
 */
class CasePriorityDecisionTableTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn =
                CasePriorityDecisionTableTest.class.getClassLoader().getResourceAsStream("dmn/nationalityGroups.dmn")) {
            decision = dmnEngine.parseDecision("casePriority", dmn);
        }
    }

    private static void assertPriority(
            Integer track, String nationality, Boolean minor, Boolean medical, int priority, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("track", track);
        variables.put("nationality", nationality);
        variables.put("unaccompaniedMinor", minor);
        variables.put("medicalConcerns", medical);
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision, Variables.fromMap(variables));
        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<Integer>getEntry("priority")).isEqualTo(priority);
        assertThat(result.getSingleResult().<String>getEntry("priorityReason")).isEqualTo(reason);
    }

    @Test
    void dublinCasesComeFirst() {
        assertPriority(1, "AFG", true, true, 95, "TRACK_1");
    }

    @Test
    void trackTwoCasesComeNext() {
        assertPriority(2, "MAR", false, true, 90, "TRACK_2");
    }

    @Test
    void algeriansInTrackFourArePrioritisedForTheirLowRecognitionRate() {
        assertPriority(4, "DZA", false, false, 80, "LOW_RECOGNITION_NATIONALITY");
    }

    @Test
    void moldovansInTrackFourArePrioritisedForTheirLowRecognitionRate() {
        assertPriority(4, "MDA", true, false, 80, "LOW_RECOGNITION_NATIONALITY");
    }

    @Test
    void lowRecognitionPriorityAppliesOnlyInTrackFour() {
        assertPriority(2, "DZA", false, false, 90, "TRACK_2");
        assertPriority(1, "MDA", false, false, 95, "TRACK_1");
        assertPriority(3, "DZA", false, false, 50, "STANDARD");
    }

    @Test
    void unaccompaniedMinorsComeBeforeMedicalAndPromisingCases() {
        assertPriority(4, "SYR", true, true, 75, "UNACCOMPANIED_MINOR");
    }

    @Test
    void medicalConcernsComeBeforePromisingNationalities() {
        assertPriority(4, "YEM", false, true, 70, "MEDICAL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYR", "YEM", "TUR"})
    void promisingNationalitiesAreHandledFast(String nationality) {
        assertPriority(4, nationality, false, false, 60, "PROMISING_NATIONALITY");
    }

    @Test
    void everyOtherCaseHasStandardPriority() {
        assertPriority(4, "AFG", false, false, 50, "STANDARD");
        assertPriority(4, "ERI", false, false, 50, "STANDARD");
    }

    @Test
    void missingFlagsCountAsNo() {
        assertPriority(4, "AFG", null, null, 50, "STANDARD");
        assertPriority(null, null, null, null, 50, "STANDARD");
    }
}

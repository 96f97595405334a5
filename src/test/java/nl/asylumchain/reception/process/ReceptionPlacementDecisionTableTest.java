package nl.asylumchain.reception.process;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/receptionPlacement.dmn: where a person stays after each step, amv by age (14, 15, 17, 18). */
class ReceptionPlacementDecisionTableTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = ReceptionPlacementDecisionTableTest.class
                .getClassLoader()
                .getResourceAsStream(ReceptionPlacementModel.MODEL_RESOURCE)) {
            decision = dmnEngine.parseDecision(ReceptionPlacementModel.DECISION_KEY, dmn);
        }
    }

    private static DmnDecisionResult place(
            String step, boolean unaccompaniedMinor, int age, boolean familyWithChildren) {
        return place(step, unaccompaniedMinor, age, familyWithChildren, "NONE");
    }

    private static DmnDecisionResult place(
            String step, boolean unaccompaniedMinor, int age, boolean familyWithChildren, String sponsor) {
        return place(step, unaccompaniedMinor, age, familyWithChildren, sponsor, null);
    }

    private static DmnDecisionResult place(
            String step,
            boolean unaccompaniedMinor,
            int age,
            boolean familyWithChildren,
            String sponsor,
            String currentLocation) {
        return dmnEngine.evaluateDecision(
                decision,
                Variables.createVariables()
                        .putValue("step", step)
                        .putValue("unaccompaniedMinor", unaccompaniedMinor)
                        .putValue("age", age)
                        .putValue("familyWithChildren", familyWithChildren)
                        .putValue("sponsor", sponsor)
                        .putValue("currentLocation", currentLocation));
    }

    private static String locationType(String step, boolean unaccompaniedMinor, int age, boolean family) {
        return place(step, unaccompaniedMinor, age, family).getFirstResult().getEntry("locationType");
    }

    @ParameterizedTest(name = "adult after {0} stays in {1}")
    @CsvSource({
        "REGISTERED, COL",
        "REST_PERIOD_STARTED, POL",
        "PROCEDURE_STARTED, POL",
        "EXTENDED_PROCEDURE_STARTED, AZC",
        "PERMIT_GRANTED, AZC",
        "REJECTION_FINAL, AZC",
        "REJECTION_ENFORCEABLE, AZC",
        "DEPARTURE_PERIOD_ENDED, VBL"
    })
    void anAdultMovesFromTheColThroughThePolToTheAzcAndOnReturnToAVbl(String step, String expected) {
        assertThat(locationType(step, false, 30, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "amv aged {0} after {1} stays in {2}")
    @CsvSource({
        "14, REGISTERED, COL",
        "14, GUARDIAN_APPOINTED, NIDOS_FOSTER",
        "14, REST_PERIOD_STARTED, NIDOS_FOSTER",
        "14, PROCEDURE_STARTED, NIDOS_FOSTER",
        "14, EXTENDED_PROCEDURE_STARTED, NIDOS_FOSTER",
        "14, PERMIT_GRANTED, NIDOS_FOSTER",
        "14, REJECTION_FINAL, NIDOS_FOSTER",
        "14, DEPARTURE_PERIOD_ENDED, NIDOS_FOSTER",
        "15, REGISTERED, COL",
        "15, GUARDIAN_APPOINTED, COA_AMV",
        "15, REST_PERIOD_STARTED, COA_AMV",
        "15, PROCEDURE_STARTED, COA_AMV",
        "15, EXTENDED_PROCEDURE_STARTED, COA_AMV",
        "15, PERMIT_GRANTED, COA_AMV",
        "15, REJECTION_FINAL, COA_AMV",
        "15, DEPARTURE_PERIOD_ENDED, COA_AMV",
        "17, REGISTERED, COL",
        "17, GUARDIAN_APPOINTED, COA_AMV",
        "17, REST_PERIOD_STARTED, COA_AMV",
        "17, PROCEDURE_STARTED, COA_AMV",
        "17, EXTENDED_PROCEDURE_STARTED, COA_AMV",
        "17, PERMIT_GRANTED, COA_AMV",
        "17, REJECTION_FINAL, COA_AMV",
        "17, REJECTION_ENFORCEABLE, COA_AMV",
        "17, DEPARTURE_PERIOD_ENDED, COA_AMV",
        "18, REGISTERED, COL",
        "18, REST_PERIOD_STARTED, POL",
        "18, PROCEDURE_STARTED, POL",
        "18, EXTENDED_PROCEDURE_STARTED, AZC",
        "18, PERMIT_GRANTED, AZC",
        "18, REJECTION_FINAL, AZC",
        "18, DEPARTURE_PERIOD_ENDED, VBL"
    })
    void anUnaccompaniedMinorWaitsForAGuardianInTheColThenUnderFifteenGoesToAFosterFamilyAndFromFifteenToCoaAmv(
            int age, String step, String expected) {
        assertThat(locationType(step, true, age, false)).isEqualTo(expected);
    }

    @Test
    void aFamilyWithChildrenGoesToAFamilyLocationWhenTheDeparturePeriodEnds() {
        assertThat(locationType("DEPARTURE_PERIOD_ENDED", false, 35, true)).isEqualTo("FAMILY_LOCATION");
        assertThat(locationType("DEPARTURE_PERIOD_ENDED", false, 35, false)).isEqualTo("VBL");
    }

    @ParameterizedTest(name = "departure suspended: aged {0}, amv {1}, family with children {2} stays in {3}")
    @CsvSource({
        "30, false, false, AZC",
        "35, false, true, AZC",
        "18, true, false, AZC",
        "17, true, false, COA_AMV",
        "15, true, false, COA_AMV",
        "14, true, false, NIDOS_FOSTER"
    })
    void aDepartureSuspendedByInterimReliefBringsThePersonBackToAnAzcAsAnAsylumSeekerAndAnAmvStaysWithTheirGuardian(
            int age, boolean unaccompaniedMinor, boolean familyWithChildren, String expected) {
        assertThat(locationType("DEPARTURE_SUSPENDED", unaccompaniedMinor, age, familyWithChildren))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} while in {1}: {2}")
    @CsvSource({
        "REJECTION_FINAL, VBL, ",
        "REJECTION_FINAL, FAMILY_LOCATION, ",
        "REJECTION_ENFORCEABLE, VBL, ",
        "REJECTION_FINAL, AZC, AZC",
        "REJECTION_FINAL, POL, AZC",
        "REJECTION_ENFORCEABLE, POL, AZC",
        "DEPARTURE_SUSPENDED, VBL, AZC",
        "DEPARTURE_PERIOD_ENDED, AZC, VBL"
    })
    void aRejectionThatBecomesFinalAfterTheDeparturePeriodLeavesThePersonInTheirDeparturePlacement(
            String step, String currentLocation, String expected) {
        DmnDecisionResult result = place(step, false, 30, false, "NONE", currentLocation);
        assertThat(result).hasSize(1);
        assertThat((Object) result.getFirstResult().getEntry("locationType")).isEqualTo(expected);
    }

    @Test
    void aFamilyWithChildrenWaitsLikeAnyoneElseBeforeReturn() {
        assertThat(locationType("REGISTERED", false, 35, true)).isEqualTo("COL");
        assertThat(locationType("PROCEDURE_STARTED", false, 35, true)).isEqualTo("POL");
        assertThat(locationType("PERMIT_GRANTED", false, 35, true)).isEqualTo("AZC");
    }

    @ParameterizedTest(name = "family member aged {0} (family with children {1}) joining a sponsor in reception: AZC")
    @CsvSource({"35, false", "35, true", "8, true", "17, true", "18, false"})
    void aFamilyMemberWhoseSponsorWaitsInReceptionGoesToAnAzcNotToTheCol(int age, boolean familyWithChildren) {
        assertThat(place("REGISTERED", false, age, familyWithChildren, "IN_RECEPTION")
                        .getFirstResult()
                        .getEntry("locationType")
                        .toString())
                .isEqualTo("AZC");
    }

    @ParameterizedTest(name = "family member aged {0} joining a housed sponsor: no reception")
    @CsvSource({"35", "8", "17"})
    void aFamilyMemberWhoseSponsorIsHousedIsPlacedNowhere(int age) {
        DmnDecisionResult result = place("REGISTERED", false, age, age < 18, "HOUSED");
        assertThat(result).hasSize(1);
        assertThat((Object) result.getFirstResult().getEntry("locationType")).isNull();
    }

    @Test
    void someoneWithAnApplicationOfTheirOwnStillArrivesInTheCol() {
        assertThat(place("REGISTERED", false, 30, false, "NONE")
                        .getFirstResult()
                        .getEntry("locationType")
                        .toString())
                .isEqualTo("COL");
        assertThat(place("REGISTERED", true, 16, false, "NONE")
                        .getFirstResult()
                        .getEntry("locationType")
                        .toString())
                .isEqualTo("COL");
    }

    @Test
    void anAdultNeedsNoGuardianPlacementAndAnUnknownStepPlacesNobody() {
        assertThat(place("GUARDIAN_APPOINTED", false, 30, false)).isEmpty();
        assertThat(place("GUARDIAN_APPOINTED", true, 18, false)).isEmpty();
        assertThat(place("HOUSED", false, 30, false)).isEmpty();
    }
}

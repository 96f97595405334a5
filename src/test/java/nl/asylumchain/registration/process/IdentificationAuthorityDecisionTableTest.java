package nl.asylumchain.registration.process;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dmn/identificationAuthority.dmn: who identifies and registers an asylum seeker. The IND for repeat applicants and
 * for those who came back after a Dublin transfer (Kamerstuk 19637 nr. 3173), otherwise by place of arrival.
 */
class IdentificationAuthorityDecisionTableTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = IdentificationAuthorityDecisionTableTest.class
                .getClassLoader()
                .getResourceAsStream("dmn/identificationAuthority.dmn")) {
            decision = dmnEngine.parseDecision("identificationAuthority", dmn);
        }
    }

    private static DmnDecisionResult decide(
            String applicationType, Boolean returnedAfterDublin, String arrivalLocation) {
        return dmnEngine.evaluateDecision(
                decision,
                Variables.putValue("applicationType", applicationType)
                        .putValue("returnedAfterDublin", returnedAfterDublin)
                        .putValue("arrivalLocation", arrivalLocation));
    }

    /** A first application of someone who did not come back after a Dublin transfer. */
    private static DmnDecisionResult arrivingAt(String arrivalLocation) {
        return decide("FIRST", false, arrivalLocation);
    }

    @Test
    void repeatApplicantsAreIdentifiedByTheIndEvenAtTerApel() {
        assertThat((String) decide("REPEAT", false, "TER_APEL").getSingleEntry())
                .isEqualTo("ind-registration");
    }

    @Test
    void repeatApplicantsAreIdentifiedByTheIndWhereverTheyArrive() {
        assertThat((String) decide("REPEAT", false, "SCHIPHOL").getSingleEntry())
                .isEqualTo("ind-registration");
        assertThat((String) decide("REPEAT", true, "BUDEL").getSingleEntry()).isEqualTo("ind-registration");
    }

    @Test
    void applicantsReturnedAfterADublinTransferAreIdentifiedByTheIndEvenAtSchiphol() {
        assertThat((String) decide("FIRST", true, "SCHIPHOL").getSingleEntry()).isEqualTo("ind-registration");
        assertThat((String) decide("RESETTLEMENT", true, "TER_APEL").getSingleEntry())
                .isEqualTo("ind-registration");
    }

    @Test
    void firstApplicantsAtBudelAreStillIdentifiedByThePoliceAvim() {
        assertThat((String) decide("FIRST", false, "BUDEL").getSingleEntry()).isEqualTo("police-avim");
    }

    @Test
    void firstApplicantsAtSchipholAreStillIdentifiedByTheMarechaussee() {
        assertThat((String) decide("FIRST", false, "SCHIPHOL").getSingleEntry()).isEqualTo("kmar");
    }

    @Test
    void arrivalsAtSchipholAreIdentifiedByTheMarechaussee() {
        assertThat((String) arrivingAt("SCHIPHOL").getSingleEntry()).isEqualTo("kmar");
    }

    @Test
    void arrivalsAtTerApelAreIdentifiedByThePoliceAvim() {
        assertThat((String) arrivingAt("TER_APEL").getSingleEntry()).isEqualTo("police-avim");
    }

    @Test
    void arrivalsAtBudelAreIdentifiedByThePoliceAvim() {
        assertThat((String) arrivingAt("BUDEL").getSingleEntry()).isEqualTo("police-avim");
    }

    @Test
    void aMissingReturnedAfterDublinCountsAsNotReturned() {
        assertThat((String) decide("FIRST", null, "SCHIPHOL").getSingleEntry()).isEqualTo("kmar");
        assertThat((String) dmnEngine
                        .evaluateDecision(
                                decision,
                                Variables.putValue("applicationType", "FIRST").putValue("arrivalLocation", "TER_APEL"))
                        .getSingleEntry())
                .isEqualTo("police-avim");
    }

    @Test
    void anUnknownOrMissingArrivalLocationNamesNoAuthority() {
        assertThat(arrivingAt("ROTTERDAM")).isEmpty();
        assertThat(arrivingAt("schiphol")).isEmpty();
        assertThat(arrivingAt(null)).isEmpty();
    }
}

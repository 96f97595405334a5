package nl.asylumchain.registration.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dmn/identificationAuthority.dmn: who identifies and registers an asylum seeker, by place of arrival. */
class IdentificationAuthorityDecisionTableTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = IdentificationAuthorityDecisionTableTest.class.getClassLoader()
                .getResourceAsStream("dmn/identificationAuthority.dmn")) {
            decision = dmnEngine.parseDecision("identificationAuthority", dmn);
        }
    }

    private static DmnDecisionResult arrivingAt(String arrivalLocation) {
        return dmnEngine.evaluateDecision(decision, Variables.putValue("arrivalLocation", arrivalLocation));
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
    void anUnknownOrMissingArrivalLocationNamesNoAuthority() {
        assertThat(arrivingAt("ROTTERDAM")).isEmpty();
        assertThat(arrivingAt("schiphol")).isEmpty();
        assertThat(arrivingAt(null)).isEmpty();
    }
}

package nl.asylumchain.departure.process;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/departureRoute.dmn: from pressure to force — the route follows from the facts of the interview. */
class DepartureRouteDecisionTableTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = DepartureRouteDecisionTableTest.class
                .getClassLoader()
                .getResourceAsStream(DepartureRouteModel.MODEL_RESOURCE)) {
            decision = dmnEngine.parseDecision(DepartureRouteModel.DECISION_KEY, dmn);
        }
    }

    private static DmnDecisionResultEntries decide(String indOutcome, boolean willing, boolean document) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("indOutcome", indOutcome);
        variables.put("willingToLeave", willing);
        variables.put("travelDocumentPresent", document);
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision, Variables.fromMap(variables));
        assertThat(result).hasSize(1);
        return result.getSingleResult();
    }

    @ParameterizedTest(name = "{0}, willing {1}, document {2} → {3}")
    @CsvSource({
        "REJECTED,        true,  true,  INDEPENDENT,     true,  false, false",
        "REJECTED,        true,  false, INDEPENDENT,     true,  true,  false",
        "REJECTED,        false, true,  FORCED,          false, false, true",
        "REJECTED,        false, false, FORCED,          false, true,  true",
        "DUBLIN_ACCEPTED, true,  true,  DUBLIN_TRANSFER, false, false, false",
        "DUBLIN_ACCEPTED, true,  false, DUBLIN_TRANSFER, false, false, false",
        "DUBLIN_ACCEPTED, false, true,  DUBLIN_TRANSFER, false, false, true",
        "DUBLIN_ACCEPTED, false, false, DUBLIN_TRANSFER, false, false, true"
    })
    void everyCombinationOfFactsHasExactlyOneRoute(
            String indOutcome,
            boolean willing,
            boolean document,
            String route,
            boolean iom,
            boolean laissezPasser,
            boolean escort) {
        DmnDecisionResultEntries result = decide(indOutcome, willing, document);
        assertThat(result.<String>getEntry("departureRoute")).isEqualTo(route);
        assertThat(result.<Boolean>getEntry("iomSupport")).isEqualTo(iom);
        assertThat(result.<Boolean>getEntry("laissezPasserNeeded")).isEqualTo(laissezPasser);
        assertThat(result.<Boolean>getEntry("escortNeeded")).isEqualTo(escort);
    }
}

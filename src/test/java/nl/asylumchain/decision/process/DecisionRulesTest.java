package nl.asylumchain.decision.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Period;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.decision.DecisionPeriods;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periods come from the latest deployed version of {@code dmn/decisionPeriods.dmn}: a designer's new version
 * counts from the next answer on. A pinned view (one count over every open case, one step) keeps the version it met
 * first, so that its thousands of answers need one lookup of each table's latest version, not one each.
 */
@Deployment(resources = "dmn/decisionPeriods.dmn")
class DecisionRulesTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    ProcessEngine engine;

    @Test
    void aNewVersionCountsFromTheNextAnswerOnExceptInAViewPinnedBeforeIt() throws IOException {
        DecisionRules rules = new DecisionRules(engine);
        DecisionPeriods pinned = rules.pinned();
        assertThat(pinned.periods(4, "AA").decisionPeriod()).isEqualTo(Period.ofMonths(6));

        String deploymentId = engine.getRepositoryService()
                .createDeployment()
                .addString("decisionPeriods.dmn", decisionPeriodsWithEightMonths())
                .deploy()
                .getId();
        try {
            assertThat(rules.periods(4, "AA").decisionPeriod()).isEqualTo(Period.ofMonths(8));
            assertThat(rules.pinned().periods(4, "AA").decisionPeriod()).isEqualTo(Period.ofMonths(8));
            assertThat(pinned.periods(4, "AA").decisionPeriod())
                    .as("the view pinned before the new version keeps the version it met")
                    .isEqualTo(Period.ofMonths(6));
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    /** The shipped table with the statutory six months of the AA in spoor 4 made eight. */
    private static String decisionPeriodsWithEightMonths() throws IOException {
        try (InputStream table = DecisionRulesTest.class.getResourceAsStream("/dmn/decisionPeriods.dmn")) {
            String shipped = new String(table.readAllBytes(), StandardCharsets.UTF_8);
            String eight = shipped.replace("\"P6M\"", "\"P8M\"");
            assertThat(eight).isNotEqualTo(shipped);
            return eight;
        }
    }
}

package nl.asylumchain.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application counts from its signature at identification and registration (I&R), not from the report at intake:
 * {@code POST /api/cases} records that the person reported (aangemeld), the I&R form records the signature date
 * (today unless the handler says otherwise; not in the future, not before the report), and the decision period and
 * the registered-applications count run from it. Shares the intake tests' application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:intake;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false"
        })
class ApplicationSignatureApiTest {

    private static final String SIGNED_ON = "applicationSignedOn";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry registry;

    ChainClient client;
    CaseDriver driver;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
        driver = new CaseDriver(client);
    }

    /** The standard application, reported at Ter Apel {@code daysAgo} days ago. */
    private String reported(int daysAgo) {
        Map<String, Object> application = ChainClient.application();
        @SuppressWarnings("unchecked")
        Map<String, Object> arrival = (Map<String, Object>) application.get("arrival");
        arrival.put("date", today().minusDays(daysAgo).toString());
        return driver.register(application);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String identificationTask(String caseId) {
        return driver.openTask(caseId, RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER)
                .path("id")
                .asText();
    }

    private ChainClient.Response signIdentification(String caseId, String signedOn) {
        Map<String, Object> answers = new java.util.HashMap<>(
                CaseDriver.SPOOR_4_ANSWERS.get(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER));
        if (signedOn != null) {
            answers.put(SIGNED_ON, signedOn);
        }
        return client.completeTask(identificationTask(caseId), "agent", answers);
    }

    private double registered() {
        return registry.find("asylum.cases.registered").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void theCaseFileShowsThePersonAsReportedUntilTheApplicationIsSignedAtIAndR() {
        String caseId = reported(3);

        JsonNode reported = driver.caseFile(caseId);
        assertThat(reported.path("reportedOn").asText())
                .isEqualTo(today().minusDays(3).toString());
        assertThat(reported.has(SIGNED_ON)).as("not signed yet").isFalse();
        assertThat(client.get("/engine-rest/task/" + identificationTask(caseId) + "/variables/" + SIGNED_ON, "demo")
                        .body()
                        .path("value")
                        .asText())
                .as("the form proposes today")
                .isEqualTo(today().toString());

        assertThat(signIdentification(caseId, null).status()).isEqualTo(204);

        assertThat(driver.caseFile(caseId).path(SIGNED_ON).asText()).isEqualTo(today().toString());
    }

    @Test
    void aSignatureDateInTheFutureIsRefusedNamingTheFieldAndTheTaskStaysOpen() {
        String caseId = reported(1);

        ChainClient.Response refused =
                signIdentification(caseId, today().plusDays(1).toString());

        assertRefused(refused);
        assertThat(driver.openTaskKeys(caseId)).containsExactly(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);
        assertThat(driver.caseFile(caseId).has(SIGNED_ON)).isFalse();
    }

    @Test
    void aSignatureDateBeforeThePersonReportedIsRefusedNamingTheField() {
        String caseId = reported(2);

        ChainClient.Response refused =
                signIdentification(caseId, today().minusDays(3).toString());

        assertRefused(refused);
        assertThat(driver.openTaskKeys(caseId)).containsExactly(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);
    }

    @Test
    void anApplicationIsCountedAsRegisteredWhenItIsSignedNotWhenThePersonReports() {
        double before = registered();
        String caseId = reported(0);
        assertThat(registered()).as("reported only").isEqualTo(before);

        assertThat(signIdentification(caseId, null).status()).isEqualTo(204);

        assertThat(registered()).isEqualTo(before + 1);
    }

    @Test
    void theDecisionPeriodRunsFromTheSignatureNotFromTheReport() {
        String caseId = reported(10);
        LocalDate signedOn = today().minusDays(4);
        assertThat(signIdentification(caseId, signedOn.toString()).status()).isEqualTo(204);

        driver.workUntil(
                caseId,
                IndDecisionModel.ACTIVITY_MAIN_INTERVIEW,
                CaseDriver.answers("GRANT"),
                Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));

        JsonNode decision = driver.caseFile(caseId).path("sections").path("decision");
        assertThat(decision.path("applicationDate").asText()).isEqualTo(signedOn.toString());
        assertThat(decision.path("originalDeadline").asText())
                .isEqualTo(signedOn.plusMonths(6).toString());
    }

    private static void assertRefused(ChainClient.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly(SIGNED_ON);
    }
}

package nl.asylumchain.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What COA and the municipality enter on the housing forms is checked by the server too: a form the rules refuse is
 * answered with 400 and a problem naming the field (Tasklist shows its message), and the task stays open.
 */
@ChainTestContext
class HousingTaskInputTest {

    @LocalServerPort
    int port;

    ChainClient client;
    CaseDriver driver;
    String caseId;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** The taakstelling of this half-year, so that the link task comes with a proposed municipality (own database). */
    CurrentQuota quota;

    @BeforeEach
    void aPermitHolderWaitsForTheLink() {
        client = new ChainClient(port);
        driver = new CaseDriver(client);
        quota = new CurrentQuota(client, jdbc, clock);
        quota.set(18750);
        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", List.of());
        caseId = driver.register(application);
        driver.workUntil(
                caseId,
                HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                CaseDriver.answers("GRANT"),
                Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
    }

    @AfterEach
    void removeQuota() {
        quota.remove();
    }

    @Test
    void anUnknownMunicipalityCodeIsRefusedWithTheFieldAndTheLinkStaysOpen() {
        String task = driver.openTask(caseId, HousingModel.ACTIVITY_LINK_MUNICIPALITY)
                .path("id")
                .asText();

        ChainClient.Response refused =
                client.completeTask(task, "coa", Map.of("municipalityCode", "GM9999", "linkReason", ""));

        assertRefused(refused, "municipalityCode");
        assertThat(driver.openTaskKeys(caseId)).containsExactly(HousingModel.ACTIVITY_LINK_MUNICIPALITY);
    }

    @Test
    void anotherMunicipalityThanTheProposalNeedsAReasonAlsoWhenTasklistSubmitsTheForm() {
        String task = driver.openTask(caseId, HousingModel.ACTIVITY_LINK_MUNICIPALITY)
                .path("id")
                .asText();
        String proposed = client.get("/engine-rest/task/" + task + "/variables/municipalityCode", "coa")
                .body()
                .path("value")
                .asText();
        assertThat(proposed).as("the proposal the form is prefilled with").matches("GM\\d{4}");
        String other = proposed.equals("GM0363") ? "GM0599" : "GM0363";

        ChainClient.Response refused = client.post(
                "/engine-rest/task/" + task + "/submit-form",
                "coa",
                Map.of(
                        "variables",
                        Map.of(
                                "municipalityCode",
                                Map.of("value", other, "type", "String"),
                                "linkReason",
                                Map.of("value", "", "type", "String"))));

        assertRefused(refused, "linkReason");
        assertThat(driver.openTaskKeys(caseId)).containsExactly(HousingModel.ACTIVITY_LINK_MUNICIPALITY);
    }

    @Test
    void aFormWithoutItsRequiredChoiceIsRefusedBeforeAnythingIsRecorded() {
        driver.complete(
                caseId,
                HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                Map.of("municipalityCode", "GM0363", "linkReason", "Familie in Amsterdam"));
        String task = driver.openTask(caseId, HousingModel.ACTIVITY_OFFER_HOUSING)
                .path("id")
                .asText();

        assertRefused(client.completeTask(task, "gemeente", Map.of("addressNotes", "")), "housingKind");
        assertRefused(client.completeTask(task, "gemeente", Map.of("housingKind", "TENT")), "housingKind");
        assertThat(driver.openTaskKeys(caseId)).containsExactly(HousingModel.ACTIVITY_OFFER_HOUSING);
    }

    @Test
    void aMoveDateInTheFutureIsRefused() {
        driver.complete(
                caseId,
                HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                Map.of("municipalityCode", "GM0363", "linkReason", "Familie in Amsterdam"));
        driver.complete(caseId, HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME", "addressNotes", ""));
        String task = driver.openTask(caseId, HousingModel.ACTIVITY_CONFIRM_MOVE)
                .path("id")
                .asText();
        String nextWeek =
                LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusWeeks(1).toString();

        assertRefused(client.completeTask(task, "gemeente", Map.of("moveDate", nextWeek)), "moveDate");
        assertRefused(client.completeTask(task, "gemeente", Map.of("moveDate", "1 maart")), "moveDate");
        assertThat(driver.openTaskKeys(caseId)).containsExactly(HousingModel.ACTIVITY_CONFIRM_MOVE);
    }

    private static void assertRefused(ChainClient.Response response, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertThat(body.path("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(body.path("message").asText()).as("the text Tasklist shows").contains(field);
    }
}

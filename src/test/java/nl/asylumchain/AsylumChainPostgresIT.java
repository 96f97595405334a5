package nl.asylumchain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a real PostgreSQL: cases posted over HTTP with credentials travel the chain to an end
 * state while every task is completed through the engine REST API by a user of the task's candidate group.
 */
class AsylumChainPostgresIT extends PostgresIntegrationTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Test
    void grantedCaseWithFamilyAbroadEndsHousedAfterEachGroupDidItsTasks() {
        String caseId = driver.register();

        List<String> worked =
                driver.work(caseId, CaseDriver.answers("GRANT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));

        assertThat(worked)
                .containsExactlyInAnyOrder(
                        "police-avim:" + RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                        "ind-registration:" + RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW,
                        "ind-decision:" + IndDecisionModel.ACTIVITY_MAIN_INTERVIEW,
                        "ind-decision:" + IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS,
                        "ind-decision:" + IndDecisionModel.ACTIVITY_ASSESS_APPLICATION,
                        "coa:" + HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                        "municipality:" + HousingModel.ACTIVITY_OFFER_HOUSING,
                        "municipality:" + HousingModel.ACTIVITY_CONFIRM_MOVE,
                        "ind-reunification:" + FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION,
                        "ind-reunification:" + FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION,
                        "ind-reunification:" + FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION);
        String spouse = client.get("/api/cases/" + caseId, "demo")
                .body()
                .path("familyMembersAbroad")
                .get(0)
                .path("id")
                .asText();
        assertThat(client.post(
                                "/api/cases/" + caseId + "/events",
                                "nareis",
                                Map.of(
                                        "type",
                                        "FAMILY_ARRIVED",
                                        "familyMemberId",
                                        spouse,
                                        "familyName",
                                        "Haddad",
                                        "sex",
                                        "M",
                                        "nationality",
                                        "SYR"))
                        .status())
                .isEqualTo(202);
        driver.assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        JsonNode caseFile = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(caseFile.path("status").asText()).isEqualTo("CLOSED");
        assertThat(caseFile.path("outcome").asText()).isEqualTo("PERMIT_HOLDER_HOUSED");
        assertThat(caseFile.path("track").asInt()).isEqualTo(4);
        assertThat(caseFile.path("decisionOutcome").asText()).isEqualTo("PERMIT_GRANTED");
    }

    @Test
    void rejectedCaseFromSchipholIsRegisteredByKmarAndEndsWithDeparture() {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "arrival").put("location", "SCHIPHOL");
        application.put("familyMembersAbroad", List.of());
        String caseId = driver.register(application);

        List<String> worked = driver.work(
                caseId,
                CaseDriver.answers("REJECT"),
                Set.of(
                        RegistrationModel.EVENT_REST_PERIOD_PASSED,
                        IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED,
                        AppealModel.EVENT_APPEAL_WINDOW_PASSED));

        assertThat(worked)
                .contains(
                        "kmar:" + RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                        "dtv:" + DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                        "dtv:" + DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE);
        driver.assertEnded(caseId, CaseModel.EVENT_DEPARTED_INDEPENDENTLY);
        assertThat(client.get("/api/cases/" + caseId, "demo")
                        .body()
                        .path("outcome")
                        .asText())
                .isEqualTo("DEPARTED_INDEPENDENTLY");
    }

    @Test
    void dublinCaseWhoseClaimTheOtherStateAcceptsEndsWithTheTransfer() {
        String caseId = driver.register();
        Map<String, Map<String, Object>> answers = CaseDriver.answers("REJECT");
        answers.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "eurodacHitMemberState",
                        "DE",
                        "visaMemberState",
                        "",
                        "documentsPresent",
                        true));

        List<String> worked = driver.work(caseId, answers, Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        assertThat(worked).contains("ind-dublin:" + IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM);

        ChainClient.Response wrongGroup = client.post(
                "/api/cases/" + caseId + "/events", "coa", Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(wrongGroup.status()).isEqualTo(403);
        ChainClient.Response reply = client.post(
                "/api/cases/" + caseId + "/events", "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(202);
        ChainClient.Response again = client.post(
                "/api/cases/" + caseId + "/events", "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).contains("not waiting for DublinReply");
        // the decision not to consider the application is open to appeal for a week; nobody appeals
        assertThat(driver.openTaskKeys(caseId)).isEmpty();
        driver.fire(caseId, AppealModel.EVENT_APPEAL_WINDOW_PASSED);

        worked = driver.work(caseId, answers, Set.of());
        assertThat(worked)
                .containsExactly(
                        "dtv:" + DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                        "dtv:" + DepartureModel.ACTIVITY_PLAN_TRANSFER,
                        "dtv:" + DepartureModel.ACTIVITY_EXECUTE_TRANSFER);
        driver.assertEnded(caseId, CaseModel.EVENT_TRANSFERRED_DUBLIN);
        assertThat(client.get("/api/cases/" + caseId, "demo")
                        .body()
                        .path("decisionOutcome")
                        .asText())
                .isEqualTo("DUBLIN_ACCEPTED");
    }

    @Test
    void intakeNeedsCredentialsAndAnIntakeGroup() {
        assertThat(client.post("/api/cases", null, ChainClient.application()).status())
                .isEqualTo(401);
        assertThat(client.post("/api/cases", "agent", ChainClient.application(), Map.of())
                        .status())
                .isEqualTo(201);
        ChainClient.Response forbidden = client.post("/api/cases", "coa", ChainClient.application());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(client.get("/engine-rest/task", null).status()).isEqualTo(401);
        assertThat(client.get("/engine-rest/task", "coa").status()).isEqualTo(200);
        assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(client.scrape()).contains("asylum_cases_registered_total{");
    }

    @Test
    void groupsSeeOnlyTheirOwnTasksInTheEngineApi() {
        String caseId = driver.register();
        JsonNode policeTasks = client.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "agent")
                .body();
        JsonNode coaTasks = client.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "coa")
                .body();
        assertThat(policeTasks).hasSize(1);
        assertThat(policeTasks.get(0).path("taskDefinitionKey").asText())
                .isEqualTo(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);
        assertThat(coaTasks).isEmpty();
        String taskId = policeTasks.get(0).path("id").asText();
        assertThat(client.completeTask(taskId, "coa", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void invalidIntakeCreatesNoCaseAndStartsNoProcess() {
        long cases = jdbc.sql("select count(*) from cases").query(Long.class).single();
        long processes = runtimeService.createProcessInstanceQuery().count();
        Map<String, Object> application = ChainClient.application();
        // in the future, yet a readable date (a date after 2100 is refused while reading, on its own)
        ChainClient.section(application, "person").put("birthDate", "2099-01-01");
        ChainClient.section(application, "person").put("nationality", "QQQ");

        ChainClient.Response response = client.post("/api/cases", "agent", application);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("person.birthDate", "person.nationality");
        assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single())
                .isEqualTo(cases);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes);
    }
}

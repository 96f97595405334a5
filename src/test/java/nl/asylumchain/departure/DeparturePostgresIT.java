package nl.asylumchain.departure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

/**
 * Return and departure on a real PostgreSQL, through the REST API only: one case to each departure outcome, worked
 * by the DT&V handler in the engine's task API and by events from the police, KMar and the IND; then the summary
 * and its demonstrable departure share. The job executor is off: the test fires the clocks it names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
class DeparturePostgresIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    ChainClient client;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
    }

    // --- getting a case to DT&V -------------------------------------------------------------------------------

    private static Map<String, Map<String, Object>> answers(String eurodacHit) {
        Map<String, Map<String, Object>> answers = new HashMap<>();
        answers.put(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, Map.of("identityEstablished", true,
                "eurodacHitMemberState", eurodacHit, "visaMemberState", "", "documentsPresent", false));
        answers.put(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW, Map.of("protectionInMemberState", "",
                "medicalConcerns", false, "familyInVa", false));
        answers.put(IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM, Map.of("claimType", "TAKE_CHARGE",
                "requestedMemberState", "DE"));
        answers.put(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, Map.of("interpreterPresent", true, "hearingNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS, Map.of("correctionsReceived", true,
                "correctionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_ASSESS_APPLICATION, Map.of("decisionOutcome", "REJECT",
                "vaReason", "", "decisionReason", ""));
        answers.put(IndDecisionModel.ACTIVITY_INTENDED_DECISION, Map.of("intendedDecisionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_DECIDE_APPLICATION, Map.of("decisionOutcome", "REJECT",
                "decisionReason", ""));
        return answers;
    }

    /** A Georgian (safe country, spoor 2) whose application is rejected: departure period 0 days. */
    private String rejectedCaseInDeparture() {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", "GEO");
        application.put("familyMembersAbroad", List.of());
        String caseId = register(application);
        work(caseId, answers(""));
        fire(caseId, IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED); // the lawyer's zienswijze period
        work(caseId, answers(""));
        fire(caseId, AppealModel.EVENT_APPEAL_WINDOW_PASSED); // no appeal: the rejection is final
        assertThat(openTaskKeys(caseId)).containsExactly(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW);
        return caseId;
    }

    /** A Eurodac hit in Germany; Germany accepts the claim. */
    private String dublinCaseInDeparture() {
        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", List.of());
        String caseId = register(application);
        work(caseId, answers("DE"));
        fire(caseId, RegistrationModel.EVENT_REST_PERIOD_PASSED);
        work(caseId, answers("DE"));
        assertThat(event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true)).status()).isEqualTo(202);
        assertThat(openTaskKeys(caseId)).containsExactly(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW);
        return caseId;
    }

    // --- one case per outcome ---------------------------------------------------------------------------------

    @Test
    void eachOutcomeIsReachedThroughTheApiAndCountedInTheSummary() {
        Map<String, Long> before = outcomes(summary("terugkeer"));

        String independent = rejectedCaseInDeparture();
        complete(independent, DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, interview(true));
        complete(independent, DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE,
                Map.of("iomSupportRequested", true, "departed", true));
        assertClosed(independent, CaseModel.EVENT_DEPARTED_INDEPENDENTLY, "DEPARTED_INDEPENDENTLY");

        String forced = rejectedCaseInDeparture();
        complete(forced, DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, interview(false));
        assertThat(openTaskKeys(forced)).containsExactly(DepartureModel.ACTIVITY_ARRANGE_FORCED_DEPARTURE);
        ChainClient.Response notDublin = event(forced, "marechaussee",
                Map.of("type", "DEPARTURE_CONFIRMED", "route", "DUBLIN_TRANSFER"));
        assertThat(notDublin.status()).isEqualTo(400);
        assertThat(notDublin.body().path("errors").get(0).path("field").asText()).isEqualTo("route");
        assertThat(event(forced, "marechaussee", Map.of("type", "DEPARTURE_CONFIRMED", "route", "SOMEWHERE"))
                .status()).isEqualTo(400);
        assertThat(event(forced, "coa", Map.of("type", "DEPARTURE_CONFIRMED", "route", "FORCED")).status())
                .isEqualTo(403);
        assertThat(event(forced, "marechaussee", Map.of("type", "DEPARTURE_CONFIRMED", "route", "FORCED")).status())
                .isEqualTo(202);
        assertClosed(forced, CaseModel.EVENT_DEPARTED_FORCED, "DEPARTED_FORCED");
        assertThat(event(forced, "marechaussee", Map.of("type", "DEPARTURE_CONFIRMED", "route", "FORCED")).status())
                .isEqualTo(409);

        String transferred = dublinCaseInDeparture();
        complete(transferred, DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, interview(true));
        complete(transferred, DepartureModel.ACTIVITY_PLAN_TRANSFER, Map.of("transferDate", "2027-01-15"));
        JsonNode planned = section(transferred);
        assertThat(planned.path("route").asText()).isEqualTo("DUBLIN_TRANSFER");
        assertThat(planned.path("transfer").path("plannedOn").asText()).isEqualTo("2027-01-15");
        complete(transferred, DepartureModel.ACTIVITY_EXECUTE_TRANSFER, Map.of("transferCompleted", true));
        assertClosed(transferred, CaseModel.EVENT_TRANSFERRED_DUBLIN, "TRANSFERRED_DUBLIN");

        String unsupervised = rejectedCaseInDeparture();
        assertThat(event(unsupervised, "agent", Map.of("type", "REPORT_MISSED")).status()).isEqualTo(202);
        assertThat(event(unsupervised, "agent", Map.of("type", "REPORTED")).status()).isEqualTo(202);
        assertThat(event(unsupervised, "agent", Map.of("type", "REPORT_MISSED")).status()).isEqualTo(202);
        assertThat(section(unsupervised).path("reports").path("missedInARow").asInt()).isEqualTo(1);
        assertThat(event(unsupervised, "agent", Map.of("type", "IMPRISONED")).status()).isEqualTo(409);
        assertThat(event(unsupervised, "agent", Map.of("type", "REPORT_MISSED")).status()).isEqualTo(202);
        assertClosed(unsupervised, CaseModel.EVENT_LEFT_WITHOUT_SUPERVISION, "LEFT_WITHOUT_SUPERVISION");

        String responsible = dublinCaseInDeparture();
        String deadline = section(responsible).path("transfer").path("deadline").asText();
        assertThat(event(responsible, "terugkeer", Map.of("type", "IMPRISONED")).status()).isEqualTo(202);
        JsonNode imprisoned = section(responsible).path("transfer");
        assertThat(imprisoned.path("circumstance").asText()).isEqualTo("IMPRISONED");
        assertThat(imprisoned.path("deadline").asText()).isNotEqualTo(deadline);
        fire(responsible, DepartureModel.EVENT_TRANSFER_DEADLINE_PASSED);
        JsonNode backAtInd = client.get("/api/cases/" + responsible, "demo").body();
        assertThat(backAtInd.path("status").asText()).isEqualTo("IN_PROCEDURE");
        assertThat(backAtInd.path("track").asInt()).isEqualTo(4);
        assertThat(backAtInd.path("trackReason").asText()).isEqualTo("DUBLIN_TRANSFER_DEADLINE_PASSED");
        assertThat(openTaskKeys(responsible)).containsExactly(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(backAtInd.path("sections").path("departure").path("outcome").asText())
                .isEqualTo("RESPONSIBILITY_ASSUMED");

        String permit = rejectedCaseInDeparture();
        assertThat(event(permit, "terugkeer", Map.of("type", "PERMIT_AFTER_ALL", "reason", "COURT_ANNULMENT"))
                .status()).isEqualTo(403);
        assertThat(event(permit, "beslismedewerker", Map.of("type", "PERMIT_AFTER_ALL", "reason", "COURT_ANNULMENT"))
                .status()).isEqualTo(202);
        JsonNode permitHolder = client.get("/api/cases/" + permit, "demo").body();
        assertThat(permitHolder.path("status").asText()).isEqualTo("PERMIT_GRANTED");
        assertThat(openTaskKeys(permit)).containsExactly(HousingModel.ACTIVITY_LINK_MUNICIPALITY);
        assertThat(permitHolder.path("sections").path("departure").path("outcome").asText())
                .isEqualTo("PERMIT_AFTER_ALL");

        JsonNode summary = summary("teamleider");
        Map<String, Long> after = outcomes(summary);
        for (DepartureOutcome outcome : DepartureOutcome.values()) {
            assertThat(after.get(outcome.name()) - before.getOrDefault(outcome.name(), 0L)).as(outcome.name())
                    .isEqualTo(1);
        }
        long demonstrable = after.get("DEPARTED_INDEPENDENTLY") + after.get("DEPARTED_FORCED")
                + after.get("TRANSFERRED_DUBLIN");
        assertThat(summary.path("demonstrable").asLong()).isEqualTo(demonstrable);
        assertThat(summary.path("withoutSupervision").asLong()).isEqualTo(after.get("LEFT_WITHOUT_SUPERVISION"));
        assertThat(summary.path("demonstrableDepartureShare").decimalValue().doubleValue()).isCloseTo(
                (double) demonstrable / (demonstrable + after.get("LEFT_WITHOUT_SUPERVISION")),
                org.assertj.core.data.Offset.offset(0.0001));

        String scrape = client.scrape();
        assertThat(scrape).contains("asylum_departures_total{application=\"asylum-chain\",outcome=\"responsibility_assumed\"}")
                .contains("asylum_departure_lead_time_seconds_count{application=\"asylum-chain\",outcome=\"permit_after_all\"}");
    }

    @Test
    void theSummaryIsForDtvAndTeamLeadsAndChecksItsPeriod() {
        assertThat(client.get("/api/departures/summary?from=2024-01-01&to=2024-12-31", "coa").status()).isEqualTo(403);
        assertThat(client.get("/api/departures/summary?from=2024-12-31&to=2024-01-01", "terugkeer").status())
                .isEqualTo(400);
        assertThat(client.get("/api/departures/summary?from=yesterday", "terugkeer").status()).isEqualTo(400);
        JsonNode empty = client.get("/api/departures/summary?from=2001-01-01&to=2001-12-31", "demo").body();
        assertThat(empty.path("outcomes").path("DEPARTED_FORCED").asLong()).isZero();
        assertThat(empty.path("outcomes").size()).isEqualTo(DepartureOutcome.values().length);
        assertThat(empty.has("demonstrableDepartureShare")).isFalse();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Object> interview(boolean willing) {
        return Map.of("willingToLeave", willing, "travelDocumentPresent", false, "familyWithMinorChildren", false,
                "interviewNotes", "");
    }

    private JsonNode summary(String user) {
        ChainClient.Response response = client.get("/api/departures/summary", user);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Long> outcomes(JsonNode summary) {
        Map<String, Long> counts = new HashMap<>();
        summary.path("outcomes").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private JsonNode section(String caseId) {
        return client.get("/api/cases/" + caseId, "demo").body().path("sections").path("departure");
    }

    private ChainClient.Response event(String caseId, String user, Map<String, Object> event) {
        return client.post("/api/cases/" + caseId + "/events", user, event);
    }

    private String register(Map<String, Object> application) {
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    private List<String> openTaskKeys(String caseId) {
        return client.openTasks(caseId).stream().map(t -> t.path("taskDefinitionKey").asText()).toList();
    }

    /** Completes the open task with this key as the demo user of its candidate group. */
    private void complete(String caseId, String taskKey, Map<String, Object> variables) {
        JsonNode task = client.openTasks(caseId).stream()
                .filter(t -> t.path("taskDefinitionKey").asText().equals(taskKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + taskKey + " in " + openTaskKeys(caseId)));
        String group = task.path("candidateGroups").get(0).asText();
        ChainClient.Response done = client.completeTask(task.path("id").asText(), ChainClient.USER_OF_GROUP.get(group),
                variables);
        assertThat(done.status()).as(taskKey + ": " + done.body()).isEqualTo(204);
    }

    /** Works the registration and IND tasks until the case waits for something else. */
    private void work(String caseId, Map<String, Map<String, Object>> answers) {
        for (int round = 0; round < 20; round++) {
            List<JsonNode> tasks = new ArrayList<>(client.openTasks(caseId).stream()
                    .filter(t -> answers.containsKey(t.path("taskDefinitionKey").asText())).toList());
            if (tasks.isEmpty()) {
                return;
            }
            for (JsonNode task : tasks) {
                complete(caseId, task.path("taskDefinitionKey").asText(),
                        answers.get(task.path("taskDefinitionKey").asText()));
            }
        }
        throw new AssertionError("Case " + caseId + " did not settle");
    }

    private void fire(String caseId, String timer) {
        int fired = 0;
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).list()) {
            for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timer)
                    .list()) {
                managementService.executeJob(job.getId());
                fired++;
            }
        }
        assertThat(fired).as("timer " + timer).isEqualTo(1);
    }

    private void assertClosed(String caseId, String endEvent, String outcome) {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(endEvent)
                .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(CaseModel.PROCESS_KEY).processInstanceBusinessKey(caseId)
                        .singleResult().getId()).count()).isEqualTo(1);
        JsonNode caseFile = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(caseFile.path("status").asText()).isEqualTo("CLOSED");
        assertThat(caseFile.path("outcome").asText()).isEqualTo(outcome);
        assertThat(caseFile.path("sections").path("departure").path("outcome").asText()).isEqualTo(outcome);
    }
}

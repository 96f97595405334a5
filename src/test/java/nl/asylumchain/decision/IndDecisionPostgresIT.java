package nl.asylumchain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * One case per IND track on a real PostgreSQL, driven through our API and the engine REST API by the demo users of
 * each task's group: spoor 2 to a final rejection and departure; spoor 1 with a refused claim into spoor 4, the VA,
 * an annulled rejection and a grant; spoor 4 parked by a policy hold, released, extended and granted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
class IndDecisionPostgresIT {

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

    private static final Set<String> TIMERS = Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED,
            IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED, AppealModel.EVENT_APPEAL_WINDOW_PASSED);

    static Map<String, Map<String, Object>> answers(String eurodacHit, String assessment) {
        Map<String, Map<String, Object>> answers = new HashMap<>();
        answers.put(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, Map.of("identityEstablished", true,
                "eurodacHitMemberState", eurodacHit, "visaMemberState", "", "documentsPresent", true));
        answers.put(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW, Map.of("protectionInMemberState", "",
                "medicalConcerns", false, "familyInVa", false));
        answers.put(IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM, Map.of("claimType", "TAKE_CHARGE",
                "requestedMemberState", eurodacHit));
        answers.put(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, Map.of("interpreterPresent", true, "hearingNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS, Map.of("correctionsReceived", true,
                "correctionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_ASSESS_APPLICATION, Map.of("decisionOutcome", assessment,
                "vaReason", assessment.equals("EXTEND") ? "ILLNESS" : "", "decisionReason", ""));
        answers.put(IndDecisionModel.ACTIVITY_EXTENDED_INVESTIGATION, Map.of("investigationNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_INTENDED_DECISION, Map.of("intendedDecisionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_DECIDE_APPLICATION, Map.of("decisionOutcome", "REJECT",
                "decisionReason", ""));
        answers.put(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0363", "linkReason", ""));
        answers.put(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingOffered", true));
        answers.put(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", "2027-03-01"));
        answers.put(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, Map.of("willingToLeave", true,
                "travelDocumentPresent", true, "familyWithMinorChildren", false, "interviewNotes", ""));
        answers.put(DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE, Map.of("iomSupportRequested", true,
                "departed", true));
        return answers;
    }

    @Test
    void spoorTwoRejectionBecomesFinalAfterTheAppealWindowAndGoesToDepartureWithoutDeparturePeriod() {
        String caseId = register("ALB", false);

        List<String> worked = work(caseId, answers("", "REJECT"), TIMERS, null);

        assertThat(worked).contains("ind-decision:" + IndDecisionModel.ACTIVITY_INTENDED_DECISION,
                "ind-decision:" + IndDecisionModel.ACTIVITY_DECIDE_APPLICATION,
                "dtv:" + DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE);
        assertEnded(caseId, CaseModel.EVENT_DEPARTED_INDEPENDENTLY);
        JsonNode file = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(file.path("track").asInt()).isEqualTo(2);
        assertThat(file.path("milestones").findValuesAsText("milestone"))
                .contains("PROCEDURE_STARTED", "REJECTION_FINAL").doesNotContain("REST_PERIOD_STARTED");
        assertThat(file.path("sections").path("decision").path("priorityReason").asText()).isEqualTo("TRACK_2");
        assertThat(mainProcessVariable(caseId, "departurePeriod")).isEqualTo("P0D");
    }

    @Test
    void dublinRefusalLeadsIntoSpoorFourWhereAnAnnulledRejectionIsDecidedAgainAndGranted() {
        String caseId = register("AFG", false);
        Map<String, Map<String, Object>> answers = answers("DE", "EXTEND");

        List<String> worked = work(caseId, answers, TIMERS, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(worked).contains("ind-dublin:" + IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM);
        assertThat(event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", false)).status())
                .isEqualTo(202);

        work(caseId, answers, TIMERS, IndDecisionModel.ACTIVITY_EXTENDED_INVESTIGATION);
        JsonNode section = client.get("/api/cases/" + caseId, "demo").body().path("sections").path("decision");
        assertThat(section.path("procedure").asText()).isEqualTo("VA");
        assertThat(section.path("vaReason").asText()).isEqualTo("ILLNESS");

        answers.putAll(answers("DE", "REJECT"));
        work(caseId, answers, Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED), null);
        assertThat(event(caseId, "beslismedewerker",
                Map.of("type", "APPEAL_LODGED", "lodgedOn", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString())).status())
                .isEqualTo(202);
        assertThat(event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "ANNULLED"))
                .status()).isEqualTo(202);

        answers.putAll(answers("DE", "GRANT"));
        work(caseId, answers, TIMERS, null);

        assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        JsonNode file = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(file.path("decisionOutcome").asText()).isEqualTo("PERMIT_GRANTED");
        assertThat(file.path("milestones").findValuesAsText("milestone"))
                .contains("REST_PERIOD_STARTED", "PROCEDURE_STARTED", "EXTENDED_PROCEDURE_STARTED", "PERMIT_GRANTED")
                .doesNotContain("REJECTION_FINAL");
        String scrape = client.scrape();
        assertThat(scrape).contains("asylum_va_referrals_total", "asylum_court_rulings_total{",
                "outcome=\"annulled\"", "asylum_appeals_lodged_total{", "asylum_decision_lead_time_seconds_count{");
    }

    @Test
    void spoorFourCaseOnAPolicyHoldWaitsUntilReleasedThenIsExtendedAndGranted() throws Exception {
        JsonNode hold = client.post("/api/holds", "teamleider",
                Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", "Uitspraak Raad van State")).body();
        String caseId = register("IRQ", true);

        work(caseId, answers("", "GRANT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED), null);
        assertThat(client.openTasks(caseId)).isEmpty();
        JsonNode holds = client.get("/api/holds", "teamleider").body();
        assertThat(holds.findValues("casesHeld").stream().mapToInt(JsonNode::asInt).sum()).isGreaterThanOrEqualTo(1);
        assertThat(client.get("/api/cases/" + caseId, "demo").body().path("sections").path("decision")
                .path("onHold").asBoolean()).isTrue();

        assertThat(delete("/api/holds/" + hold.path("id").asText(), "teamleider")).isEqualTo(200);
        assertThat(client.openTasks(caseId)).extracting(task -> task.path("taskDefinitionKey").asText())
                .containsExactly(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(client.post("/api/cases/" + caseId + "/decision-deadline/extensions", "teamleider",
                Map.of("reason", "Complexe zaak")).status()).isEqualTo(201);

        work(caseId, answers("", "GRANT"), TIMERS, null);
        assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        JsonNode section = client.get("/api/cases/" + caseId, "demo").body().path("sections").path("decision");
        assertThat(section.path("extensions")).hasSize(1);
        assertThat(section.path("onHold").asBoolean()).isFalse();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String register(String nationality, boolean temporaryProtectionUkraine) {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", nationality);
        application.put("temporaryProtectionUkraine", temporaryProtectionUkraine);
        // the IND tracks are under test here; family reunification has its own integration test
        application.put("familyMembersAbroad", List.of());
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    private ChainClient.Response event(String caseId, String user, Map<String, Object> event) {
        return client.post("/api/cases/" + caseId + "/events", user, event);
    }

    private int delete(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .DELETE().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Works the case like its handlers would (each open task by the demo user of its group; when nobody has work,
     * the named timers fire) until nothing moves, or until the task {@code stopAt} is open.
     */
    private List<String> work(String caseId, Map<String, Map<String, Object>> answers, Set<String> timers,
            String stopAt) {
        List<String> worked = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            List<JsonNode> tasks = client.openTasks(caseId);
            if (stopAt != null && tasks.stream().anyMatch(t -> t.path("taskDefinitionKey").asText().equals(stopAt))) {
                return worked;
            }
            if (tasks.isEmpty()) {
                if (!fireTimers(caseId, timers)) {
                    return worked;
                }
                continue;
            }
            for (JsonNode task : tasks) {
                String key = task.path("taskDefinitionKey").asText();
                String group = task.path("candidateGroups").get(0).asText();
                Map<String, Object> variables = answers.get(key);
                assertThat(variables).as("answers for task " + key).isNotNull();
                ChainClient.Response done = client.completeTask(task.path("id").asText(),
                        ChainClient.USER_OF_GROUP.get(group), variables);
                assertThat(done.status()).as(key + " by " + group + ": " + done.body()).isEqualTo(204);
                worked.add(group + ":" + key);
            }
        }
        throw new AssertionError("Case " + caseId + " did not settle after 60 rounds: " + worked);
    }

    private boolean fireTimers(String caseId, Set<String> timers) {
        boolean fired = false;
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).list()) {
            for (String timer : timers) {
                for (Job job : managementService.createJobQuery().processInstanceId(instance.getId())
                        .activityId(timer).list()) {
                    managementService.executeJob(job.getId());
                    fired = true;
                }
            }
        }
        return fired;
    }

    private Object mainProcessVariable(String caseId, String name) {
        String main = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CaseModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId).singleResult().getId();
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(main).variableName(name)
                .singleResult().getValue();
    }

    private void assertEnded(String caseId, String endEventId) {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list())
                .extracting(ProcessInstance::getProcessDefinitionId).isEmpty();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(endEventId)
                .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(CaseModel.PROCESS_KEY).processInstanceBusinessKey(caseId)
                        .singleResult().getId())
                .count()).isEqualTo(1);
    }
}

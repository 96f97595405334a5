package nl.asylumchain;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

/**
 * The whole application on a real PostgreSQL: cases posted over HTTP with credentials travel the chain to an end
 * state while every task is completed through the engine REST API by a user of the task's candidate group.
 * The job executor is off so that the test decides when a timer fires.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
public class AsylumChainPostgresIT {

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

    @Autowired
    JdbcClient jdbc;

    ChainClient client;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
    }

    /** What each handler fills in on the task's form, by task (other integration tests drive cases with it too). */
    public static Map<String, Map<String, Object>> answers(String decisionOutcome) {
        Map<String, Map<String, Object>> answers = new HashMap<>();
        answers.put(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, Map.of("identityEstablished", true,
                "eurodacHitMemberState", "", "visaMemberState", "", "documentsPresent", true));
        answers.put(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW, Map.of("protectionInMemberState", "",
                "medicalConcerns", false, "familyInVa", false));
        answers.put(IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM, Map.of("claimType", "TAKE_BACK",
                "requestedMemberState", "DE"));
        answers.put(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, Map.of("interpreterPresent", true,
                "hearingNotes", "Gehoor afgenomen"));
        answers.put(IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS, Map.of("correctionsReceived", true,
                "correctionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_ASSESS_APPLICATION, Map.of("decisionOutcome", decisionOutcome,
                "vaReason", "", "decisionReason", "Beoordeeld"));
        answers.put(IndDecisionModel.ACTIVITY_INTENDED_DECISION, Map.of("intendedDecisionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_DECIDE_APPLICATION, Map.of("decisionOutcome", decisionOutcome,
                "decisionReason", "Beoordeeld"));
        answers.put(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0363", "linkReason", ""));
        answers.put(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingOffered", true));
        answers.put(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", "2027-03-01"));
        answers.put(FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", ""));
        answers.put(FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION,
                Map.of("evidenceType", "DOCUMENTS"));
        answers.put(FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION,
                Map.of("reunificationOutcome", "GRANT", "decisionReason", ""));
        answers.put(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, Map.of("willingToLeave", true,
                "travelDocumentPresent", true, "familyWithMinorChildren", false, "interviewNotes", ""));
        answers.put(DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE, Map.of("iomSupportRequested", true,
                "departed", true));
        answers.put(DepartureModel.ACTIVITY_ARRANGE_FORCED_DEPARTURE, Map.of("laissezPasserRequested", true,
                "escortArranged", true, "departed", true, "proposeDetention", false));
        answers.put(DepartureModel.ACTIVITY_PLAN_TRANSFER, Map.of("transferDate", "2027-03-01"));
        answers.put(DepartureModel.ACTIVITY_EXECUTE_TRANSFER, Map.of("transferCompleted", true));
        return answers;
    }

    @Test
    void grantedCaseWithFamilyAbroadEndsHousedAfterEachGroupDidItsTasks() {
        String caseId = register(ChainClient.application());

        List<String> worked = work(caseId, answers("GRANT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));

        assertThat(worked).containsExactlyInAnyOrder(
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
        String spouse = client.get("/api/cases/" + caseId, "demo").body().path("familyMembersAbroad").get(0)
                .path("id").asText();
        assertThat(client.post("/api/cases/" + caseId + "/events", "nareis", Map.of("type", "FAMILY_ARRIVED",
                "familyMemberId", spouse, "familyName", "Haddad", "sex", "M", "nationality", "SYR")).status())
                .isEqualTo(202);
        assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
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
        String caseId = register(application);

        List<String> worked = work(caseId, answers("REJECT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED,
                IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED, AppealModel.EVENT_APPEAL_WINDOW_PASSED));

        assertThat(worked).contains("kmar:" + RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                "dtv:" + DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                "dtv:" + DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE);
        assertEnded(caseId, CaseModel.EVENT_DEPARTED_INDEPENDENTLY);
        assertThat(client.get("/api/cases/" + caseId, "demo").body().path("outcome").asText())
                .isEqualTo("DEPARTED_INDEPENDENTLY");
    }

    @Test
    void dublinCaseWhoseClaimTheOtherStateAcceptsEndsWithTheTransfer() {
        String caseId = register(ChainClient.application());
        Map<String, Map<String, Object>> answers = answers("REJECT");
        answers.put(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, Map.of("identityEstablished", true,
                "eurodacHitMemberState", "DE", "visaMemberState", "", "documentsPresent", true));

        List<String> worked = work(caseId, answers, Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        assertThat(worked).contains("ind-dublin:" + IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM);

        ChainClient.Response wrongGroup = client.post("/api/cases/" + caseId + "/events", "coa",
                Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(wrongGroup.status()).isEqualTo(403);
        ChainClient.Response reply = client.post("/api/cases/" + caseId + "/events", "dublin",
                Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(202);
        ChainClient.Response again = client.post("/api/cases/" + caseId + "/events", "dublin",
                Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).contains("not waiting for DublinReply");

        worked = work(caseId, answers, Set.of());
        assertThat(worked).containsExactly("dtv:" + DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                "dtv:" + DepartureModel.ACTIVITY_PLAN_TRANSFER, "dtv:" + DepartureModel.ACTIVITY_EXECUTE_TRANSFER);
        assertEnded(caseId, CaseModel.EVENT_TRANSFERRED_DUBLIN);
        assertThat(client.get("/api/cases/" + caseId, "demo").body().path("decisionOutcome").asText())
                .isEqualTo("DUBLIN_ACCEPTED");
    }

    @Test
    void intakeNeedsCredentialsAndAnIntakeGroup() {
        assertThat(client.post("/api/cases", null, ChainClient.application()).status()).isEqualTo(401);
        assertThat(client.post("/api/cases", "agent", ChainClient.application(), Map.of()).status()).isEqualTo(201);
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
        String caseId = register(ChainClient.application());
        JsonNode policeTasks = client.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "agent").body();
        JsonNode coaTasks = client.get("/engine-rest/task?processInstanceBusinessKey=" + caseId, "coa").body();
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
        ChainClient.section(application, "person").put("birthDate", "2999-01-01");
        ChainClient.section(application, "person").put("nationality", "QQQ");

        ChainClient.Response response = client.post("/api/cases", "agent", application);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("person.birthDate", "person.nationality");
        assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single()).isEqualTo(cases);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    private String register(Map<String, Object> application) {
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    /**
     * Works the case like its handlers would: every open task is completed by the demo user of its candidate
     * group; when nobody has work, the named timers fire. Returns "group:task" for each task done.
     */
    private List<String> work(String caseId, Map<String, Map<String, Object>> answers, Set<String> timers) {
        List<String> worked = new java.util.ArrayList<>();
        for (int round = 0; round < 50; round++) {
            List<JsonNode> tasks = client.openTasks(caseId);
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
        throw new AssertionError("Case " + caseId + " did not settle after 50 rounds: " + worked);
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

    private void assertEnded(String caseId, String endEventId) {
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId(endEventId)
                .processInstanceId(historyService.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(CaseModel.PROCESS_KEY).processInstanceBusinessKey(caseId)
                        .singleResult().getId())
                .count()).isEqualTo(1);
    }
}

package nl.asylumchain.reunification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

/**
 * Family reunification on a real PostgreSQL, over HTTP as the handlers and COA would do it: a granted case with
 * two family members abroad, both applications granted, both arrive → three cases, linked both ways. (That the
 * three are housed together in one municipality is the housing module's part of this scenario.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
class FamilyReunificationPostgresIT {

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
    FamilyReunificationService reunification;

    static Map<String, Map<String, Object>> answers() {
        Map<String, Map<String, Object>> answers = new HashMap<>();
        answers.put(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, Map.of("identityEstablished", true,
                "eurodacHitMemberState", "", "visaMemberState", "", "documentsPresent", true));
        answers.put(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW, Map.of("protectionInMemberState", "",
                "medicalConcerns", false, "familyInVa", false));
        answers.put(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, Map.of("interpreterPresent", true, "hearingNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS, Map.of("correctionsReceived", true,
                "correctionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_ASSESS_APPLICATION, Map.of("decisionOutcome", "GRANT",
                "vaReason", "", "decisionReason", ""));
        answers.put(IndDecisionModel.ACTIVITY_INTENDED_DECISION, Map.of("intendedDecisionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_DECIDE_APPLICATION, Map.of("decisionOutcome", "GRANT",
                "decisionReason", "Beoordeeld"));
        answers.put(FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", ""));
        answers.put(FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION,
                Map.of("evidenceType", "DOCUMENTS"));
        answers.put(FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION,
                Map.of("reunificationOutcome", "GRANT", "decisionReason", "Gezinsband aangetoond"));
        return answers;
    }

    @Test
    void aGrantedCaseWithTwoFamilyMembersAbroadEndsWithThreeLinkedCases() {
        ChainClient client = new ChainClient(port);
        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", List.of(Map.of("relation", "SPOUSE", "birthDate", "1993-01-01"),
                Map.of("relation", "CHILD", "birthDate", "2018-05-05")));
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.body().path("caseId").asText();

        List<String> worked = work(client, caseId);

        assertThat(worked).contains("ind-reunification:" + FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION);
        assertThat(worked.stream().filter(w -> w.startsWith("ind-reunification:"))).hasSize(6);
        JsonNode sponsor = client.get("/api/cases/" + caseId, "demo").body();
        List<String> members = sponsor.path("familyMembersAbroad").findValuesAsText("id");
        assertThat(sponsor.path("sections").path("familyReunification").path("members").findValuesAsText("status"))
                .containsExactly("MVV_ISSUED", "MVV_ISSUED");

        for (String member : members) {
            ChainClient.Response arrived = client.post("/api/cases/" + caseId + "/events", "nareis", Map.of(
                    "type", "FAMILY_ARRIVED", "familyMemberId", member, "familyName", "Haddad", "givenNames", "Noor",
                    "sex", "F", "nationality", "SYR"));
            assertThat(arrived.status()).as(String.valueOf(arrived.body())).isEqualTo(202);
        }

        sponsor = client.get("/api/cases/" + caseId, "demo").body();
        JsonNode links = sponsor.path("linkedCases");
        assertThat(links).hasSize(2);
        assertThat(links.findValuesAsText("link")).containsOnly("FAMILY_MEMBER");
        assertThat(links.findValuesAsText("familyMemberId")).containsExactlyInAnyOrderElementsOf(members);
        Set<String> vNumbers = new java.util.HashSet<>(Set.of(sponsor.path("vNumber").asText()));
        for (String linked : links.findValuesAsText("caseId")) {
            JsonNode familyCase = client.get("/api/cases/" + linked, "demo").body();
            assertThat(familyCase.path("status").asText()).isEqualTo("PERMIT_GRANTED");
            assertThat(familyCase.path("linkedCases").get(0).path("caseId").asText()).isEqualTo(caseId);
            assertThat(familyCase.path("linkedCases").get(0).path("link").asText()).isEqualTo("SPONSOR");
            assertThat(familyCase.path("milestones").findValuesAsText("milestone")).contains("REGISTERED");
            vNumbers.add(familyCase.path("vNumber").asText());
        }
        assertThat(vNumbers).as("three cases, three V-numbers").hasSize(3);
        assertThat(reunification.arrivedHouseholdMembers(UUID.fromString(caseId))).hasSize(2);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(FamilyReunificationApplicationModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId).count()).isZero();
        String scrape = client.scrape();
        assertThat(scrape).containsPattern("asylum_family_members_arrived_total\\{[^}]*\\} [1-9]");
        assertThat(scrape).containsPattern("asylum_reunification_decisions_total\\{[^}]*outcome=\"granted\"[^}]*\\} [1-9]");
    }

    /** Every open task (but housing's) by the demo user of its group; the rest period fires when nobody has work. */
    private List<String> work(ChainClient client, String caseId) {
        Map<String, Map<String, Object>> answers = answers();
        List<String> worked = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            List<JsonNode> tasks = client.openTasks(caseId).stream()
                    .filter(t -> answers.containsKey(t.path("taskDefinitionKey").asText())).toList();
            if (tasks.isEmpty()) {
                if (!fireRestPeriod(caseId)) {
                    return worked;
                }
                continue;
            }
            for (JsonNode task : tasks) {
                String key = task.path("taskDefinitionKey").asText();
                String group = task.path("candidateGroups").get(0).asText();
                ChainClient.Response done = client.completeTask(task.path("id").asText(),
                        ChainClient.USER_OF_GROUP.get(group), answers.get(key));
                assertThat(done.status()).as(key + ": " + done.body()).isEqualTo(204);
                worked.add(group + ":" + key);
            }
        }
        throw new AssertionError("Case " + caseId + " did not settle: " + worked);
    }

    private boolean fireRestPeriod(String caseId) {
        boolean fired = false;
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).list()) {
            for (Job job : managementService.createJobQuery().processInstanceId(instance.getId())
                    .activityId(RegistrationModel.EVENT_REST_PERIOD_PASSED).list()) {
                managementService.executeJob(job.getId());
                fired = true;
            }
        }
        return fired;
    }

}

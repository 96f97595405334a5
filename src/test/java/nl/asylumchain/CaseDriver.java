package nl.asylumchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

/**
 * Moves a case through the chain over HTTP the way its handlers do: each open task is completed through the engine
 * REST API by the demo user of its candidate group, and timers that a laptop would wait days for are executed as
 * {@code demo}.
 */
public class CaseDriver {

    /** What a handler fills in on each form of the registration path (a spoor-4 case: no Eurodac hit, no visa). */
    public static final Map<String, Map<String, Object>> SPOOR_4_ANSWERS = Map.of(
            "Activity_IdentifyAndRegister", Map.of("identityEstablished", true, "documentsPresent", true,
                    "eurodacHitMemberState", "", "visaMemberState", ""),
            "Activity_RegistrationInterview", Map.of("protectionInMemberState", "", "medicalConcerns", false,
                    "familyInVa", false));

    /** The registration path of {@link #SPOOR_4_ANSWERS}, then the IND's general procedure ending in a permit. */
    public static final Map<String, Map<String, Object>> PERMIT_ANSWERS = permitAnswers();

    /** The IND's answers that grant a family member's reunification application on documents (mvv issued). */
    public static final Map<String, Map<String, Object>> REUNIFICATION_GRANT_ANSWERS = Map.of(
            FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", ""),
            FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"),
            FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION,
            Map.of("reunificationOutcome", "GRANT", "decisionReason", "Gezinsband aangetoond"));

    private static Map<String, Map<String, Object>> permitAnswers() {
        Map<String, Map<String, Object>> answers = new HashMap<>(SPOOR_4_ANSWERS);
        answers.put(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, Map.of("interpreterPresent", true, "hearingNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS, Map.of("correctionsReceived", true,
                "correctionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_ASSESS_APPLICATION, Map.of("decisionOutcome", "GRANT",
                "vaReason", "", "decisionReason", ""));
        answers.put(IndDecisionModel.ACTIVITY_INTENDED_DECISION, Map.of("intendedDecisionNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_DECIDE_APPLICATION, Map.of("decisionOutcome", "GRANT",
                "decisionReason", "Beoordeeld"));
        return Map.copyOf(answers);
    }

    private final ChainClient client;

    public CaseDriver(ChainClient client) {
        this.client = client;
    }

    /** Registers a case as {@code agent}; returns its id. */
    public String register() {
        ChainClient.Response created = client.post("/api/cases", "agent", ChainClient.application());
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    /** Works the case until a task with this definition key is open; returns that task's id. */
    public String workUntil(String caseId, String taskDefinitionKey, Map<String, Map<String, Object>> answers) {
        for (int round = 0; round < 20; round++) {
            boolean progressed = false;
            for (JsonNode task : client.openTasks(caseId)) {
                String key = task.path("taskDefinitionKey").asText();
                if (key.equals(taskDefinitionKey)) {
                    return task.path("id").asText();
                }
                Map<String, Object> variables = answers.get(key);
                assertThat(variables).as("answers for task " + key).isNotNull();
                String user = ChainClient.USER_OF_GROUP.get(task.path("candidateGroups").get(0).asText());
                ChainClient.Response done = client.completeTask(task.path("id").asText(), user, variables);
                assertThat(done.status()).as(key + " by " + user + ": " + done.body()).isEqualTo(204);
                progressed = true;
            }
            if (!progressed) {
                assertThat(fireTimers(caseId)).as("a task or a timer to move case " + caseId).isTrue();
            }
        }
        throw new AssertionError("Case " + caseId + " never reached " + taskDefinitionKey);
    }

    /**
     * Works every open task of the case that has an answer, as the demo user of its group, until only tasks without
     * an answer are open (or none). When nothing with an answer is open it executes the rest-period timer, the one
     * wait on the way to a decision that a test cannot sit out; no other timer fires (deadline watches, application
     * windows and mvv validity stay as they are). Returns the tasks worked as {@code group:taskDefinitionKey}.
     */
    public List<String> workOpenTasks(String caseId, Map<String, Map<String, Object>> answers) {
        List<String> worked = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            List<JsonNode> tasks = client.openTasks(caseId).stream()
                    .filter(task -> answers.containsKey(task.path("taskDefinitionKey").asText())).toList();
            if (tasks.isEmpty() && !fireRestPeriod(caseId)) {
                return worked;
            }
            for (JsonNode task : tasks) {
                String key = task.path("taskDefinitionKey").asText();
                String group = task.path("candidateGroups").get(0).asText();
                String user = ChainClient.USER_OF_GROUP.get(group);
                ChainClient.Response done = client.completeTask(task.path("id").asText(), user, answers.get(key));
                assertThat(done.status()).as(key + " by " + user + ": " + done.body()).isEqualTo(204);
                worked.add(group + ":" + key);
            }
        }
        throw new AssertionError("Case " + caseId + " did not settle: " + worked);
    }

    /** Executes the rest-period timer of the case, if it waits for it; true when it did. */
    private boolean fireRestPeriod(String caseId) {
        boolean fired = false;
        for (JsonNode instance : client.get("/engine-rest/process-instance?businessKey=" + caseId, "demo").body()) {
            for (JsonNode job : client.get("/engine-rest/job?timers=true&activityId="
                    + RegistrationModel.EVENT_REST_PERIOD_PASSED + "&processInstanceId="
                    + instance.path("id").asText(), "demo").body()) {
                ChainClient.Response executed = client.post("/engine-rest/job/" + job.path("id").asText()
                        + "/execute", "demo", Map.of());
                assertThat(executed.status()).as("executing the rest period " + job).isEqualTo(204);
                fired = true;
            }
        }
        return fired;
    }

    /** Executes the due-later timer jobs of the case's processes, as an administrator would in Cockpit. */
    private boolean fireTimers(String caseId) {
        boolean fired = false;
        for (JsonNode instance : client.get("/engine-rest/process-instance?businessKey=" + caseId, "demo").body()) {
            for (JsonNode job : client.get("/engine-rest/job?timers=true&processInstanceId="
                    + instance.path("id").asText(), "demo").body()) {
                ChainClient.Response executed = client.post("/engine-rest/job/" + job.path("id").asText()
                        + "/execute", "demo", Map.of());
                assertThat(executed.status()).as("executing timer " + job).isEqualTo(204);
                fired = true;
            }
        }
        return fired;
    }
}

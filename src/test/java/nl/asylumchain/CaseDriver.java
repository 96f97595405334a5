package nl.asylumchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

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

package nl.asylumchain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moves a case through the chain over HTTP the way its handlers do: each open task is completed through the engine
 * REST API by the demo user of its candidate group, with what the handler fills in on the form (the answers, by
 * task definition key). When nobody has work, the test decides which timers fire (executed as {@code demo}, as an
 * administrator would in Cockpit): a laptop does not wait weeks for a rest period. Only HTTP, so it drives the
 * application exactly as a client would, on H2 or on PostgreSQL.
 */
public class CaseDriver {

    /** Timers to fire when nobody has work: every timer of the case's processes that is due later. */
    public static final Set<String> ALL_TIMERS = Set.of("*");

    /** What a handler fills in on each form of the registration path (a spoor-4 case: no Eurodac hit, no visa). */
    public static final Map<String, Map<String, Object>> SPOOR_4_ANSWERS = Map.of(
            RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                    Map.of(
                            "identityEstablished",
                            true,
                            "documentsPresent",
                            true,
                            "eurodacHitMemberState",
                            "",
                            "visaMemberState",
                            ""),
            RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW,
                    Map.of("protectionInMemberState", "", "medicalConcerns", false, "familyInVa", false));

    private static final int ROUNDS = 60;
    /** How often a handler tries a completion that lost a race (409) before the test gives up. */
    private static final int CONFLICT_ATTEMPTS = 5;

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final ChainClient client;

    public CaseDriver(ChainClient client) {
        this.client = client;
    }

    /**
     * What each handler fills in on every form of the chain, for a spoor-4 case the IND decides with this outcome
     * (GRANT, REJECT or EXTEND for the assessment; the decision itself is then GRANT or REJECT). A mutable map:
     * tests put their own answers for the steps they are about.
     */
    public static Map<String, Map<String, Object>> answers(String decisionOutcome) {
        String decided = "EXTEND".equals(decisionOutcome) ? "REJECT" : decisionOutcome;
        Map<String, Map<String, Object>> answers = new HashMap<>(SPOOR_4_ANSWERS);
        answers.put(
                IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM,
                Map.of("claimType", "TAKE_BACK", "requestedMemberState", "DE"));
        answers.put(
                IndDecisionModel.ACTIVITY_MAIN_INTERVIEW,
                Map.of("interpreterPresent", true, "hearingNotes", "Gehoor afgenomen"));
        answers.put(
                IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS,
                Map.of("correctionsReceived", true, "correctionNotes", ""));
        answers.put(
                IndDecisionModel.ACTIVITY_ASSESS_APPLICATION,
                Map.of(
                        "decisionOutcome",
                        decisionOutcome,
                        "vaReason",
                        "EXTEND".equals(decisionOutcome) ? "ILLNESS" : "",
                        "decisionReason",
                        "Beoordeeld"));
        answers.put(IndDecisionModel.ACTIVITY_EXTENDED_INVESTIGATION, Map.of("investigationNotes", ""));
        answers.put(IndDecisionModel.ACTIVITY_INTENDED_DECISION, Map.of("intendedDecisionNotes", ""));
        answers.put(
                IndDecisionModel.ACTIVITY_DECIDE_APPLICATION,
                Map.of("decisionOutcome", decided, "decisionReason", "Beoordeeld"));
        answers.put(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0363", "linkReason", ""));
        answers.put(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME", "addressNotes", ""));
        answers.put(
                HousingModel.ACTIVITY_CONFIRM_MOVE,
                Map.of("moveDate", LocalDate.now(AMSTERDAM).toString()));
        answers.put(
                FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION,
                Map.of("applicationNotes", "", "relationBeforeEntry", true));
        answers.put(
                FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"));
        answers.put(
                FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION,
                Map.of("reunificationOutcome", "GRANT", "decisionReason", ""));
        answers.put(
                DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                Map.of(
                        "willingToLeave",
                        true,
                        "travelDocumentPresent",
                        true,
                        "familyWithMinorChildren",
                        false,
                        "interviewNotes",
                        ""));
        answers.put(
                DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE,
                Map.of("iomSupportRequested", true, "departed", true));
        answers.put(
                DepartureModel.ACTIVITY_ARRANGE_FORCED_DEPARTURE,
                Map.of(
                        "laissezPasserRequested",
                        true,
                        "escortArranged",
                        true,
                        "departed",
                        true,
                        "proposeDetention",
                        false));
        answers.put(DepartureModel.ACTIVITY_PLAN_TRANSFER, Map.of("transferDate", "2027-03-01"));
        answers.put(DepartureModel.ACTIVITY_EXECUTE_TRANSFER, Map.of("transferCompleted", true));
        return answers;
    }

    /** Registers the standard application as {@code agent}; returns the case id. */
    public String register() {
        return register(ChainClient.application());
    }

    /** Registers this application as {@code agent}; returns the case id. */
    public String register(Map<String, Object> application) {
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    /**
     * Works the case until nothing moves: every open task must have an answer; when no task is open, the named
     * timers fire. Returns "group:taskDefinitionKey" for each task done.
     */
    public List<String> work(String caseId, Map<String, Map<String, Object>> answers, Set<String> timers) {
        return drive(caseId, answers, timers, null, false);
    }

    /** As {@link #work}, but stops as soon as a task with the key {@code stopAt} is open (and leaves it open). */
    public List<String> workUntil(
            String caseId, String stopAt, Map<String, Map<String, Object>> answers, Set<String> timers) {
        List<String> worked = drive(caseId, answers, timers, stopAt, false);
        assertThat(openTaskKeys(caseId))
                .as("case " + caseId + " after " + worked)
                .contains(stopAt);
        return worked;
    }

    /** Works the case (any timer may fire) until the task {@code taskDefinitionKey} is open; returns its id. */
    public String workToTask(String caseId, String taskDefinitionKey, Map<String, Map<String, Object>> answers) {
        workUntil(caseId, taskDefinitionKey, answers, ALL_TIMERS);
        return openTask(caseId, taskDefinitionKey).path("id").asText();
    }

    /**
     * Works only the tasks that have an answer; the others stay open for the test (or another stage) to handle.
     * The named timers fire when none of the answered tasks is open.
     */
    public List<String> workAnswered(String caseId, Map<String, Map<String, Object>> answers, Set<String> timers) {
        return drive(caseId, answers, timers, null, true);
    }

    /** Completes the open task with this key as the demo user of its candidate group; returns "group:key". */
    public String complete(String caseId, String taskDefinitionKey, Map<String, Object> variables) {
        return complete(openTask(caseId, taskDefinitionKey), variables);
    }

    /** The open task with this key, as the case file lists it (id, name, candidateGroups ...). */
    public JsonNode openTask(String caseId, String taskDefinitionKey) {
        return client.openTasks(caseId).stream()
                .filter(task -> task.path("taskDefinitionKey").asText().equals(taskDefinitionKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no open task " + taskDefinitionKey + " in case " + caseId + ": " + openTaskKeys(caseId)));
    }

    public List<String> openTaskKeys(String caseId) {
        return client.openTasks(caseId).stream()
                .map(task -> task.path("taskDefinitionKey").asText())
                .toList();
    }

    /** Fires the one due-later timer with this activity id in the case's processes. */
    public void fire(String caseId, String timerActivityId) {
        assertThat(fireTimers(caseId, Set.of(timerActivityId)))
                .as("timers " + timerActivityId + " fired in case " + caseId)
                .isEqualTo(1);
    }

    /** Posts an event about the case (POST /api/cases/{caseId}/events) as this user. */
    public ChainClient.Response event(String caseId, String user, Map<String, Object> event) {
        return client.post("/api/cases/" + caseId + "/events", user, event);
    }

    /** The case file as {@code demo} sees it. */
    public JsonNode caseFile(String caseId) {
        ChainClient.Response response = client.get("/api/cases/" + caseId, "demo");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    /** No process of the case runs any more, and its main process ended in this end event. */
    public void assertEnded(String caseId, String endEventId) {
        assertThat(client.get("/engine-rest/process-instance/count?businessKey=" + caseId, "demo")
                        .body()
                        .path("count")
                        .asLong())
                .as("running processes of case " + caseId)
                .isZero();
        JsonNode main = client.get(
                        "/engine-rest/history/process-instance?processDefinitionKey=" + CaseModel.PROCESS_KEY
                                + "&processInstanceBusinessKey=" + caseId,
                        "demo")
                .body();
        assertThat(main).as("main process of case " + caseId).hasSize(1);
        assertThat(client.get(
                                "/engine-rest/history/activity-instance/count?processInstanceId="
                                        + main.get(0).path("id").asText() + "&activityId=" + endEventId,
                                "demo")
                        .body()
                        .path("count")
                        .asLong())
                .as(caseId + " ended in " + endEventId)
                .isEqualTo(1);
    }

    private List<String> drive(
            String caseId,
            Map<String, Map<String, Object>> answers,
            Set<String> timers,
            String stopAt,
            boolean onlyAnswered) {
        List<String> worked = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<JsonNode> tasks = client.openTasks(caseId);
            if (stopAt != null
                    && tasks.stream()
                            .anyMatch(t -> t.path("taskDefinitionKey").asText().equals(stopAt))) {
                return worked;
            }
            if (onlyAnswered) {
                tasks = tasks.stream()
                        .filter(t ->
                                answers.containsKey(t.path("taskDefinitionKey").asText()))
                        .toList();
            }
            if (tasks.isEmpty()) {
                if (fireTimers(caseId, timers) == 0) {
                    return worked;
                }
                continue;
            }
            for (JsonNode task : tasks) {
                Map<String, Object> variables =
                        answers.get(task.path("taskDefinitionKey").asText());
                assertThat(variables)
                        .as("answers for task " + task.path("taskDefinitionKey").asText())
                        .isNotNull();
                worked.add(complete(task, variables));
            }
        }
        throw new AssertionError("Case " + caseId + " did not settle after " + ROUNDS + " rounds: " + worked);
    }

    private String complete(JsonNode task, Map<String, Object> variables) {
        String key = task.path("taskDefinitionKey").asText();
        String group = task.path("candidateGroups").get(0).asText();
        String user = ChainClient.USER_OF_GROUP.get(group);
        ChainClient.Response done = client.completeTask(task.path("id").asText(), user, variables);
        // a timer of the same case that the job executor fires at this moment (a spoor-2 departure period of 0 days
        // falls due at the hand-over) may win the race: the completion is rolled back with a 409, and the handler does
        // what it says, tries again
        for (int attempt = 1; done.status() == 409 && attempt < CONFLICT_ATTEMPTS; attempt++) {
            pause(attempt);
            done = client.completeTask(task.path("id").asText(), user, variables);
        }
        assertThat(done.status()).as(key + " by " + user + ": " + done.body()).isEqualTo(204);
        return group + ":" + key;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting to try a completion again", e);
        }
    }

    /** Executes the case's due-later timer jobs at these activities ({@link #ALL_TIMERS}: any); returns how many. */
    private int fireTimers(String caseId, Set<String> timers) {
        int fired = 0;
        for (JsonNode instance : client.get("/engine-rest/process-instance?businessKey=" + caseId, "demo")
                .body()) {
            String jobs = "/engine-rest/job?timers=true&processInstanceId="
                    + instance.path("id").asText();
            List<String> queries = timers == ALL_TIMERS
                    ? List.of(jobs)
                    : timers.stream()
                            .map(timer -> jobs + "&activityId=" + timer)
                            .toList();
            for (String query : queries) {
                for (JsonNode job : client.get(query, "demo").body()) {
                    ChainClient.Response executed =
                            client.post("/engine-rest/job/" + job.path("id").asText() + "/execute", "demo", Map.of());
                    assertThat(executed.status())
                            .as("executing timer " + job + ": " + executed.body())
                            .isEqualTo(204);
                    fired++;
                }
            }
        }
        return fired;
    }
}

package nl.asylumchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.housing.HalfYear;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

/**
 * Reception and housing on a real PostgreSQL, over HTTP: a permit holder (alone; family members who join through
 * reunification are that module's part of the scenario) is placed at arrival, becomes a permit holder in an
 * azc, is linked to the proposed municipality and housed. The ledger balances (in once, out once) and the quota
 * counts the link and the housing for the municipality in the current half-year.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
class ReceptionHousingPostgresIT {

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
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    ChainClient client;
    HalfYear now;

    @BeforeEach
    void setUp() {
        client = new ChainClient(port);
        now = HalfYear.of(LocalDate.now(clock));
    }

    /** The taakstelling of this half-year would change the proposal for the other integration tests: removed. */
    @AfterEach
    void removeQuota() {
        jdbc.sql("delete from municipality_quotas where quota_year = :y and quota_half = :h")
                .param("y", now.year()).param("h", now.half()).update();
        jdbc.sql("delete from housing_quotas where quota_year = :y and quota_half = :h")
                .param("y", now.year()).param("h", now.half()).update();
    }

    @Test
    void aGrantedPermitHolderIsHousedInTheProposedMunicipalityWithTheLedgerBalancedAndTheQuotaCounted() throws Exception {
        String half = now.half() == 1 ? "I" : "II";
        String quotaPath = "/api/housing/quota/" + now.year() + "/" + half;
        assertThat(put(quotaPath, "coa", Map.of("total", 18750)).status()).isEqualTo(200);
        JsonNode quotaBefore = client.get(quotaPath, "coa").body();
        JsonNode occupancyBefore = client.get("/api/reception/occupancy", "coa").body();

        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", List.of());
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).isEqualTo(201);
        String caseId = created.body().path("caseId").asText();

        List<String> proposals = new ArrayList<>();
        List<String> worked = work(caseId, proposals);

        assertThat(worked).contains("coa:" + HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                "municipality:" + HousingModel.ACTIVITY_OFFER_HOUSING,
                "municipality:" + HousingModel.ACTIVITY_CONFIRM_MOVE);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
        String municipality = proposals.get(0);
        assertThat(municipality).matches("GM\\d{4}");

        // the ledger: in once, out once, a permit holder in an azc in between
        List<String> moves = jdbc.sql("select move || ':' || coalesce(to_type, '-') || ':' || permit_holder "
                        + "from reception_moves where case_id = cast(:caseId as uuid) order by move_no")
                .param("caseId", caseId).query(String.class).list();
        assertThat(moves).containsExactly("IN:COL:false", "TRANSFER:POL:false", "TRANSFER:AZC:true", "OUT:-:true");
        assertThat(jdbc.sql("select count(*) from reception_moves m where m.move = 'IN' and not exists "
                        + "(select 1 from reception_moves o where o.case_id = m.case_id and o.move = 'OUT') "
                        + "and m.case_id = cast(:caseId as uuid)")
                .param("caseId", caseId).query(Long.class).single()).isZero();

        JsonNode occupancyAfter = client.get("/api/reception/occupancy", "coa").body();
        assertThat(occupancyAfter.path("total").path("occupancy").asLong())
                .isEqualTo(occupancyBefore.path("total").path("occupancy").asLong());
        assertThat(occupancyAfter.path("total").path("permitHolders").asLong())
                .isEqualTo(occupancyBefore.path("total").path("permitHolders").asLong());

        JsonNode quotaAfter = client.get(quotaPath, "gemeente").body();
        assertThat(row(quotaAfter, municipality).path("linked").asLong())
                .isEqualTo(row(quotaBefore, municipality).path("linked").asLong() + 1);
        assertThat(row(quotaAfter, municipality).path("housed").asLong())
                .isEqualTo(row(quotaBefore, municipality).path("housed").asLong() + 1);
        assertThat(row(quotaAfter, municipality).path("open").asLong())
                .isEqualTo(row(quotaBefore, municipality).path("open").asLong() - 1);
        assertThat(quotaAfter.path("housed").asLong()).isEqualTo(quotaBefore.path("housed").asLong() + 1);

        JsonNode caseFile = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(caseFile.path("outcome").asText()).isEqualTo("PERMIT_HOLDER_HOUSED");
        assertThat(caseFile.path("milestones").findValuesAsText("milestone"))
                .contains("REGISTERED", "PERMIT_GRANTED", "MUNICIPALITY_LINKED", "HOUSED", "CLOSED");
        assertThat(caseFile.path("sections").path("reception").path("inReception").asBoolean()).isFalse();
        assertThat(caseFile.path("sections").path("housing").path("municipality").path("code").asText())
                .isEqualTo(municipality);
        assertThat(caseFile.path("sections").path("housing").path("housingKind").asText()).isEqualTo("HOME");

        String scrape = client.scrape();
        assertThat(scrape).contains("asylum_permit_holders_housed_total{", "housing=\"home\"",
                "asylum_housing_steps_late_total{", "asylum_reception_occupancy{", "location_type=\"nidos_foster\"",
                "asylum_reception_capacity{", "asylum_reception_permit_holders", "asylum_reception_amv_ter_apel",
                "asylum_housing_quota_target{", "province=\"fryslan\"", "asylum_housing_lead_time_seconds_count");
    }

    private static JsonNode row(JsonNode report, String code) {
        for (JsonNode row : report.path("municipalities")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    /** Works the case's tasks as their groups would; the link takes the proposal the form is prefilled with. */
    private List<String> work(String caseId, List<String> proposals) {
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
        answers.put(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME", "addressNotes", ""));
        answers.put(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", LocalDate.now(clock).toString()));
        List<String> worked = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            List<JsonNode> tasks = client.openTasks(caseId);
            if (tasks.isEmpty()) {
                if (!fireRestPeriod(caseId)) {
                    return worked;
                }
                continue;
            }
            for (JsonNode task : tasks) {
                String key = task.path("taskDefinitionKey").asText();
                String group = task.path("candidateGroups").get(0).asText();
                String user = ChainClient.USER_OF_GROUP.get(group);
                Map<String, Object> variables = answers.get(key);
                if (HousingModel.ACTIVITY_LINK_MUNICIPALITY.equals(key)) {
                    String proposal = client.get("/engine-rest/task/" + task.path("id").asText()
                            + "/variables/municipalityCode", user).body().path("value").asText();
                    proposals.add(proposal);
                    variables = Map.of("municipalityCode", proposal, "linkReason", "");
                }
                assertThat(variables).as("answers for task " + key).isNotNull();
                ChainClient.Response done = client.completeTask(task.path("id").asText(), user, variables);
                assertThat(done.status()).as(key + " by " + group + ": " + done.body()).isEqualTo(204);
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

    private ChainClient.Response put(String path, String user, Map<String, Object> body) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var mapper = new ObjectMapper();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user + ":" + ChainClient.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
        var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new ChainClient.Response(response.statusCode(), null, null,
                response.body().isBlank() ? mapper.nullNode() : mapper.readTree(response.body()));
    }
}

package nl.asylumchain.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Need to know (docs/need-to-know.md): each organisation reads only the case files it works on, and of those only
 * the parts its work needs, in {@code GET /api/cases/{id}}, the search by V-number and the case view.
 */
class NeedToKnowPostgresIT extends PostgresIntegrationTest {

    @Autowired
    List<CaseFileSection> sections;

    @Test
    void municipalityGetsNotFoundForACaseWithoutHousingWorkAndCannotFindItByVNumber() {
        String caseId = driver.register();
        String vNumber = driver.caseFile(caseId).path("vNumber").asText();

        Response byId = client.get("/api/cases/" + caseId, "gemeente");
        Response byVNumber = client.get("/api/cases?vNumber=" + vNumber, "gemeente");
        Response view = client.get("/api/cases/" + caseId + "/view", "gemeente");
        Response unknown = client.get("/api/cases?vNumber=9999999999", "gemeente");

        String diagram = client.get("/api/cases/" + caseId + "/view", "demo")
                .body()
                .path("positions")
                .get(0)
                .path("processDefinitionId")
                .asText();
        Response diagramOfIt = client.get("/api/cases/" + caseId + "/view/diagrams/" + diagram, "gemeente");

        assertThat(List.of(byId.status(), byVNumber.status(), view.status(), unknown.status(), diagramOfIt.status()))
                .containsOnly(404);
        // the answer for a case that exists reads like the one for a V-number that does not
        assertThat(byVNumber.body().path("detail").asText().replace(vNumber, "#"))
                .isEqualTo(unknown.body().path("detail").asText().replace("9999999999", "#"));
        assertThat(byId.body().toString()).doesNotContain("Haddad");
    }

    @Test
    void municipalitySeesNameHouseholdAndHousingButNotTheDecisionTheAsylumAccountOrTheHearing() {
        String caseId = driver.register();
        driver.workToTask(caseId, HousingModel.ACTIVITY_OFFER_HOUSING, CaseDriver.answers("GRANT"));

        Response response = client.get("/api/cases/" + caseId, "gemeente");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        JsonNode file = response.body();
        assertThat(file.path("person").path("familyName").asText()).isEqualTo("Haddad");
        assertThat(file.path("familyMembersAbroad")).hasSize(1);
        assertThat(fieldNames(file.path("sections"))).containsExactly("housing");
        assertThat(fieldNames(file.path("person"))).containsExactlyInAnyOrder("familyName", "givenNames");
        assertThat(fieldNames(file))
                .doesNotContain(
                        "track", "trackReason", "decisionOutcome", "milestones", "applicationType", "nationality");
        assertThat(file.path("openTasks"))
                .extracting(task -> task.path("taskDefinitionKey").asText())
                .containsExactly(HousingModel.ACTIVITY_OFFER_HOUSING);

        Response view = client.get("/api/cases/" + caseId + "/view", "gemeente");
        assertThat(view.status()).isEqualTo(200);
        // the steps and the diagram of the housing process only: nothing of registration or the IND
        List<String> processes = new ArrayList<>();
        view.body()
                .path("timeline")
                .forEach(row -> processes.add(row.path("process").asText()));
        view.body()
                .path("positions")
                .forEach(position -> processes.add(position.path("processKey").asText()));
        assertThat(processes).isNotEmpty().containsOnly(HousingModel.PROCESS_KEY);
        assertThat(kinds(view.body())).doesNotContain("MILESTONE", "RECEIVED");
        // the view's diagrams likewise: the housing process's, not the IND's
        Map<String, String> definitions = new java.util.HashMap<>();
        client.get("/api/cases/" + caseId + "/view", "demo")
                .body()
                .path("positions")
                .forEach(position -> definitions.put(
                        position.path("processKey").asText(),
                        position.path("processDefinitionId").asText()));
        assertThat(client.get(
                                "/api/cases/" + caseId + "/view/diagrams/" + definitions.get(HousingModel.PROCESS_KEY),
                                "gemeente")
                        .status())
                .isEqualTo(200);
        assertThat(client.get(
                                "/api/cases/" + caseId + "/view/diagrams/"
                                        + definitions.get(IndDecisionModel.PROCESS_KEY),
                                "gemeente")
                        .status())
                .isEqualTo(404);
        // the main interview and its notes, the assessment and its reasons: none of it reaches the municipality
        assertThat(view.body().toString()).doesNotContain("gehoor", "Gehoor", "Beoordeeld", "decision\"");
    }

    @Test
    void dtvSeesTheDecisionsOutcomeButNotItsReasons() {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", "GEO");
        application.put("familyMembersAbroad", List.of());
        String caseId = driver.register(application);
        Map<String, Map<String, Object>> answers = CaseDriver.answers("REJECT");
        answers.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "eurodacHitMemberState",
                        "",
                        "visaMemberState",
                        "",
                        "documentsPresent",
                        false));
        driver.workUntil(
                caseId,
                DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                answers,
                Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED, AppealModel.EVENT_APPEAL_WINDOW_PASSED));

        Response response = client.get("/api/cases/" + caseId, "terugkeer");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        JsonNode file = response.body();
        assertThat(file.path("decisionOutcome").asText()).isNotBlank();
        assertThat(file.path("person").path("nationality").asText()).isEqualTo("GEO");
        assertThat(fieldNames(file.path("sections"))).containsExactly("departure");
        assertThat(fieldNames(file)).doesNotContain("track", "trackReason");
        assertThat(file.toString()).doesNotContain("Beoordeeld", "priorityReason", "vaReason");
        // the IND has the reasons
        JsonNode ind = client.get("/api/cases/" + caseId, "beslismedewerker").body();
        assertThat(ind.path("trackReason").asText()).isNotBlank();
        assertThat(fieldNames(ind.path("sections"))).contains("decision", "departure");
    }

    @Test
    void policeSeesTheRegistrationOnlyAndKmarNotATerApelCase() {
        String caseId = driver.register();

        Response response = client.get("/api/cases/" + caseId, "agent");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        JsonNode file = response.body();
        assertThat(fieldNames(file.path("person")))
                .containsExactlyInAnyOrder("familyName", "givenNames", "birthDate", "sex", "nationality");
        assertThat(file.path("arrivalLocation").asText()).isEqualTo("TER_APEL");
        assertThat(fieldNames(file))
                .doesNotContain(
                        "status",
                        "currentStages",
                        "milestones",
                        "sections",
                        "track",
                        "trackReason",
                        "decisionOutcome",
                        "familyMembersAbroad",
                        "linkedCases");
        assertThat(file.path("openTasks"))
                .allSatisfy(task ->
                        assertThat(task.path("candidateGroups").toString()).contains("police-avim"));

        assertThat(client.get("/api/cases/" + caseId, "marechaussee").status()).isEqualTo(404);
    }

    @Test
    void indDecisionSeesTheWholeFileEveryOrganisationsTasksAndTheProcessHistory() {
        String caseId = driver.register();
        driver.workToTask(caseId, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, CaseDriver.SPOOR_4_ANSWERS);

        JsonNode file = client.get("/api/cases/" + caseId, "beslismedewerker").body();
        assertThat(fieldNames(file))
                .contains(
                        "person",
                        "applicationType",
                        "status",
                        "milestones",
                        "track",
                        "trackReason",
                        "familyMembersAbroad",
                        "openTasks",
                        "sections");
        assertThat(fieldNames(file.path("person"))).hasSize(5);
        JsonNode view =
                client.get("/api/cases/" + caseId + "/view", "beslismedewerker").body();
        assertThat(kinds(view)).contains("TASK", "MILESTONE", "STAGE");
        assertThat(view.path("positions")).isNotEmpty();
    }

    @Test
    void nidosReadsTheCasesOfUnaccompaniedMinorsOnly() {
        Map<String, Object> minor = ChainClient.application();
        ChainClient.section(minor, "person").put("birthDate", "2012-05-01");
        minor.put("unaccompaniedMinor", true);
        minor.put("familyMembersAbroad", List.of());
        String minorCase = driver.register(minor);
        String adultCase = driver.register();

        Response mine = client.get("/api/cases/" + minorCase, "voogd");
        assertThat(mine.status()).as(String.valueOf(mine.body())).isEqualTo(200);
        assertThat(mine.body().path("unaccompaniedMinor").asBoolean()).isTrue();
        assertThat(fieldNames(mine.body())).doesNotContain("track", "trackReason");
        assertThat(client.get("/api/cases/" + adultCase, "voogd").status()).isEqualTo(404);
    }

    @Test
    void processDesignerAndPrivacyOfficerReadNoCaseFile() {
        String caseId = driver.register();
        assertThat(client.get("/api/cases/" + caseId, "ontwerper").status()).isEqualTo(403);
        assertThat(client.get("/api/cases/" + caseId + "/view", "privacy").status())
                .isEqualTo(403);
        assertThat(client.get("/api/cases/" + caseId, "privacy").status()).isEqualTo(403);
    }

    @Test
    void everySectionAModuleContributesHasARowInTheNeedToKnowTable() {
        assertThat(sections).isNotEmpty();
        assertThat(sections)
                .allSatisfy(section -> assertThat(CaseFilePart.ofSection(section.name()))
                        .as(section.name())
                        .isPresent());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> kinds(JsonNode view) {
        List<String> kinds = new ArrayList<>();
        view.path("timeline").forEach(row -> kinds.add(row.path("kind").asText()));
        return kinds;
    }
}

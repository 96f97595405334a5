package nl.asylumchain.casefile.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The case view's data: one timeline with who did what and when, open tasks linked to Tasklist, positions. */
@ChainTestContext
class CaseViewApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChainClient client;
    CaseDriver driver;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
        driver = new CaseDriver(client);
    }

    @Test
    void completedTasksAreOnTheTimelineWithTheUserWhoCompletedThemAndWhen() {
        String caseId = driver.register();
        driver.workToTask(caseId, "Activity_MainInterview", CaseDriver.SPOOR_4_ANSWERS);

        JsonNode view = view(caseId, "beslismedewerker");

        List<JsonNode> tasks = rows(view, "TASK");
        assertThat(tasks)
                .extracting(row ->
                        row.path("name").asText() + " by " + row.path("user").asText())
                .containsExactly("Identificeren en registreren by agent", "Aanmeldgehoor afnemen by aanmelding");
        assertThat(tasks).allSatisfy(row -> {
            assertThat(row.path("at").asText()).isNotBlank();
            assertThat(row.path("outcome").asText()).isEqualTo("COMPLETED");
        });
        assertThat(rows(view, "MILESTONE"))
                .extracting(row -> row.path("name").asText())
                .contains("REGISTERED");
        assertThat(rows(view, "EVENT"))
                .extracting(row -> row.path("name").asText())
                .contains("Rust- en voorbereidingstermijn verstreken");
        assertThat(rows(view, "STAGE"))
                .extracting(row -> row.path("name").asText())
                .containsSubsequence("Aanmelding afhandelen", "Asielaanvraag beoordelen");
        List<String> times = new ArrayList<>();
        view.path("timeline").forEach(row -> times.add(row.path("at").asText()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));
    }

    @Test
    void openTasksLinkToTasklistAndThePositionShowsTheCurrentActivityOfEachRunningProcess() {
        String caseId = driver.register();
        String taskId = driver.workToTask(caseId, "Activity_MainInterview", CaseDriver.SPOOR_4_ANSWERS);

        JsonNode view = view(caseId, "beslismedewerker");

        assertThat(view.path("openTasks").get(0).path("tasklistUrl").asText())
                .isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
        Map<String, JsonNode> positions = new java.util.HashMap<>();
        view.path("positions").forEach(p -> positions.put(p.path("processKey").asText(), p));
        assertThat(positions.get("indDecision").path("active").asBoolean()).isTrue();
        assertThat(texts(positions.get("indDecision").path("activeActivityIds")))
                .containsExactly("Activity_MainInterview");
        assertThat(texts(positions.get("asylumCase").path("activeActivityIds")))
                .containsExactly("Activity_IndDecision");
        assertThat(positions.get("registration").path("active").asBoolean()).isFalse();
        assertThat(texts(positions.get("registration").path("completedActivityIds")))
                .contains("Activity_IdentifyAndRegister", "Activity_RegistrationInterview");
        assertThat(view.path("caseFile").path("vNumber").asText()).matches("\\d{10}");
    }

    @Test
    void aReceivedEventIsOnTheTimelineWithItsSenderAndARefusedOneLeavesNoTrace() {
        String caseId = driver.register();
        Response refused = client.post(
                "/api/cases/" + caseId + "/events", "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(rows(view(caseId, "demo"), "RECEIVED")).isEmpty();
        assertThat(jdbc.sql("select count(*) from case_events where case_id = cast(:id as uuid)")
                        .param("id", caseId)
                        .query(Long.class)
                        .single())
                .isZero();

        // a Dublin case: a Eurodac hit sends it to spoor 1, where the reply is awaited
        Map<String, Map<String, Object>> dublin = new java.util.HashMap<>(CaseDriver.SPOOR_4_ANSWERS);
        dublin.put(
                "Activity_IdentifyAndRegister",
                Map.of(
                        "identityEstablished",
                        true,
                        "documentsPresent",
                        true,
                        "eurodacHitMemberState",
                        "DE",
                        "visaMemberState",
                        ""));
        dublin.put("Activity_SubmitDublinClaim", Map.of("claimType", "TAKE_CHARGE", "requestedMemberState", "DE"));
        String other = driver.register();
        String claim = driver.workToTask(other, "Activity_SubmitDublinClaim", dublin);
        assertThat(client.completeTask(claim, "dublin", dublin.get("Activity_SubmitDublinClaim"))
                        .status())
                .isEqualTo(204);
        assertThat(client.post(
                                "/api/cases/" + other + "/events",
                                "dublin",
                                Map.of("type", "DUBLIN_REPLY", "accepted", false))
                        .status())
                .isEqualTo(202);

        List<JsonNode> received = rows(view(other, "demo"), "RECEIVED");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("name").asText()).isEqualTo("DUBLIN_REPLY");
        assertThat(received.get(0).path("user").asText()).isEqualTo("dublin");
        assertThat(received.get(0).path("at").asText()).isNotBlank();
    }

    @Test
    void theViewNeedsALoginAndAnUnknownCaseIsNotFound() {
        String caseId = driver.register();
        assertThat(client.get("/api/cases/" + caseId + "/view", null).status()).isEqualTo(401);
        assertThat(client.get("/api/cases/6f1c2a4e-0000-4000-8000-000000000000/view", "demo")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCaseViewLogsInWithAFormToASessionAndTheBrowserHoldsNoCredentials() throws Exception {
        String caseId = driver.register();
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        JsonNode anonymous = json(browser, get("/cases/session"));
        assertThat(anonymous.path("user").isMissingNode()).isTrue();
        HttpResponse<String> withoutToken = browser.send(
                login("beslismedewerker", ChainClient.PASSWORD, null, null), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode())
                .as("a login without the session's CSRF token")
                .isEqualTo(403);
        // an unknown user: a wrong password would lock a real one for a few seconds (the engine's login delay)
        HttpResponse<String> wrong = browser.send(
                login(
                        "nobody",
                        "wrong",
                        anonymous.path("csrfHeader").asText(),
                        anonymous.path("csrfToken").asText()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .as("no browser password prompt")
                .isEmpty();

        JsonNode fresh = json(browser, get("/cases/session"));
        HttpResponse<String> loggedIn = browser.send(
                login(
                        "beslismedewerker",
                        ChainClient.PASSWORD,
                        fresh.path("csrfHeader").asText(),
                        fresh.path("csrfToken").asText()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(204);
        assertThat(loggedIn.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));

        JsonNode session = json(browser, get("/cases/session"));
        assertThat(session.path("user").asText()).isEqualTo("beslismedewerker");
        JsonNode view = json(browser, get("/api/cases/" + caseId + "/view"));
        assertThat(view.path("caseFile").path("caseId").asText()).isEqualTo(caseId);
        String definitionId =
                view.path("positions").get(0).path("processDefinitionId").asText();
        JsonNode diagram = json(
                browser,
                get("/api/cases/" + caseId + "/view/diagrams/"
                        + URLEncoder.encode(definitionId, StandardCharsets.UTF_8)));
        assertThat(diagram.path("bpmn20Xml").asText())
                .contains("<bpmn:definitions", definitionId.split(":")[0]);
        assertThat(json(
                                browser,
                                get("/cases/search?vNumber="
                                        + view.path("caseFile").path("vNumber").asText()))
                        .path("caseId")
                        .asText())
                .isEqualTo(caseId);
        // the session is for the case view only: the rest of the API and the engine's still want Basic credentials
        assertThat(browser.send(get("/api/cases/" + caseId), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
        assertThat(browser.send(get("/engine-rest/task"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> logout = browser.send(
                HttpRequest.newBuilder(URI.create(base() + "/cases/logout"))
                        .header(
                                session.path("csrfHeader").asText(),
                                session.path("csrfToken").asText())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(browser.send(get("/api/cases/" + caseId + "/view"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theViewServesTheDiagramsOfItsOwnCaseOnly() {
        String caseId = driver.register();
        String other = driver.register();
        String definitionId = view(other, "demo")
                .path("positions")
                .get(0)
                .path("processDefinitionId")
                .asText();
        String unrelated = "unrelated:1:" + java.util.UUID.randomUUID();

        assertThat(client.get("/api/cases/" + caseId + "/view/diagrams/" + unrelated, "demo")
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/cases/" + caseId + "/view/diagrams/" + definitionId, "demo")
                        .status())
                .isEqualTo(200);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private HttpRequest login(String user, String password, String csrfHeader, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/cases/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
        if (csrfHeader != null) {
            request.header(csrfHeader, csrfToken);
        }
        return request.build();
    }

    private JsonNode json(HttpClient browser, HttpRequest request) throws Exception {
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(request.uri() + ": " + response.body())
                .isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    private JsonNode view(String caseId, String user) {
        Response response = client.get("/api/cases/" + caseId + "/view", user);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private static List<JsonNode> rows(JsonNode view, String kind) {
        List<JsonNode> rows = new ArrayList<>();
        view.path("timeline").forEach(row -> {
            if (kind.equals(row.path("kind").asText())) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

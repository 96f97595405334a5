package nl.asylumchain.platform;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.TasklistBrowser;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never a 500 for what clients do every day: racing each other on one case or one task, asking for a task that is
 * gone, sending no body, a serialized Java object, a NUL, a malformed path. On PostgreSQL, where a NUL cannot even
 * be stored and where the races are real.
 */
class ConflictsAndEngineErrorsPostgresIT extends PostgresIntegrationTest {

    private static final Map<String, Object> IDENTIFIED =
            CaseDriver.SPOOR_4_ANSWERS.get(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtimeService;

    @LocalServerPort
    int port;

    @Test
    void twoHandlersCompletingOneTaskGetOneSuccessAndOneConflictOrNotFound() throws Exception {
        for (int round = 0; round < 10; round++) {
            String caseId = driver.register();
            String taskId = driver.openTask(caseId, RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER)
                    .path("id")
                    .asText();

            List<Response> answers = parallel(4, () -> client.completeTask(taskId, "agent", IDENTIFIED));

            assertThat(answers)
                    .extracting(Response::status)
                    .as("round " + round)
                    .allSatisfy(status -> assertThat(status).isIn(204, 404, 409))
                    .containsOnlyOnce(204);
            answers.stream().filter(a -> a.status() != 204).forEach(ConflictsAndEngineErrorsPostgresIT::assertProblem);
            assertThat(driver.openTaskKeys(caseId)).doesNotContain(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);
        }
    }

    @Test
    void parallelDublinRepliesOnOneCaseAreTakenOnceAndTheRestAreConflicts() throws Exception {
        String caseId = caseWaitingForDublinReply();

        List<Response> answers = parallel(
                20,
                () -> client.post(
                        "/api/cases/" + caseId + "/events",
                        "dublin",
                        Map.of("type", "DUBLIN_REPLY", "accepted", true)));

        assertThat(answers)
                .extracting(Response::status)
                .allSatisfy(status -> assertThat(status).isIn(202, 409))
                .containsOnlyOnce(202);
        answers.stream().filter(a -> a.status() == 409).forEach(ConflictsAndEngineErrorsPostgresIT::assertProblem);
        assertThat(jdbc.sql("select count(*) from case_events where case_id = cast(:id as uuid)")
                        .param("id", caseId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void parallelFamilyMembersAreAllAddedOrRefusedAsConflictsAndTheProcessCountsThem() throws Exception {
        String caseId = driver.register();

        List<Response> answers = parallel(
                20,
                () -> client.post(
                        "/api/cases/" + caseId + "/family-members",
                        "aanmelding",
                        Map.of("relation", "CHILD", "birthDate", "2015-04-01")));

        assertThat(answers)
                .extracting(Response::status)
                .allSatisfy(status -> assertThat(status).isIn(201, 409));
        long added = answers.stream().filter(a -> a.status() == 201).count();
        long rows = jdbc.sql("select count(*) from family_members where case_id = cast(:id as uuid)")
                .param("id", caseId)
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(1 + added);
        String main = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId)
                .singleResult()
                .getId();
        assertThat(((Number) runtimeService.getVariable(main, "familyMembersAbroad")).longValue())
                .isEqualTo(rows);
    }

    @Test
    void nulInANameIsABadRequestAndTakesNoVNumber() {
        long before = Long.parseLong(client.post("/api/cases", "agent", ChainClient.application())
                .body()
                .path("vNumber")
                .asText());
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("familyName", "Had\u0000dad");

        Response refused = client.post("/api/cases", "agent", application);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("person.familyName");
        long after = Long.parseLong(client.post("/api/cases", "agent", ChainClient.application())
                .body()
                .path("vNumber")
                .asText());
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void completingAnUnknownOrCompletedTaskIsNotFound() {
        Response unknown = client.completeTask("6f1c2a4e-0000-4000-8000-000000000000", "agent", IDENTIFIED);
        assertThat(unknown.status()).isEqualTo(404);
        assertProblem(unknown);

        String caseId = driver.register();
        String taskId = driver.openTask(caseId, RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER)
                .path("id")
                .asText();
        assertThat(client.completeTask(taskId, "agent", IDENTIFIED).status()).isEqualTo(204);
        Response again = client.completeTask(taskId, "agent", IDENTIFIED);
        assertThat(again.status()).isEqualTo(404);
        assertProblem(again);
    }

    @Test
    void completingATaskInTasklistTwiceIsNotFoundTheSecondTimeNotAServerError() throws Exception {
        String taskId = openTask();
        HttpResponse<String> withoutToken = TasklistBrowser.login(port, "agent").complete(taskId, IDENTIFIED, false);
        assertThat(withoutToken.statusCode())
                .as("CSRF protection of the webapps")
                .isEqualTo(403);
        assertThat(client.get("/engine-rest/task/" + taskId, "agent").status()).isEqualTo(200);

        // Camunda's CSRF filter ends the session of a request without the token: the handler logs in again
        TasklistBrowser tasklist = TasklistBrowser.login(port, "agent");
        HttpResponse<String> first = tasklist.complete(taskId, IDENTIFIED, true);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
        Response again = TasklistBrowser.response(tasklist.complete(taskId, IDENTIFIED, true));
        assertThat(again.status()).isEqualTo(404);
        assertProblem(again);
        assertThat(again.body().toString()).doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)\\b");
    }

    @Test
    void handlersCompletingOneTaskInTasklistAtOnceGetOneSuccessAndNoServerError() throws Exception {
        List<TasklistBrowser> handlers = List.of(
                TasklistBrowser.login(port, "agent"),
                TasklistBrowser.login(port, "agent"),
                TasklistBrowser.login(port, "agent"));
        for (int round = 0; round < 5; round++) {
            String caseId = driver.register();
            String taskId = driver.openTask(caseId, RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER)
                    .path("id")
                    .asText();
            AtomicInteger next = new AtomicInteger();

            List<Response> answers = parallel(
                    handlers.size(),
                    () -> TasklistBrowser.response(
                            handlers.get(next.getAndIncrement()).complete(taskId, IDENTIFIED, true)));

            assertThat(answers)
                    .extracting(Response::status)
                    .as("round " + round)
                    .allSatisfy(status -> assertThat(status).isIn(204, 404, 409))
                    .containsOnlyOnce(204);
            answers.stream().filter(a -> a.status() != 204).forEach(ConflictsAndEngineErrorsPostgresIT::assertProblem);
            assertThat(driver.openTaskKeys(caseId)).doesNotContain(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);
        }
    }

    @Test
    void completingWithANullOrMissingBodyIsABadRequest() {
        String taskId = openTask();
        for (String body : List.of("null", "", "  ")) {
            Response response = client.post("/engine-rest/task/" + taskId + "/complete", "agent", body);
            assertThat(response.status()).as("body '" + body + "'").isEqualTo(400);
            assertProblem(response);
        }
        assertThat(client.get("/engine-rest/task/" + taskId, "agent").status()).isEqualTo(200);
    }

    @Test
    void serializedJavaObjectVariableIsABadRequest() {
        String taskId = openTask();
        Map<String, Object> variable = Map.of(
                "value",
                "rO0ABXQAA2FiYw==",
                "type",
                "Object",
                "valueInfo",
                Map.of(
                        "objectTypeName",
                        "java.lang.String",
                        "serializationDataFormat",
                        "application/x-java-serialized-object"));
        Response response = client.post(
                "/engine-rest/task/" + taskId + "/complete", "agent", Map.of("variables", Map.of("payload", variable)));
        assertThat(response.status()).isEqualTo(400);
        assertProblem(response);
        assertThat(client.get("/engine-rest/task/" + taskId, "agent").status()).isEqualTo(200);
    }

    @Test
    void nulInAnEngineVariableIsABadRequest() {
        String taskId = openTask();
        Response response = client.post(
                "/engine-rest/task/" + taskId + "/variables/note",
                "agent",
                "{\"value\":\"a\\u0000b\",\"type\":\"String\"}");
        // the engine REST API sets a variable with PUT; POST on that path is 405, which is a refusal too
        Response put = send(
                "PUT",
                "/engine-rest/task/" + taskId + "/variables/note",
                "agent",
                "{\"value\":\"a\\u0000b\",\"type\":\"String\"}",
                "application/json");
        assertThat(response.status()).isBetween(400, 499);
        assertThat(put.status()).isEqualTo(400);
        assertProblem(put);
    }

    @Test
    void tooLongEngineVariableIsABadRequestAndTheTaskStaysOpen() {
        String taskId = openTask();
        Map<String, Object> answers = new HashMap<>(IDENTIFIED);
        answers.put("remark", "x".repeat(5000));
        Response response = client.completeTask(taskId, "agent", answers);
        assertThat(response.status()).isBetween(400, 499);
        assertProblem(response);
        assertThat(client.get("/engine-rest/task/" + taskId, "agent").status()).isEqualTo(200);
    }

    @Test
    void malformedPathWithoutCredentialsIsABadRequest() {
        Response response = send("GET", "/engine-rest;/task", null, null, null);
        assertThat(response.status()).isEqualTo(400);
        assertProblem(response);
        Response api = send("GET", "/api;/cases", null, null, null);
        assertThat(api.status()).isEqualTo(400);
    }

    @Test
    void malformedContentTypeIsARefusalNotAServerError() {
        String taskId = openTask();
        Response response = send("POST", "/engine-rest/task/" + taskId + "/complete", "agent", "{}", "no/such;;=");
        assertThat(response.status()).isBetween(400, 499);
        assertProblem(response);
        Response api = send("POST", "/api/cases", "agent", "{}", "no/such;;=");
        assertThat(api.status()).isBetween(400, 499);
    }

    @Test
    void expectedRefusalsAreOneInfoLineWithoutStackTrace() {
        String caseId = driver.register();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            assertThat(client.post(
                                    "/api/cases/" + caseId + "/events",
                                    "dublin",
                                    Map.of("type", "DUBLIN_REPLY", "accepted", true))
                            .status())
                    .isEqualTo(409);
            assertThat(client.completeTask("6f1c2a4e-0000-4000-8000-000000000000", "agent", IDENTIFIED)
                            .status())
                    .isEqualTo(404);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .isEmpty();
        assertThat(log.list).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();
        assertThat(log.list)
                .filteredOn(e ->
                        e.getLevel() == Level.INFO && e.getFormattedMessage().contains("409"))
                .hasSize(1);
        assertThat(log.list)
                .filteredOn(e ->
                        e.getLevel() == Level.INFO && e.getFormattedMessage().contains("404"))
                .hasSize(1);
    }

    /** The problem body of a refusal: problem+json, a status and a reason in words, no internals. */
    static void assertProblem(Response response) {
        assertThat(response.contentType()).as(String.valueOf(response.body())).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(response.status());
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(response.body().toString())
                .doesNotContain("Exception", "org.camunda", "ENGINE-", "java.", "SQL", "\tat ");
    }

    private String openTask() {
        return driver.openTask(driver.register(), RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER)
                .path("id")
                .asText();
    }

    private String caseWaitingForDublinReply() {
        Map<String, Map<String, Object>> dublin = new HashMap<>(CaseDriver.SPOOR_4_ANSWERS);
        dublin.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
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
        String caseId = driver.register();
        String claim = driver.workToTask(caseId, "Activity_SubmitDublinClaim", dublin);
        assertThat(client.completeTask(claim, "dublin", dublin.get("Activity_SubmitDublinClaim"))
                        .status())
                .isEqualTo(204);
        return caseId;
    }

    /** The same request from {@code n} clients at once. */
    private static List<Response> parallel(int n, Callable<Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }

    /** A request java.net.http cannot be talked into through {@link ChainClient}: odd paths and content types. */
    private Response send(String method, String path, String user, String body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "application/json, application/problem+json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (user != null) {
                request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    null,
                    response.body().isBlank()
                            ? null
                            : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

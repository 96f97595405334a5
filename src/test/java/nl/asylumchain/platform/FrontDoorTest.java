package nl.asylumchain.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door of an installation as a real one is set up: demo users off and no administrator yet, the state in
 * which the webapps' setup page used to hand out administrator rights to whoever came first. Its own context for
 * that reason ({@code asylumchain.demo.users=false}); the tests make the one handler they need themselves.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:frontdoor;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.demo.users=false"
        })
class FrontDoorTest {

    static final String HANDLER = "handler";
    static final String HANDLER_PASSWORD = "handler-password";
    static final String ANOTHER_SITE = "https://evil.example";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void handler() {
        if (identityService.createUserQuery().userId(HANDLER).count() == 0) {
            User user = identityService.newUser(HANDLER);
            user.setPassword(HANDLER_PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(HANDLER, Groups.POLICE_AVIM);
        }
    }

    @Test
    void setupPageIsClosedEvenWhenThereIsNoAdministratorYet() throws Exception {
        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count())
                .isZero();
        // as an intruder would: open the Admin webapp for its session and CSRF token, then post the setup form
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(url("/camunda/app/admin/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElse("");

        HttpResponse<String> setup = browser.send(
                HttpRequest.newBuilder(url("/camunda/api/admin/setup/default/user/create"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                        {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@n.example"},
                         "credentials": {"password": "intruder-password"}}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count())
                .isZero();
    }

    @Test
    void textPlainPostFromAnotherSiteCannotUnclaimATask() throws Exception {
        String taskId = claimedTask();

        HttpResponse<String> crossSite = send(HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/unclaim"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Content-Type", "text/plain")
                .header("Origin", ANOTHER_SITE)
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(field(crossSite)).isEqualTo("Sec-Fetch-Site");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(HANDLER);
    }

    @Test
    void aBrowserThatNamesAnotherOriginCannotChangeAnythingEvenWithoutABody() throws Exception {
        String taskId = claimedTask();

        HttpResponse<String> crossSite = send(HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/unclaim"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Origin", ANOTHER_SITE)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(field(crossSite)).isEqualTo("Origin");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(HANDLER);

        // the same request from this site itself (or from a machine client, which names no origin) goes through
        HttpResponse<String> sameSite = send(HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/unclaim"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(sameSite.statusCode()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isNull();
    }

    @Test
    void aFormBodyIsRefusedEvenFromABrowserThatSendsNoOrigin() throws Exception {
        String taskId = claimedTask();

        HttpResponse<String> form = send(HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/unclaim"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                .build());

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(field(form)).isEqualTo("Content-Type");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(HANDLER);
    }

    @Test
    void behindTlsTheSessionCookieIsSecureAndHstsIsSentButNotOverPlainHttp() throws Exception {
        HttpResponse<String> api = send(HttpRequest.newBuilder(url("/api/cases?vNumber=0000000001"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());
        assertThat(api.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));

        HttpResponse<String> tls = send(HttpRequest.newBuilder(url("/cases/session"))
                .header("X-Forwarded-Proto", "https")
                .GET()
                .build());
        HttpResponse<String> plain =
                send(HttpRequest.newBuilder(url("/cases/session")).GET().build());

        assertThat(tls.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(sessionCookie(tls)).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(plain)).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void ourPagesCarryAContentSecurityPolicyAndTheWebappsKeepTheirOwn() throws Exception {
        HttpResponse<String> caseView =
                send(HttpRequest.newBuilder(url("/cases")).GET().build());

        assertThat(caseView.statusCode()).isEqualTo(200);
        assertThat(caseView.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp -> {
                    assertThat(csp)
                            .contains(
                                    "default-src 'self'",
                                    "script-src 'self'",
                                    "object-src 'none'",
                                    "frame-ancestors 'none'");
                    assertThat(csp).doesNotContain("'unsafe-eval'");
                    assertThat(csp.replace("style-src 'self' 'unsafe-inline'", ""))
                            .doesNotContain("'unsafe-inline'");
                });
        assertThat(caseView.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(caseView.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        HttpResponse<String> script =
                send(HttpRequest.newBuilder(url("/cases/case-view.js")).GET().build());
        assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();

        // the webapps send their own policy, with a nonce; a second one of ours would block their scripts
        HttpResponse<String> tasklist = send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/"))
                .GET()
                .build());
        assertThat(tasklist.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .satisfies(csp -> assertThat(csp).contains("nonce-"));
    }

    @Test
    void errorBodiesNameNoExceptionClassesAndNoJavaInternals() throws Exception {
        HttpResponse<String> badDate = send(HttpRequest.newBuilder(url("/engine-rest/task?dueAfter=garbage"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .GET()
                .build());
        HttpResponse<String> noMessage = send(HttpRequest.newBuilder(url("/engine-rest/message"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageName\": \"nobodyWaits\"}"))
                .build());
        HttpResponse<String> badVNumber = send(HttpRequest.newBuilder(url("/api/cases?vNumber=12"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .GET()
                .build());

        for (HttpResponse<String> error : List.of(badDate, noMessage, badVNumber)) {
            assertThat(error.statusCode()).as(error.body()).isEqualTo(400);
            assertThat(error.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(error.body())
                    .doesNotContainPattern("[A-Za-z]+Exception")
                    .doesNotContain("java.", "org.camunda", "byVNumber");
        }
        // what the engine had to say stays readable, for Camunda's clients under "message" too
        assertThat(json.readTree(badDate.body()).path("message").asText())
                .contains("Cannot set query parameter 'dueAfter'", "Date");
        assertThat(json.readTree(noMessage.body()).path("detail").asText())
                .startsWith("Cannot correlate message 'nobodyWaits'");
        assertThat(field(badVNumber)).isEqualTo("vNumber");
    }

    private String claimedTask() throws Exception {
        HttpResponse<String> registered = send(HttpRequest.newBuilder(url("/api/cases"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(ChainClient.application())))
                .build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseId = json.readTree(registered.body()).path("caseId").asText();
        String taskId = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .singleResult()
                .getId();
        HttpResponse<String> claim = send(HttpRequest.newBuilder(url("/engine-rest/task/" + taskId + "/claim"))
                .header("Authorization", basic(HANDLER, HANDLER_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\": \"" + HANDLER + "\"}"))
                .build());
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
        return taskId;
    }

    private String field(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        return problem.path("errors").get(0).path("field").asText();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> HttpCookie.parse(cookie).get(0).getName().equals("JSESSIONID"))
                .toList();
        assertThat(cookies)
                .as("a session cookie in %s", response.headers().map())
                .hasSize(1);
        return cookies.get(0);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

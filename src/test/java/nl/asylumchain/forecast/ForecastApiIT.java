package nl.asylumchain.forecast;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.ChainClient;
import nl.asylumchain.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/forecasts} and the page {@code /forecasts} with a stand-in child ({@code fake-child.sh}, configured in
 * the tests' application.properties): the launcher, its progress, its one-at-a-time rule, its refusals and who may
 * use it. The real child runs in {@link ForecastChildIT}.
 */
class ForecastApiIT extends PostgresIntegrationTest {

    private static final List<String> ALLOWED =
            List.of("planner", "ind-team-lead", "process-designer", "camunda-admin");

    /** A scenario the forecast's own reader accepts (the forecast's test scenario). */
    static final String SMALL = read("src/test/resources/forecast/small.yml");

    @LocalServerPort
    int port;

    @Autowired
    ForecastProperties properties;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A forecast left waiting by a failed test would refuse every later one with 409. */
    @AfterEach
    void releaseWaitingForecasts() throws IOException {
        for (JsonNode job : client.get("/api/forecasts", "planner").body()) {
            if (job.path("status").asText().equals("RUNNING")) {
                release(job.path("id").asText());
                awaitStatus(job.path("id").asText(), status -> !status.equals("RUNNING"));
            }
        }
    }

    @Test
    void aStartedForecastAnswers202WithItsLocationShowsProgressAndThenLinksItsReport() throws IOException {
        ChainClient.Response started = client.post("/api/forecasts", "planner", Map.of("yaml", SMALL, "seed", 99));

        assertThat(started.status()).isEqualTo(202);
        String id = started.body().path("id").asText();
        assertThat(started.location()).endsWith("/api/forecasts/" + id);
        assertThat(started.body().path("status").asText()).isEqualTo("RUNNING");
        assertThat(started.body().path("requestedBy").asText()).isEqualTo("planner");
        assertThat(started.body().path("scenario").asText())
                .as("the name in the file")
                .isEqualTo("small");
        assertThat(started.body().path("sizing").path("sample").asInt())
                .as("a small scenario fits the child's heap whole")
                .isEqualTo(1);
        assertThat(started.body().path("sizing").path("chosen").asBoolean()).isTrue();
        JsonNode running = await(id, job -> job.path("progress").path("week").asInt() == 1);
        assertThat(running.path("status").asText()).isEqualTo("RUNNING");
        assertThat(running.path("progress").path("weeks").asInt()).isEqualTo(30);
        assertThat(running.path("progress").path("date").asText()).isEqualTo("2023-01-02");
        assertThat(running.path("links").has("report"))
                .as("no report before the end")
                .isFalse();

        release(id);
        JsonNode done = awaitStatus(id, "DONE"::equals);

        assertThat(done.path("exitCode").asInt()).isZero();
        assertThat(done.path("progress").path("week").asInt()).isEqualTo(30);
        assertThat(done.path("links").path("report").asText()).isEqualTo("/api/forecasts/" + id + "/report.html");
        HttpResponse<String> report = raw("/api/forecasts/" + id + "/report.html", "planner");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body()).contains("mpp-2023-min").contains("<svg");
        assertThat(report.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("style-src 'unsafe-inline'")
                .doesNotContain("script");
        assertThat(raw("/api/forecasts/" + id + "/weekly.csv", "planner").body())
                .startsWith("week,start");
        assertThat(raw("/api/forecasts/" + id + "/forecast.json", "planner").body())
                .contains("\"weeks\"");
        assertThat(client.get("/api/forecasts", "teamleider").body().findValuesAsText("id"))
                .contains(id);
    }

    @Test
    void oneForecastRunsAtATimeASecondIsRefusedWith409() throws IOException {
        String first = startSmall(99);

        ChainClient.Response second = client.post("/api/forecasts", "ontwerper", Map.of("yaml", SMALL));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().path("detail").asText()).contains(first);
        release(first);
        awaitStatus(first, "DONE"::equals);
        assertThat(client.post("/api/forecasts", "ontwerper", Map.of("yaml", SMALL))
                        .status())
                .as("after the first has finished")
                .isEqualTo(202);
    }

    @Test
    void aScenarioTheForecastRefusesEndsInvalidNamingTheField() {
        String id = startSmall(2);

        JsonNode invalid = awaitStatus(id, "INVALID"::equals);

        assertThat(invalid.path("exitCode").asInt()).isEqualTo(2);
        assertThat(invalid.path("errors").findValuesAsText("field")).containsExactly("scenario.inflow.FIRST");
        assertThat(invalid.path("errors").findValuesAsText("message")).containsExactly("must not be negative");
        assertThat(client.get("/api/forecasts/" + id + "/report.html", "planner")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aFailingForecastEndsFailedWithTheChildsLastWords() {
        String id = startSmall(1);

        JsonNode failed = awaitStatus(id, "FAILED"::equals);

        assertThat(failed.path("exitCode").asInt()).isEqualTo(1);
        assertThat(failed.path("message").asText()).contains("the engine broke");
    }

    @Test
    void aForecastShortOfHeapEndsFailedWithWhatToDoAsItsMessage() throws IOException, InterruptedException {
        String id = startSmall(3);

        JsonNode failed = awaitStatus(id, "FAILED"::equals);

        assertThat(failed.path("exitCode").asInt()).isEqualTo(3);
        assertThat(failed.path("message").asText())
                .isEqualTo("forecast stopped: too little heap for this run: the collector took 91 % of the last 120 s");
        assertThat(new Browser("planner").get("/forecasts/" + id).body())
                .contains("de rekenomgeving heeft te weinig geheugen voor deze startvoorraad")
                .contains("the collector took 91 %")
                .doesNotContain("a stack trace of another thread");
    }

    @Test
    void badRequestsAreRefusedWith400NamingTheField() {
        assertThat(fieldsOf(client.post("/api/forecasts", "planner", Map.of("scenario", "../../etc/passwd"))))
                .containsExactly("scenario");
        assertThat(fieldsOf(client.post("/api/forecasts", "planner", Map.of()))).containsExactly("scenario");
        assertThat(fieldsOf(client.post("/api/forecasts", "planner", Map.of("scenario", "no-such-scenario"))))
                .containsExactly("scenario");
        assertThat(fieldsOf(client.post("/api/forecasts", "planner", Map.of("yaml", negativeWeeks()))))
                .containsExactly("scenario.weeks");
        assertThat(fieldsOf(
                        client.post("/api/forecasts", "planner", Map.of("scenario", "mpp-2023-min", "yaml", SMALL))))
                .containsExactly("yaml");
        assertThat(fieldsOf(client.post("/api/forecasts", "planner", Map.of("yaml", "- a list\n- not a scenario"))))
                .containsExactly("scenario");
        assertThat(fieldsOf(client.post("/api/forecasts", "planner", Map.of("yaml", SMALL, "weeks", 0))))
                .containsExactly("weeks");
        assertThat(client.get("/api/forecasts", "planner").body().findValuesAsText("status"))
                .as("nothing started")
                .doesNotContain("RUNNING");
    }

    /** The small scenario with a horizon no forecast can have; fails loudly if the file no longer says its weeks. */
    private static String negativeWeeks() {
        String refused = SMALL.replaceFirst("(?m)^weeks: \\d+$", "weeks: -8");
        assertThat(refused).as("the small scenario names its weeks").isNotEqualTo(SMALL);
        return refused;
    }

    @Test
    void onlyPlannersTeamLeadsDesignersAndAdministratorsReachForecasts() {
        for (Map.Entry<String, String> group : ChainClient.USER_OF_GROUP.entrySet()) {
            int expected = ALLOWED.contains(group.getKey()) ? 200 : 403;
            assertThat(client.get("/api/forecasts", group.getValue()).status())
                    .as("list as " + group.getKey())
                    .isEqualTo(expected);
            assertThat(client.post("/api/forecasts", group.getValue(), Map.of("scenario", "../x"))
                            .status())
                    .as("start as " + group.getKey())
                    .isEqualTo(expected == 200 ? 400 : 403);
        }
    }

    @Test
    void thePlannerReachesNoCaseAndNoTask() {
        String caseId = driver.register(ChainClient.application());

        assertThat(client.get("/api/cases/" + caseId, "planner").status()).isEqualTo(403);
        assertThat(client.get("/engine-rest/task/count?processInstanceBusinessKey=" + caseId, "planner")
                        .body()
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(client.get("/engine-rest/process-instance/count?businessKey=" + caseId, "planner")
                        .body()
                        .path("count")
                        .asInt())
                .isZero();
    }

    @Test
    void thePageStartsAForecastAndShowsItsProgressAndReport() throws IOException, InterruptedException {
        Browser planner = new Browser("planner");
        assertThat(planner.get("/forecasts").body()).contains("Nieuwe prognose");

        HttpResponse<String> started = planner.post("/forecasts", Map.of("yaml", SMALL, "seed", "99"));

        assertThat(started.statusCode()).isEqualTo(303);
        String page = started.headers().firstValue("Location").orElseThrow();
        String id = page.substring(page.lastIndexOf('/') + 1);
        await(id, job -> job.path("progress").path("week").asInt() == 1);
        String running = planner.get("/forecasts/" + id).body();
        assertThat(running)
                .contains("loopt")
                .contains("<progress max=\"30\" value=\"1\"")
                .contains("http-equiv=\"refresh\"");
        release(id);
        awaitStatus(id, "DONE"::equals);
        String done = planner.get("/forecasts/" + id).body();
        assertThat(done)
                .contains("klaar")
                .contains("/forecasts/" + id + "/report.html")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(planner.get("/forecasts/" + id + "/report.html").body()).contains("mpp-2023-min");
        assertThat(planner.get("/forecasts").body()).contains("/forecasts/" + id);
        assertThat(done).contains("<dt>Omvang</dt><dd>de hele keten (de hele keten houdt naar schatting");
    }

    @Test
    void thePageGivesALettersWholeStockTheSampleThatFitsAndSaysWhy() throws IOException, InterruptedException {
        Browser planner = new Browser("planner");

        HttpResponse<String> started =
                planner.post("/forecasts", Map.of("scenario", "mpp-2024-high", "seed", "99", "sample", ""));

        assertThat(started.statusCode()).isEqualTo(303);
        String page = started.headers().firstValue("Location").orElseThrow();
        String id = page.substring(page.lastIndexOf('/') + 1);
        JsonNode job =
                await(id, running -> running.path("progress").path("week").asInt() == 1);
        int sample = job.path("sizing").path("sample").asInt();
        assertThat(sample).as("90,000 start cases do not fit 2 GB whole").isGreaterThan(1);
        assertThat(planner.get("/forecasts/" + id).body())
                .contains("steekproef 1/" + sample + ", opgeschaald naar de hele keten; zelf gekozen omdat de hele"
                        + " keten houdt naar schatting");
        release(id);
        awaitStatus(id, "DONE"::equals);
    }

    @Test
    void whileTheStartStockIsPlacedThePageAndTheApiShowHowMuchIsPlaced() throws IOException, InterruptedException {
        Browser planner = new Browser("planner");

        HttpResponse<String> started = planner.post("/forecasts", Map.of("yaml", SMALL, "seed", "98"));

        String page = started.headers().firstValue("Location").orElseThrow();
        String id = page.substring(page.lastIndexOf('/') + 1);
        JsonNode job = await(id, j -> j.path("progress").path("placed").asLong() == 13_500);
        assertThat(job.path("progress").path("toPlace").asLong()).isEqualTo(54_000);
        assertThat(job.path("progress").path("etaSeconds").asLong()).isEqualTo(600);
        assertThat(job.path("progress").path("week").isIntegralNumber()).isFalse();
        assertThat(planner.get("/forecasts/" + id).body())
                .contains("de startvoorraad wordt geplaatst: 13500 van 54000 zaken")
                .contains("<progress max=\"54000\" value=\"13500\"")
                .contains("nog ongeveer 600 seconden");
        assertThat(planner.get("/forecasts").body()).contains("startvoorraad 13500 / 54000");
        release(id);
        JsonNode done = awaitStatus(id, "DONE"::equals);
        // once the weeks run, their progress replaces the placement's
        assertThat(done.path("progress").path("week").asInt()).isEqualTo(30);
        assertThat(done.path("progress").path("placed").isIntegralNumber()).isFalse();
    }

    @Test
    void thePageIsClosedToGroupsThatDoNotPlan() throws IOException, InterruptedException {
        Browser anonymous = new Browser(null);
        HttpResponse<String> notLoggedIn = anonymous.get("/forecasts");
        assertThat(notLoggedIn.statusCode()).isEqualTo(302);
        assertThat(notLoggedIn.headers().firstValue("Location").orElse("")).endsWith("/forecasts/login");

        assertThat(new Browser("agent").get("/forecasts").statusCode()).isEqualTo(403);
        assertThat(new Browser("privacy").get("/forecasts").statusCode()).isEqualTo(403);
    }

    @Test
    void aStartWithoutTheSessionsCsrfTokenIsRefused() throws IOException, InterruptedException {
        Browser planner = new Browser("planner");

        HttpResponse<String> forged = planner.postWithoutToken("/forecasts", Map.of("yaml", SMALL));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    // --- helpers ---

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> fieldsOf(ChainClient.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response.body().path("errors").findValuesAsText("field");
    }

    private void release(String id) throws IOException {
        Path dir = properties.workDir().resolve(id);
        if (Files.isDirectory(dir)) {
            Files.writeString(dir.resolve("release"), "go");
        }
    }

    /** Starts the small scenario as the planner through the API; its seed picks the fake child's behaviour. */
    private String startSmall(int seed) {
        return client.post("/api/forecasts", "planner", Map.of("yaml", SMALL, "seed", seed))
                .body()
                .path("id")
                .asText();
    }

    private JsonNode awaitStatus(String id, Predicate<String> status) {
        return await(id, job -> status.test(job.path("status").asText()));
    }

    private JsonNode await(String id, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            job = client.get("/api/forecasts/" + id, "planner").body();
            if (condition.test(job)) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("forecast " + id + " did not get there in 120 s: " + job);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> raw(String path, String user) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((user + ":" + ChainClient.PASSWORD)
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A browser on the page: its session cookie, the CSRF token of the forms, no redirects followed. */
    private final class Browser {

        private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String token;

        Browser(String user) throws IOException, InterruptedException {
            token = token(get("/forecasts/login").body());
            if (user != null) {
                HttpResponse<String> login =
                        send("/forecasts/login", Map.of("username", user, "password", ChainClient.PASSWORD), true);
                assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
                assertThat(login.headers().firstValue("Location").orElse(""))
                        .as("login of " + user)
                        .doesNotContain("error");
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = browser.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("name=\"_csrf\"")) {
                token = token(response.body());
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            get("/forecasts");
            return send(path, fields, true);
        }

        HttpResponse<String> postWithoutToken(String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            return send(path, fields, false);
        }

        private HttpResponse<String> send(String path, Map<String, String> fields, boolean withToken)
                throws IOException, InterruptedException {
            Map<String, String> form = new LinkedHashMap<>(fields);
            if (withToken) {
                form.put("_csrf", token);
            }
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return browser.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String token(String html) {
            Matcher matcher = TOKEN.matcher(html);
            assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
            return matcher.group(1);
        }
    }
}

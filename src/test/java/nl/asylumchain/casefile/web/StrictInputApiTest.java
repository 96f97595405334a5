package nl.asylumchain.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;

/**
 * Our API reads JSON strictly: what a lenient reader would guess at (a duplicate key, a number for a name, a day
 * count for a date) is a 400 naming the field, and nothing is registered. Same context as {@link CaseIntakeApiTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:intake;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
class StrictInputApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtimeService;

    ChainClient client;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
    }

    @Test
    void duplicateTopLevelKeyIsRefusedNamingTheKey() throws IOException {
        String body = JSON.writeValueAsString(ChainClient.application());
        String duplicated = body.replaceFirst("\\{", "{\"applicationType\":\"REPEAT\",");
        assertRefused(duplicated, "applicationType");
    }

    @Test
    void duplicateKeyInsideAnEventIsRefusedNamingTheKey() {
        String caseId = register();
        Response response = client.post("/api/cases/" + caseId + "/events", "dublin",
                "{\"type\":\"DUBLIN_REPLY\",\"accepted\":true,\"accepted\":false}");
        assertBadField(response, "accepted");
    }

    @Test
    void numberAsFamilyNameIsRefused() {
        assertRefused(a -> ChainClient.section(a, "person").put("familyName", 42), "person.familyName");
    }

    @Test
    void numberAsBirthDateIsNotReadAsADayCount() {
        assertRefused(a -> ChainClient.section(a, "person").put("birthDate", 123), "person.birthDate");
    }

    @Test
    void dateTimeAsBirthDateIsRefused() {
        assertRefused(a -> ChainClient.section(a, "person").put("birthDate", "1994-03-12T10:00:00"),
                "person.birthDate");
    }

    @Test
    void numberAsSexIsNotReadAsAnEnumPosition() {
        assertRefused(a -> ChainClient.section(a, "person").put("sex", 1), "person.sex");
    }

    @Test
    void numberAsBooleanIsRefused() {
        assertRefused(a -> a.put("temporaryProtectionUkraine", 1), "temporaryProtectionUkraine");
        assertRefused(a -> a.put("unaccompaniedMinor", "true"), "unaccompaniedMinor");
    }

    @Test
    void textAsReturnedAfterDublinIsRefusedAsNotABoolean() {
        Map<String, Object> application = ChainClient.application();
        application.put("returnedAfterDublin", "yes");
        long cases = cases();
        Response response = client.post("/api/cases", "agent", application);
        assertBadField(response, "returnedAfterDublin");
        // a known field of the wrong type, not an unknown one
        assertThat(response.body().path("errors").get(0).path("message").asText()).isEqualTo("must be true or false");
        assertThat(cases()).isEqualTo(cases);
    }

    @Test
    void nullForABooleanIsRefusedWhileLeavingItOutMeansNo() {
        assertRefused(a -> a.put("unaccompaniedMinor", null), "unaccompaniedMinor");
        Map<String, Object> without = ChainClient.application();
        without.remove("unaccompaniedMinor");
        assertThat(client.post("/api/cases", "agent", without).status()).isEqualTo(201);
    }

    @Test
    void dateBefore1900IsRefused() {
        assertRefused(a -> ChainClient.section(a, "person").put("birthDate", "1899-12-31"), "person.birthDate");
    }

    @Test
    void dateFarOutOfRangeIsABadRequestNotAnOverflow() {
        String caseId = register();
        Response response = client.post("/api/cases/" + caseId + "/events", "demo",
                Map.of("type", "APPEAL_LODGED", "lodgedOn", "-999999999-01-01", "suspensive", true));
        assertBadField(response, "lodgedOn");
        assertThat(events(caseId)).isZero();
    }

    @Test
    void nulInANameIsRefused() {
        assertRefused(a -> ChainClient.section(a, "person").put("familyName", "Had\u0000dad"), "person.familyName");
    }

    @Test
    void digitsInANameAreRefused() {
        assertRefused(a -> ChainClient.section(a, "person").put("givenNames", "Amal2"), "person.givenNames");
    }

    @Test
    void namesWithDiacriticsSpacesHyphensAndApostrophesAreAccepted() {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("familyName", "Ñúñez-O'Brien van der Berg");
        ChainClient.section(application, "person").put("givenNames", "Zoë Ångström N’Diaye");
        Response response = client.post("/api/cases", "agent", application);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
    }

    @Test
    void multipartBodyIsAnUnsupportedMediaType() throws Exception {
        for (String body : List.of(
                "--xyz\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\nHaddad\r\n--xyz--\r\n",
                "--xyz\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\nHaddad",
                "not multipart at all")) {
            HttpResponse<String> response = send(request("/api/cases")
                    .header("Content-Type", "multipart/form-data; boundary=xyz")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(body).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
        }
    }

    @Test
    void nonAsciiIdempotencyKeyIsABadRequestNamingTheHeader() throws Exception {
        // java.net.http turns non-ASCII header characters into '?': the raw bytes go over a socket instead
        byte[] body = JSON.writeValueAsBytes(ChainClient.application());
        long cases = cases();
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                            ("agent:" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "Idempotency-Key: sleutel-").getBytes(StandardCharsets.US_ASCII));
            out.write("\u00e9\u00e8\u4e2d".getBytes(StandardCharsets.UTF_8));
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"field\":\"Idempotency-Key\"");
        assertThat(cases()).isEqualTo(cases);
    }

    @Test
    void tenMegabytesOfWhitespaceBeforeTheBodyAreRefusedAsTooLarge() throws Exception {
        String body = " ".repeat(10 * 1024 * 1024) + JSON.writeValueAsString(ChainClient.application());
        long cases = cases();
        HttpResponse<String> response = send(request("/api/cases")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(cases()).isEqualTo(cases);
    }

    private String register() {
        return client.post("/api/cases", "agent", ChainClient.application()).body().path("caseId").asText();
    }

    private void assertRefused(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> application = ChainClient.application();
        change.accept(application);
        try {
            assertRefused(JSON.writeValueAsString(application), field);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefused(String body, String field) {
        long cases = cases();
        long processes = runtimeService.createProcessInstanceQuery().count();
        assertBadField(client.post("/api/cases", "agent", body), field);
        assertThat(cases()).isEqualTo(cases);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    private static void assertBadField(Response response, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.body().path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly(field);
        assertThat(errors.get(0).path("message").asText()).isNotBlank();
    }

    private long cases() {
        return jdbc.sql("select count(*) from cases").query(Long.class).single();
    }

    private long events(String caseId) {
        return jdbc.sql("select count(*) from case_events where case_id = cast(:id as uuid)").param("id", caseId)
                .query(Long.class).single();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("agent:" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

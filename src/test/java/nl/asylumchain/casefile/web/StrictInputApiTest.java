package nl.asylumchain.casefile.web;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our API reads input strictly, where it takes a real server or a case to show: a duplicate key or an impossible
 * date in an event, raw non-ASCII header bytes, a body too large. The intake's JSON rules are on the web layer alone,
 * in {@link CaseIntakeRequestTest}.
 */
@ChainTestContext
class StrictInputApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ChainClient client;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
    }

    @Test
    void duplicateKeyInsideAnEventIsRefusedNamingTheKey() {
        String caseId = register();
        Response response = client.post(
                "/api/cases/" + caseId + "/events",
                "dublin",
                "{\"type\":\"DUBLIN_REPLY\",\"accepted\":true,\"accepted\":false}");
        assertBadField(response, "accepted");
    }

    @Test
    void dateFarOutOfRangeIsABadRequestNotAnOverflow() {
        String caseId = register();
        Response response = client.post(
                "/api/cases/" + caseId + "/events",
                "demo",
                Map.of("type", "APPEAL_LODGED", "lodgedOn", "-999999999-01-01", "suspensive", true));
        assertBadField(response, "lodgedOn");
        assertThat(events(caseId)).isZero();
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
                            + "Authorization: Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("agent:" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8))
                            + "\r\n"
                            + "Idempotency-Key: sleutel-")
                    .getBytes(StandardCharsets.US_ASCII));
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
        return client.post("/api/cases", "agent", ChainClient.application())
                .body()
                .path("caseId")
                .asText();
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
        return jdbc.sql("select count(*) from case_events where case_id = cast(:id as uuid)")
                .param("id", caseId)
                .query(Long.class)
                .single();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                ("agent:" + ChainClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

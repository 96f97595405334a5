package nl.asylumchain.casefile.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The events endpoint: who may send what, and what a case that is not waiting for an event answers. */
@ChainTestContext
class CaseEventApiTest {

    @LocalServerPort
    int port;

    ChainClient client;
    String caseId;

    @BeforeEach
    void caseInRegistration() {
        client = new ChainClient(port);
        caseId = client.post("/api/cases", "agent", ChainClient.application())
                .body()
                .path("caseId")
                .asText();
    }

    @Test
    void eventTheCaseIsNotWaitingForIsAConflictThatSaysWhatItWaitsFor() {
        Response response = send("dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).contains("Identificeren en registreren");
    }

    @Test
    void unknownTypeIsABadRequestListingTheKnownTypes() {
        Response response = send("dublin", Map.of("type", "POSTCARD"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("type");
        assertThat(response.body().path("errors").get(0).path("message").asText())
                .contains("DUBLIN_REPLY");
        assertThat(send("dublin", Map.of("accepted", true)).status()).isEqualTo(400);
    }

    @Test
    void badOrMissingFieldIsNamed() {
        Response missing = send("dublin", Map.of("type", "DUBLIN_REPLY"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("accepted");
        Response wrongType = send("dublin", Map.of("type", "DUBLIN_REPLY", "accepted", "maybe"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("errors").get(0).path("field").asText())
                .isEqualTo("accepted");
    }

    @Test
    void onlyTheReceivingGroupMaySendIt() {
        assertThat(send("coa", Map.of("type", "DUBLIN_REPLY", "accepted", true)).status())
                .isEqualTo(403);
        assertThat(send(null, Map.of("type", "DUBLIN_REPLY", "accepted", true)).status())
                .isEqualTo(401);
    }

    @Test
    void unknownCaseIsNotFound() {
        Response response = client.post(
                "/api/cases/6f1c2a4e-0000-4000-8000-000000000000/events",
                "dublin",
                Map.of("type", "DUBLIN_REPLY", "accepted", true));
        assertThat(response.status()).isEqualTo(404);
    }

    private Response send(String user, Map<String, Object> event) {
        return client.post("/api/cases/" + caseId + "/events", user, event);
    }
}

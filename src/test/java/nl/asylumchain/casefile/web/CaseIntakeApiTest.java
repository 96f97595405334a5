package nl.asylumchain.casefile.web;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.casefile.process.CaseModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake contract: every rule on the payload answers 400 naming the field, and nothing is half-created. The
 * rules a request breaks before the case file sees it are on the web layer alone, in {@link CaseIntakeRequestTest}.
 */
@ChainTestContext
class CaseIntakeApiTest {

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
    void validApplicationCreatesTheCaseAndStartsItsChain() {
        Response response = client.post("/api/cases", "agent", ChainClient.application());

        assertThat(response.status()).isEqualTo(201);
        String caseId = response.body().path("caseId").asText();
        assertThat(response.location()).isEqualTo("/api/cases/" + caseId);
        assertThat(response.body().path("vNumber").asText()).matches("\\d{10}");
        assertThat(response.body().path("status").asText()).isEqualTo("IN_REGISTRATION");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(CaseModel.PROCESS_KEY)
                        .processInstanceBusinessKey(caseId)
                        .count())
                .isEqualTo(1);

        Response caseFile = client.get("/api/cases/" + caseId, "beslismedewerker");
        assertThat(caseFile.status()).isEqualTo(200);
        assertThat(caseFile.body().path("person").path("familyName").asText()).isEqualTo("Haddad");
        assertThat(caseFile.body().path("currentStages").get(0).asText()).isEqualTo("REGISTRATION");
        assertThat(caseFile.body().path("familyMembersAbroad")).hasSize(1);
        assertThat(caseFile.body()
                        .path("openTasks")
                        .get(0)
                        .path("candidateGroups")
                        .get(0)
                        .asText())
                .isEqualTo("police-avim");
        assertThat(caseFile.body().path("openTasks").get(0).path("dueDate").isMissingNode())
                .isFalse();

        Response byVNumber = client.get(
                "/api/cases?vNumber=" + response.body().path("vNumber").asText(), "coa");
        assertThat(byVNumber.body().path("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void anApplicantReturnedAfterADublinTransferIsIdentifiedByTheIndAndTheCaseFileSaysSo() {
        Map<String, Object> application = ChainClient.application();
        application.put("returnedAfterDublin", true);
        Response response = client.post("/api/cases", "agent", application);
        assertThat(response.status()).isEqualTo(201);

        Response caseFile =
                client.get("/api/cases/" + response.body().path("caseId").asText(), "aanmelding");
        assertThat(caseFile.body().path("returnedAfterDublin").asBoolean()).isTrue();
        assertThat(caseFile.body()
                        .path("openTasks")
                        .get(0)
                        .path("candidateGroups")
                        .get(0)
                        .asText())
                .isEqualTo("ind-registration");
    }

    @Test
    void vNumbersAreUniqueTenDigitNumbers() {
        String first = client.post("/api/cases", "agent", ChainClient.application())
                .body()
                .path("vNumber")
                .asText();
        String second = client.post("/api/cases", "marechaussee", ChainClient.application())
                .body()
                .path("vNumber")
                .asText();
        assertThat(first).matches("\\d{10}");
        assertThat(second).matches("\\d{10}").isNotEqualTo(first);
    }

    @Test
    void repeatWithTheSameIdempotencyKeyReturnsTheFirstCaseAndStartsNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", "intake-ter-apel-0001");
        Response first = client.post("/api/cases", "agent", ChainClient.application(), key);
        long processes = runtimeService.createProcessInstanceQuery().count();

        Response repeat = client.post("/api/cases", "agent", ChainClient.application(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().path("caseId")).isEqualTo(first.body().path("caseId"));
        assertThat(repeat.body().path("vNumber")).isEqualTo(first.body().path("vNumber"));
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    @Test
    void anotherUsersIdempotencyKeyRegistersTheirOwnCaseAndNeverReturnsTheFirstUsersCase() {
        Map<String, String> key = Map.of("Idempotency-Key", "intake-shared-key-0001");
        Response agents = client.post("/api/cases", "agent", ChainClient.application(), key);
        long processes = runtimeService.createProcessInstanceQuery().count();

        Response marechaussees = client.post("/api/cases", "marechaussee", ChainClient.application(), key);

        assertThat(agents.status()).isEqualTo(201);
        assertThat(marechaussees.status()).isEqualTo(201);
        assertThat(marechaussees.body().path("caseId"))
                .isNotEqualTo(agents.body().path("caseId"));
        assertThat(marechaussees.body().path("vNumber"))
                .isNotEqualTo(agents.body().path("vNumber"));
        assertThat(runtimeService.createProcessInstanceQuery().count()).isGreaterThan(processes);
        // and each user's own repeat still finds their own case
        assertThat(client.post("/api/cases", "marechaussee", ChainClient.application(), key)
                        .body()
                        .path("caseId"))
                .isEqualTo(marechaussees.body().path("caseId"));
        assertThat(client.post("/api/cases", "agent", ChainClient.application(), key)
                        .body()
                        .path("caseId"))
                .isEqualTo(agents.body().path("caseId"));
    }

    @Test
    void idempotencyKeyReusedForAnotherApplicationIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "intake-ter-apel-0002");
        client.post("/api/cases", "agent", ChainClient.application(), key);
        Map<String, Object> other = ChainClient.application();
        ChainClient.section(other, "person").put("familyName", "Other");

        assertBadFields(client.post("/api/cases", "agent", other, key), "Idempotency-Key");
    }

    @Test
    void birthDateMustNotBeInTheFuture() {
        assertRejected(a -> ChainClient.section(a, "person").put("birthDate", "2999-01-01"), "person.birthDate");
    }

    @Test
    void birthDateMoreThan130YearsAgoIsATypingError() {
        assertRejected(a -> ChainClient.section(a, "person").put("birthDate", "1850-01-01"), "person.birthDate");
    }

    @Test
    void sexMustBeFMOrX() {
        Response response = post(a -> ChainClient.section(a, "person").put("sex", "V"));
        assertBadFields(response, "person.sex");
        assertThat(response.body().path("errors").get(0).path("message").asText())
                .contains("F, M, X");
    }

    @Test
    void nationalityMustBeAnIsoAlpha3Code() {
        assertRejected(a -> ChainClient.section(a, "person").put("nationality", "SY"), "person.nationality");
        assertRejected(a -> ChainClient.section(a, "person").put("nationality", "QQQ"), "person.nationality");
        assertRejected(a -> ChainClient.section(a, "person").put("nationality", "syr"), "person.nationality");
    }

    @Test
    void statelessAndUnknownNationalityAreAccepted() {
        assertThat(post(a -> ChainClient.section(a, "person").put("nationality", "XXA"))
                        .status())
                .isEqualTo(201);
        assertThat(post(a -> ChainClient.section(a, "person").put("nationality", "XXX"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void kosovoIsAcceptedByTheUserAssignedCodeXkxThatTheSafeCountryListUses() {
        assertThat(post(a -> ChainClient.section(a, "person").put("nationality", "XKX"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void arrivalLocationMustBeTerApelBudelOrSchiphol() {
        assertRejected(a -> ChainClient.section(a, "arrival").put("location", "ZEVENAAR"), "arrival.location");
    }

    @Test
    void arrivalDateMustNotBeInTheFutureNorBeforeBirth() {
        assertRejected(a -> ChainClient.section(a, "arrival").put("date", "2999-01-01"), "arrival.date");
        assertRejected(a -> ChainClient.section(a, "arrival").put("date", "1990-01-01"), "arrival.date");
    }

    @Test
    void familyMemberNeedsAKnownRelationAndAPastBirthDate() {
        assertRejected(
                a -> a.put("familyMembersAbroad", List.of(Map.of("relation", "COUSIN", "birthDate", "2000-01-01"))),
                "familyMembersAbroad[0].relation");
        assertRejected(
                a -> a.put("familyMembersAbroad", List.of(Map.of("relation", "CHILD", "birthDate", "2999-01-01"))),
                "familyMembersAbroad[0].birthDate");
    }

    @Test
    void unaccompaniedMinorMustBeUnder18OnArrival() {
        assertRejected(a -> a.put("unaccompaniedMinor", true), "unaccompaniedMinor");
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        Response response = post(a -> {
            // in the future, yet a readable date (a date after 2100 is refused while reading, on its own)
            ChainClient.section(a, "person").put("birthDate", "2099-01-01");
            ChainClient.section(a, "person").remove("familyName");
            ChainClient.section(a, "arrival").remove("location");
        });
        assertBadFields(response, "arrival.location", "person.birthDate", "person.familyName");
    }

    @Test
    void unknownCaseIsNotFound() {
        Response response = client.get("/api/cases/6f1c2a4e-0000-4000-8000-000000000000", "agent");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(client.get("/api/cases?vNumber=0000000000", "agent").status())
                .isEqualTo(404);
        assertThat(client.get("/api/cases/not-a-uuid", "agent").status()).isEqualTo(400);
        assertThat(client.get("/api/cases?vNumber=12", "agent").status()).isEqualTo(400);
    }

    private Response post(Consumer<Map<String, Object>> change) {
        Map<String, Object> application = ChainClient.application();
        change.accept(application);
        return client.post("/api/cases", "agent", application);
    }

    private void assertRejected(Consumer<Map<String, Object>> change, String field) {
        long cases = jdbc.sql("select count(*) from cases").query(Long.class).single();
        long processes = runtimeService.createProcessInstanceQuery().count();
        assertBadFields(post(change), field);
        assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single())
                .isEqualTo(cases);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processes);
    }

    private static void assertBadFields(Response response, String... fields) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }
}

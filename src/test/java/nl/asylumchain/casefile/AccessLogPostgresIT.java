package nl.asylumchain.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access log (inzage-logging): every read and every change of a case through our API appends one row; the
 * privacy officer and administrators read it per case and per user; it is append-only on PostgreSQL and purged
 * past its retention.
 */
class AccessLogPostgresIT extends PostgresIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessLog accessLog;

    @Autowired
    Clock clock;

    @Test
    void aReadAppendsExactlyOneRowWithUserGroupCaseWhatAndTask() {
        String caseId = driver.register();
        String taskId = identificationTask(caseId);
        long before = rows(caseId);

        Response read = client.get("/api/cases/" + caseId, "agent", Map.of(Accessor.TASK_HEADER, taskId));
        assertThat(read.status()).isEqualTo(200);

        assertThat(rows(caseId)).isEqualTo(before + 1);
        JsonNode row = newest(caseId);
        assertThat(row.path("userId").asText()).isEqualTo("agent");
        assertThat(row.path("groups").toString()).isEqualTo("[\"police-avim\"]");
        assertThat(row.path("caseId").asText()).isEqualTo(caseId);
        assertThat(row.path("action").asText()).isEqualTo("READ");
        assertThat(row.path("what").asText()).startsWith("case file").contains("NAME", "IDENTITY");
        assertThat(row.path("taskId").asText()).isEqualTo(taskId);
        assertThat(row.path("at").asText()).isNotBlank();
    }

    @Test
    void aTaskOfAnotherCaseIsRefusedNamingTheHeaderAndLogsNothing() {
        String caseId = driver.register();
        String otherCasesTask = identificationTask(driver.register());
        long before = rows(caseId);

        Response read = client.get("/api/cases/" + caseId, "agent", Map.of(Accessor.TASK_HEADER, otherCasesTask));

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.body().path("errors").get(0).path("field").asText()).isEqualTo(Accessor.TASK_HEADER);
        assertThat(rows(caseId)).isEqualTo(before);
    }

    @Test
    void aTaskOfAnotherGroupIsRefusedAndAChangeNamingItIsNotMade() {
        String caseId = driver.register();
        String policeTask = identificationTask(caseId);
        long before = rows(caseId);
        long membersBefore = familyMembers(caseId);

        // the IND decision maker reads the case, but the open task is the police's, not theirs
        assertThat(client.get("/api/cases/" + caseId, "beslismedewerker", Map.of(Accessor.TASK_HEADER, policeTask))
                        .status())
                .isEqualTo(400);
        Response added = client.post(
                "/api/cases/" + caseId + "/family-members",
                "coa",
                Map.of("relation", "CHILD", "birthDate", "2019-02-03"),
                Map.of(Accessor.TASK_HEADER, policeTask));
        assertThat(added.status()).isEqualTo(400);
        assertThat(added.body().path("errors").get(0).path("field").asText()).isEqualTo(Accessor.TASK_HEADER);

        assertThat(rows(caseId)).isEqualTo(before);
        assertThat(familyMembers(caseId)).isEqualTo(membersBefore);
    }

    private long familyMembers(String caseId) {
        return jdbc.sql("select count(*) from family_members where case_id = :caseId")
                .param("caseId", UUID.fromString(caseId))
                .query(Long.class)
                .single();
    }

    private String identificationTask(String caseId) {
        return driver.openTask(caseId, "Activity_IdentifyAndRegister")
                .path("id")
                .asText();
    }

    @Test
    void aChangeAppendsExactlyOneRowNamingTheOperationAndTheIntakeOneToo() {
        String caseId = driver.register();
        JsonNode intake = newest(caseId);
        assertThat(intake.path("action").asText()).isEqualTo("CHANGE");
        assertThat(intake.path("what").asText()).isEqualTo("intake");
        assertThat(intake.path("userId").asText()).isEqualTo("agent");
        assertThat(intake.path("groups").toString()).isEqualTo("[\"police-avim\"]");
        long before = rows(caseId);

        Response added = client.post(
                "/api/cases/" + caseId + "/family-members",
                "coa",
                Map.of("relation", "CHILD", "birthDate", "2019-02-03"));
        assertThat(added.status()).isEqualTo(201);

        assertThat(rows(caseId)).isEqualTo(before + 1);
        JsonNode row = newest(caseId);
        assertThat(row.path("userId").asText()).isEqualTo("coa");
        assertThat(row.path("groups").toString()).isEqualTo("[\"coa\"]");
        assertThat(row.path("action").asText()).isEqualTo("CHANGE");
        assertThat(row.path("what").asText()).isEqualTo("familyMembersAbroad: added");
        assertThat(row.has("taskId")).isFalse();
    }

    @Test
    void aTaskCompletedThroughTheEngineApiAppendsOneChangeRowWithTheTask() {
        String caseId = driver.register();
        String taskId = driver.openTask(caseId, "Activity_IdentifyAndRegister")
                .path("id")
                .asText();
        long before = rows(caseId);

        assertThat(client.completeTask(
                                taskId,
                                "agent",
                                nl.asylumchain.CaseDriver.SPOOR_4_ANSWERS.get("Activity_IdentifyAndRegister"))
                        .status())
                .isEqualTo(204);

        JsonNode row =
                list(client.get("/api/access-log?caseId=" + caseId + "&size=200", "privacy")
                                .body()
                                .path("entries"))
                        .stream()
                        .filter(e -> "CHANGE".equals(e.path("action").asText()))
                        .findFirst()
                        .orElseThrow();
        assertThat(row.path("userId").asText()).isEqualTo("agent");
        assertThat(row.path("groups").toString()).isEqualTo("[\"police-avim\"]");
        assertThat(row.path("what").asText()).isEqualTo("task Activity_IdentifyAndRegister completed");
        assertThat(row.path("taskId").asText()).isEqualTo(taskId);
        // the completion is one row, however far the chain moves on after it
        assertThat(rows(caseId)).isEqualTo(before + 1);
    }

    @Test
    void aRefusedReadOrChangeAppendsNothing() {
        String caseId = driver.register();
        long before = rows(caseId);

        assertThat(client.get("/api/cases/" + caseId, "gemeente").status()).isEqualTo(404);
        assertThat(client.post(
                                "/api/cases/" + caseId + "/family-members",
                                "coa",
                                Map.of("relation", "CHILD", "birthDate", "1800-01-01"))
                        .status())
                .isEqualTo(400);
        assertThat(client.get("/api/cases/" + caseId, "agent", Map.of(Accessor.TASK_HEADER, "not a task id!"))
                        .status())
                .isEqualTo(400);

        assertThat(rows(caseId)).isEqualTo(before);
    }

    @Test
    void privacyOfficerReadsTheLogByCaseAndByUserNewestFirstInPages() {
        String caseId = driver.register();
        client.get("/api/cases/" + caseId, "coa");
        client.get("/api/cases/" + caseId, "beslismedewerker");

        Response byCase = client.get("/api/access-log?caseId=" + caseId, "privacy");
        assertThat(byCase.status()).isEqualTo(200);
        List<JsonNode> entries = list(byCase.body().path("entries"));
        assertThat(entries.get(0).path("userId").asText()).isEqualTo("beslismedewerker");
        assertThat(entries.get(1).path("userId").asText()).isEqualTo("coa");
        assertThat(entries)
                .extracting(e -> e.path("at").asText())
                .isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertThat(entries.get(entries.size() - 1).path("what").asText()).isEqualTo("intake");

        Response page = client.get("/api/access-log?caseId=" + caseId + "&size=1&page=1", "privacy");
        assertThat(list(page.body().path("entries")))
                .singleElement()
                .satisfies(e -> assertThat(e.path("userId").asText()).isEqualTo("coa"));
        assertThat(page.body().path("more").asBoolean()).isTrue();

        Response byUser = client.get("/api/access-log?userId=beslismedewerker&size=200", "privacy");
        assertThat(byUser.status()).isEqualTo(200);
        assertThat(list(byUser.body().path("entries")))
                .allSatisfy(e -> assertThat(e.path("userId").asText()).isEqualTo("beslismedewerker"))
                .anySatisfy(e -> assertThat(e.path("caseId").asText()).isEqualTo(caseId));
        // administrators read it too
        assertThat(client.get("/api/access-log?caseId=" + caseId, "demo").status())
                .isEqualTo(200);
    }

    @Test
    void nobodyElseReadsTheAccessLogAndAQueryNamesCaseOrUser() {
        String caseId = driver.register();
        for (String user : List.of("beslismedewerker", "teamleider", "gemeente", "agent", "ontwerper")) {
            assertThat(client.get("/api/access-log?caseId=" + caseId, user).status())
                    .as(user)
                    .isEqualTo(403);
        }
        Response neither = client.get("/api/access-log", "privacy");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body().path("errors").toString()).contains("caseId", "userId");
    }

    @Test
    void retentionPurgeRemovesOnlyRowsPastTheRetention() {
        UUID caseId = UUID.randomUUID();
        Instant cutoff =
                clock.instant().atZone(clock.getZone()).minus(Period.ofYears(5)).toInstant();
        insert(caseId, cutoff.minusSeconds(86_400), "old");
        insert(caseId, cutoff.plusSeconds(86_400), "recent");

        assertThat(accessLog.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select what from access_log where case_id = :caseId")
                        .param("caseId", caseId)
                        .query(String.class)
                        .list())
                .containsExactly("recent");
    }

    @Test
    void postgresRefusesToUpdateOrDeleteAnAccessLogRow() {
        UUID caseId = UUID.randomUUID();
        insert(caseId, clock.instant(), "kept");

        assertThatThrownBy(() -> jdbc.sql("update access_log set user_id = 'someone-else' where case_id = :caseId")
                        .param("caseId", caseId)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access_log where case_id = :caseId")
                        .param("caseId", caseId)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select user_id from access_log where case_id = :caseId")
                        .param("caseId", caseId)
                        .query(String.class)
                        .list())
                .containsExactly("privacy-test");
    }

    private void insert(UUID caseId, Instant at, String what) {
        jdbc.sql("insert into access_log (at, user_id, groups_used, case_id, action, what) "
                        + "values (:at, 'privacy-test', 'camunda-admin', :caseId, 'READ', :what)")
                .param("at", Timestamp.from(at))
                .param("caseId", caseId)
                .param("what", what)
                .update();
    }

    private long rows(String caseId) {
        return jdbc.sql("select count(*) from access_log where case_id = cast(:caseId as uuid)")
                .param("caseId", caseId)
                .query(Long.class)
                .single();
    }

    private JsonNode newest(String caseId) {
        Response response = client.get("/api/access-log?caseId=" + caseId + "&size=1", "privacy");
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body().path("entries").get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}

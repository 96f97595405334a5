package nl.asylumchain.decision.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.EngineSteps;
import nl.asylumchain.decision.process.DecisionPeriodsDecisionTableTest;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IND procedure through our API on the whole app (H2): policy holds with deadline suspension, deadline
 * extensions, the decision section, and the events APPEAL_LODGED, COURT_RULING and NOTICE_OF_DEFAULT.
 */
@ChainTestContext
class DecisionApiTest {

    private static final ZoneId CHAIN_ZONE = ZoneId.of("Europe/Amsterdam");

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    MeterRegistry meters;

    @Autowired
    nl.asylumchain.decision.DecisionDeadlineService deadlines;

    @Autowired
    ProcessEngine engine;

    ChainClient client;
    EngineSteps steps;

    @BeforeEach
    void setUp() {
        client = new ChainClient(port);
        steps = new EngineSteps(engine);
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.of(2026, 11, 20).atTime(10, 0).atZone(CHAIN_ZONE).toInstant()));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String newCase(String nationality, boolean temporaryProtectionUkraine) {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", nationality);
        ChainClient.section(application, "arrival").put("date", "2026-11-20");
        application.put("temporaryProtectionUkraine", temporaryProtectionUkraine);
        Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    /** Registration and the rest period: the case arrives in the IND procedure (spoor 4 for AFG). */
    private void register(String caseId) {
        steps.registration(caseId);
        steps.fire(caseId, "Event_RestPeriodPassed");
    }

    private void hearAndIntendToReject(String caseId) {
        steps.complete(caseId, "Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        steps.complete(
                caseId, "Activity_CorrectionsAndAdditions", Map.of("correctionsReceived", true, "correctionNotes", ""));
        steps.complete(
                caseId,
                "Activity_AssessApplication",
                Map.of("decisionOutcome", "REJECT", "vaReason", "", "decisionReason", ""));
        steps.complete(caseId, "Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        steps.fire(caseId, "Event_ResponsePeriodPassed");
        steps.complete(caseId, "Activity_DecideApplication", Map.of("decisionOutcome", "REJECT", "decisionReason", ""));
    }

    private JsonNode decisionSection(String caseId) {
        return client.get("/api/cases/" + caseId, "demo")
                .body()
                .path("sections")
                .path("decision");
    }

    private JsonNode caseFile(String caseId) {
        return client.get("/api/cases/" + caseId, "demo").body();
    }

    private Response event(String caseId, String user, Map<String, Object> event) {
        return client.post("/api/cases/" + caseId + "/events", user, event);
    }

    private int delete(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .DELETE()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void advance(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(duration)));
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(CHAIN_ZONE).toInstant();
    }

    private double counter(String name, String tag, String value) {
        return meters.get(name).tag(tag, value).counter().count();
    }

    // --- tests ------------------------------------------------------------------------------------------------

    @Test
    void aPolicyHoldParksTheCategoryAndItsReleaseResumesThemWithTheDeadlineSuspended() throws Exception {
        Response placed = client.post(
                "/api/holds",
                "teamleider",
                Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", "Wachten op uitspraak Raad van State"));
        assertThat(placed.status()).isEqualTo(201);
        String holdId = placed.body().path("id").asText();
        assertThat(client.post(
                                "/api/holds",
                                "teamleider",
                                Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", "nog een"))
                        .status())
                .isEqualTo(409);
        assertThat(client.post(
                                "/api/holds",
                                "beslismedewerker",
                                Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", "x"))
                        .status())
                .isEqualTo(403);
        Response badCategory = client.post("/api/holds", "teamleider", Map.of("category", "EVERYONE", "reason", "x"));
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.body().path("errors").get(0).path("field").asText())
                .isEqualTo("category");
        assertThat(client.post(
                                "/api/holds",
                                "teamleider",
                                Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", " "))
                        .status())
                .isEqualTo(400);

        String held = newCase("AFG", true);
        String other = newCase("AFG", false);
        register(held);
        register(other);

        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(held)
                        .count())
                .isZero();
        steps.task(other, "Activity_MainInterview");
        JsonNode section = decisionSection(held);
        assertThat(section.path("onHold").asBoolean()).isTrue();
        assertThat(section.path("deadline").asText()).isEqualTo("2027-05-20");
        assertThat(section.path("priorityReason").asText()).isEqualTo("STANDARD");
        JsonNode holds = client.get("/api/holds", "teamleider").body();
        JsonNode thisHold = null;
        for (JsonNode hold : holds) {
            if (hold.path("id").asText().equals(holdId)) {
                thisHold = hold;
            }
        }
        assertThat(thisHold).isNotNull();
        assertThat(thisHold.path("casesHeld").asInt()).isEqualTo(1);

        advance(Duration.ofDays(10));
        assertThat(decisionSection(held).path("daysOnHold").asInt()).isEqualTo(10);
        assertThat(delete("/api/holds/" + holdId, "beslismedewerker")).isEqualTo(403);
        assertThat(delete("/api/holds/" + holdId, "teamleider")).isEqualTo(200);
        assertThat(delete("/api/holds/" + holdId, "teamleider")).isEqualTo(409);

        steps.task(held, "Activity_MainInterview");
        section = decisionSection(held);
        assertThat(section.path("onHold").asBoolean()).isFalse();
        assertThat(section.path("daysOnHold").asInt()).isEqualTo(10);
        assertThat(section.path("deadline").asText()).isEqualTo("2027-05-30");
        // a decision moratorium (Vw 2000 art. 43): the days held are an extension on the ground MORATORIUM
        assertThat(section.path("extensions")).hasSize(1);
        JsonNode moratorium = section.path("extensions").get(0);
        assertThat(moratorium.path("ground").asText()).isEqualTo("MORATORIUM");
        assertThat(moratorium.path("days").asInt()).isEqualTo(10);
        assertThat(moratorium.path("months").asInt()).isZero();
        assertThat(moratorium.path("extendedBy").asText()).isEqualTo("teamleider");
        assertThat(moratorium.path("reason").asText()).contains("TEMPORARY_PROTECTION_UKRAINE");
        assertThat(steps.timer(held, "Event_DeadlinePassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 5, 30)));
        assertThat(steps.timer(held, "Event_DeadlineNear").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 5, 2)));
        assertThat(steps.task(held, "Activity_MainInterview").getPriority())
                .isEqualTo(steps.task(other, "Activity_MainInterview").getPriority());
    }

    @Test
    void aHoldOfACategoryTheTableDoesNotMarkAsAMoratoriumLetsTheDeadlineRunOn() throws Exception {
        String shipped = new String(
                getClass()
                        .getClassLoader()
                        .getResourceAsStream("dmn/nationalityGroups.dmn")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        // a designer decides that holding this category is no decision moratorium
        String changed = shipped.replace(
                "<outputEntry id=\"Rule_HoldMoratorium_TemporaryProtectionUkraine_Moratorium\">\n          <text>true</text>",
                "<outputEntry id=\"Rule_HoldMoratorium_TemporaryProtectionUkraine_Moratorium\">\n          <text>false</text>");
        assertThat(changed).isNotEqualTo(shipped);
        String deployment = engine.getRepositoryService()
                .createDeployment()
                .name("no moratorium test")
                .addString("nationalityGroups.dmn", changed)
                .deploy()
                .getId();
        String holdId = null;
        try {
            Response placed = client.post(
                    "/api/holds",
                    "teamleider",
                    Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", "Geen moratorium"));
            assertThat(placed.status()).isEqualTo(201);
            holdId = placed.body().path("id").asText();
            String held = newCase("AFG", true);
            register(held);
            assertThat(decisionSection(held).path("onHold").asBoolean()).isTrue();

            advance(Duration.ofDays(10));
            JsonNode section = decisionSection(held);
            assertThat(section.path("deadline").asText()).isEqualTo("2027-05-20");
            assertThat(section.path("daysOnHold").asInt()).isZero();
            assertThat(delete("/api/holds/" + holdId, "teamleider")).isEqualTo(200);
            holdId = null;

            section = decisionSection(held);
            assertThat(section.path("onHold").asBoolean()).isFalse();
            assertThat(section.path("deadline").asText()).isEqualTo("2027-05-20");
            assertThat(section.path("extensions")).isEmpty();
            assertThat(steps.timer(held, "Event_DeadlinePassed").getDuedate().toInstant())
                    .isEqualTo(startOf(LocalDate.of(2027, 5, 20)));
        } finally {
            if (holdId != null) {
                delete("/api/holds/" + holdId, "teamleider");
            }
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void aMoratoriumIsRecordedWhenItEndsAndCannotBeAskedForAsAnExtension() {
        String caseId = newCase("AFG", false);
        register(caseId);
        Response refused = client.post(
                "/api/cases/" + caseId + "/decision-deadline/extensions",
                "teamleider",
                Map.of("ground", "MORATORIUM", "reason", "Aangehouden"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("ground");
        assertThat(decisionSection(caseId).path("extensions")).isEmpty();
    }

    @Test
    void aHeldCasesOpenIndTaskCannotBeCompletedUntilTheHoldIsReleased() throws Exception {
        String caseId = newCase("SYR", false);
        register(caseId);
        Task interview = steps.task(caseId, "Activity_MainInterview");
        Map<String, Object> answers = Map.of("interpreterPresent", true, "hearingNotes", "");
        Response placed = client.post(
                "/api/holds",
                "teamleider",
                Map.of("category", "COUNTRY_REASSESSMENT", "reason", "Situatie in Syrië wordt herbeoordeeld"));
        assertThat(placed.status()).isEqualTo(201);
        String holdId = placed.body().path("id").asText();
        try {
            // Tasklist and clients: the engine REST API
            Response refused = client.completeTask(interview.getId(), "beslismedewerker", answers);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("detail").asText()).contains("on hold", "COUNTRY_REASSESSMENT");
            // our own code completes through the same service
            assertThatThrownBy(() -> taskService.complete(interview.getId(), answers))
                    .isInstanceOf(ConflictException.class);
            assertThat(steps.task(caseId, "Activity_MainInterview").getId()).isEqualTo(interview.getId());
        } finally {
            assertThat(delete("/api/holds/" + holdId, "teamleider")).isEqualTo(200);
        }

        assertThat(client.completeTask(interview.getId(), "beslismedewerker", answers)
                        .status())
                .isEqualTo(204);
        steps.task(caseId, "Activity_CorrectionsAndAdditions");
    }

    @Test
    void aHoldNamesACategoryOfTheHoldCategoryTable() {
        Response unknown = client.post(
                "/api/holds", "teamleider", Map.of("category", "TEMPORARY_PROTECTION_UKRAINE ", "reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(unknown.body().path("errors").get(0).path("message").asText())
                .contains("COUNTRY_REASSESSMENT", "TEMPORARY_PROTECTION_UKRAINE");
        Response missing = client.post("/api/holds", "teamleider", Map.of("reason", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("category");
    }

    @Test
    void aReferralToTheVaWithoutItsReasonIsRefusedNamingVaReason() {
        String caseId = newCase("AFG", false);
        register(caseId);
        steps.complete(caseId, "Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        steps.complete(
                caseId, "Activity_CorrectionsAndAdditions", Map.of("correctionsReceived", true, "correctionNotes", ""));
        Task assess = steps.task(caseId, "Activity_AssessApplication");

        Response refused = client.completeTask(
                assess.getId(), "beslismedewerker", Map.of("decisionOutcome", "EXTEND", "decisionReason", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("vaReason");
        assertThat(client.completeTask(
                                assess.getId(),
                                "beslismedewerker",
                                Map.of("decisionOutcome", "EXTEND", "vaReason", "ILLNESS", "decisionReason", ""))
                        .status())
                .isEqualTo(204);
        steps.task(caseId, "Activity_ExtendedInvestigation");
        assertThat(decisionSection(caseId).path("procedure").asText()).isEqualTo("VA");
        assertThat(decisionSection(caseId).path("vaReason").asText()).isEqualTo("ILLNESS");
    }

    @Test
    void theDeadlineIsExtendedByNineThenThreeMonthsOnTheirGroundsWithAReasonAndNoFurther() {
        String caseId = newCase("AFG", false);
        String path = "/api/cases/" + caseId + "/decision-deadline/extensions";
        assertThat(client.post(path, "teamleider", Map.of("ground", "COMPLEX_CASE", "reason", "Complexe zaak"))
                        .status())
                .isEqualTo(404);
        register(caseId);

        assertThat(client.post(path, "teamleider", Map.of("ground", "COMPLEX_CASE", "reason", ""))
                        .status())
                .isEqualTo(400);
        assertThat(client.post(path, "beslismedewerker", Map.of("ground", "COMPLEX_CASE", "reason", "Complexe zaak"))
                        .status())
                .isEqualTo(403);
        Response first = client.post(path, "teamleider", Map.of("ground", "COMPLEX_CASE", "reason", "Complexe zaak"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("extension").path("months").asInt()).isEqualTo(9);
        assertThat(first.body().path("extension").path("ground").asText()).isEqualTo("COMPLEX_CASE");
        assertThat(first.body().path("deadline").asText()).isEqualTo("2028-02-20");
        Response second = client.post(
                path,
                "teamleider",
                Map.of("ground", "EXCEPTIONAL_CIRCUMSTANCES", "reason", "Uitzonderlijke omstandigheden"));
        assertThat(second.body().path("extension").path("months").asInt()).isEqualTo(3);
        Response third =
                client.post(path, "teamleider", Map.of("ground", "EXCEPTIONAL_CIRCUMSTANCES", "reason", "Nog langer"));
        assertThat(third.status()).isEqualTo(409);

        JsonNode section = decisionSection(caseId);
        assertThat(section.path("deadline").asText()).isEqualTo("2028-05-20");
        assertThat(section.path("originalDeadline").asText()).isEqualTo("2027-05-20");
        assertThat(section.path("extensions")).hasSize(2);
        assertThat(section.path("extensions").get(0).path("reason").asText()).isEqualTo("Complexe zaak");
        assertThat(steps.timer(caseId, "Event_DeadlinePassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2028, 5, 20)));
    }

    @Test
    void aCategoryWideExtensionInTheTableMovesTheDeadlineAndLeavesOnlyTheThreeMonthStep() throws Exception {
        String caseId = newCase("AFG", false);
        register(caseId);
        assertThat(decisionSection(caseId).path("deadline").asText()).isEqualTo("2027-05-20");

        // the minister extends all spoor-4 applications of November 2026: a designer adds one row to groupExtension
        String shipped = new String(
                getClass()
                        .getClassLoader()
                        .getResourceAsStream("dmn/decisionPeriods.dmn")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        String changed = DecisionPeriodsDecisionTableTest.withGroupRow(shipped);
        String deployment = engine.getRepositoryService()
                .createDeployment()
                .name("group extension test")
                .addString("decisionPeriods.dmn", changed)
                .deploy()
                .getId();
        try {
            JsonNode section = decisionSection(caseId);
            assertThat(section.path("deadline").asText()).isEqualTo("2028-02-20");
            assertThat(section.path("originalDeadline").asText()).isEqualTo("2027-05-20");
            assertThat(section.path("categoryExtension").path("months").asInt()).isEqualTo(9);
            assertThat(section.path("categoryExtension").path("basis").asText())
                    .isEqualTo(DecisionPeriodsDecisionTableTest.GROUP_ROW_BASIS);

            // the group extension was the first step: a ground of art. 42 lid 4 no longer fits, lid 5 does, once
            String path = "/api/cases/" + caseId + "/decision-deadline/extensions";
            Response complex = client.post(path, "teamleider", Map.of("ground", "COMPLEX_CASE", "reason", "Complex"));
            assertThat(complex.status()).isEqualTo(400);
            assertThat(complex.body().toString()).contains("ground").contains("EXCEPTIONAL_CIRCUMSTANCES");
            Response exceptional = client.post(
                    path,
                    "teamleider",
                    Map.of("ground", "EXCEPTIONAL_CIRCUMSTANCES", "reason", "Tolk niet beschikbaar"));
            assertThat(exceptional.status()).isEqualTo(201);
            assertThat(exceptional.body().path("deadline").asText()).isEqualTo("2028-05-20");
            assertThat(client.post(
                                    path,
                                    "teamleider",
                                    Map.of("ground", "EXCEPTIONAL_CIRCUMSTANCES", "reason", "Nog langer"))
                            .status())
                    .isEqualTo(409);
            assertThat(steps.timer(caseId, "Event_DeadlinePassed").getDuedate().toInstant())
                    .isEqualTo(startOf(LocalDate.of(2028, 5, 20)));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
        assertThat(decisionSection(caseId).hasNonNull("categoryExtension")).isFalse();
    }

    /** Deploys dmn/decisionPeriods.dmn as a designer changed it; returns the deployment to delete afterwards. */
    private String deployDecisionPeriods(java.util.function.UnaryOperator<String> change) throws Exception {
        String shipped = new String(
                getClass()
                        .getClassLoader()
                        .getResourceAsStream("dmn/decisionPeriods.dmn")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        String changed = change.apply(shipped);
        assertThat(changed).isNotEqualTo(shipped);
        return engine.getRepositoryService()
                .createDeployment()
                .name("decision periods test")
                .addString("decisionPeriods.dmn", changed)
                .deploy()
                .getId();
    }

    @Test
    void theAaPlusBeschikkingIsDueOnTheDayDecisionPeriodsGivesTheAaPlus() throws Exception {
        // a designer gives the AA+ eleven days instead of nine: the due date follows the table, not "AA + 3 days"
        String deployment = deployDecisionPeriods(
                dmn -> dmn.replace(
                        "<outputEntry id=\"Rule_DecisionPeriods_ExtendedGeneral_DecideWithin\">\n          <text>\"P9D\"</text>",
                        "<outputEntry id=\"Rule_DecisionPeriods_ExtendedGeneral_DecideWithin\">\n          <text>\"P11D\"</text>"));
        try {
            String caseId = newCase("AFG", false);
            register(caseId);
            Instant opened = ClockUtil.now().toInstant();
            steps.complete(caseId, "Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
            steps.complete(
                    caseId,
                    "Activity_CorrectionsAndAdditions",
                    Map.of("correctionsReceived", true, "correctionNotes", ""));
            steps.complete(
                    caseId,
                    "Activity_AssessApplication",
                    Map.of("decisionOutcome", "EXTEND_AA", "vaReason", "", "decisionReason", ""));
            assertThat(decisionSection(caseId).path("procedure").asText()).isEqualTo("AA_PLUS");
            steps.complete(
                    caseId,
                    "Activity_AssessApplication",
                    Map.of("decisionOutcome", "REJECT", "vaReason", "", "decisionReason", ""));
            steps.complete(caseId, "Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
            steps.fire(caseId, "Event_ResponsePeriodPassed");
            assertThat(steps.task(caseId, "Activity_DecideApplication")
                            .getDueDate()
                            .toInstant())
                    .isEqualTo(opened.atZone(CHAIN_ZONE).plusDays(11).toInstant());
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void theWarningAndThePenaltyPeriodAfterANoticeOfDefaultComeFromDecisionPeriods() throws Exception {
        // a designer warns six weeks ahead and gives three weeks after a notice of default
        String deployment = deployDecisionPeriods(dmn -> dmn.replace("<text>\"P4W\"</text>", "<text>\"P6W\"</text>")
                .replace("<text>\"P2W\"</text>", "<text>\"P3W\"</text>"));
        try {
            String caseId = newCase("AFG", false);
            register(caseId);
            assertThat(decisionSection(caseId).path("deadline").asText()).isEqualTo("2027-05-20");
            assertThat(steps.timer(caseId, "Event_DeadlineNear").getDuedate().toInstant())
                    .isEqualTo(startOf(LocalDate.of(2027, 4, 8)));

            ClockUtil.setCurrentTime(
                    Date.from(startOf(LocalDate.of(2027, 5, 21)).plusSeconds(3600 * 9)));
            steps.fire(caseId, "Event_DeadlineNear");
            steps.complete(
                    caseId, "Activity_ReviewDecisionDeadline", Map.of("extendDeadline", false, "extensionReason", ""));
            steps.fire(caseId, "Event_DeadlinePassed");
            assertThat(event(caseId, "teamleider", Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2027-05-21"))
                            .status())
                    .isEqualTo(202);
            assertThat(steps.timer(caseId, "Event_PenaltyPeriodPassed")
                            .getDuedate()
                            .toInstant())
                    .isEqualTo(startOf(LocalDate.of(2027, 6, 11)));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void anExtensionWithoutAGroundIsRefusedNamingTheField() {
        String caseId = newCase("AFG", false);
        register(caseId);
        Response refused = client.post(
                "/api/cases/" + caseId + "/decision-deadline/extensions",
                "teamleider",
                Map.of("reason", "Complexe zaak"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("ground");
        Response second = client.post(
                "/api/cases/" + caseId + "/decision-deadline/extensions",
                "teamleider",
                Map.of("ground", "EXCEPTIONAL_CIRCUMSTANCES", "reason", "Eerst lid 4"));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().toString()).contains("ground").contains("COMPLEX_CASE");
        assertThat(decisionSection(caseId).path("extensions")).isEmpty();
    }

    @Test
    void theTeamLeadExtendsInTheWarningTaskAndBothDeadlineTimersMove() {
        String caseId = newCase("AFG", false);
        register(caseId);
        ClockUtil.setCurrentTime(Date.from(startOf(LocalDate.of(2027, 4, 23)).plusSeconds(3600 * 9)));
        steps.fire(caseId, "Event_DeadlineNear");
        Task review = steps.task(caseId, "Activity_ReviewDecisionDeadline");
        assertThat(taskService.getIdentityLinksForTask(review.getId()))
                .extracting(link -> link.getGroupId())
                .contains("ind-team-lead");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(
                        review.getId(),
                        Map.of("extendDeadline", true, "extensionGround", "COMPLEX_CASE", "extensionReason", " ")))
                .hasMessageContaining("reason");
        assertThat(decisionSection(caseId).path("extensions")).isEmpty();

        taskService.complete(
                review.getId(),
                Map.of("extendDeadline", true, "extensionGround", "COMPLEX_CASE", "extensionReason", "Complexe zaak"));

        JsonNode section = decisionSection(caseId);
        assertThat(section.path("extensions")).hasSize(1);
        assertThat(section.path("deadline").asText()).isEqualTo("2028-02-20");
        assertThat(steps.timer(caseId, "Event_DeadlinePassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2028, 2, 20)));
        assertThat(steps.timer(caseId, "Event_DeadlineNear").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2028, 1, 23)));
    }

    @Test
    void aNoticeOfDefaultAfterThePassedDeadlineExposesTheCaseToPenaltiesTwoWeeksLater() {
        String caseId = newCase("AFG", false);
        register(caseId);
        Map<String, Object> notice = Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2026-11-20");
        assertThat(event(caseId, "teamleider", notice).status()).isEqualTo(409);

        ClockUtil.setCurrentTime(Date.from(startOf(LocalDate.of(2027, 5, 21)).plusSeconds(3600 * 9)));
        steps.fire(caseId, "Event_DeadlineNear");
        steps.complete(
                caseId, "Activity_ReviewDecisionDeadline", Map.of("extendDeadline", false, "extensionReason", ""));
        steps.fire(caseId, "Event_DeadlinePassed");
        steps.task(caseId, "Activity_HandleDeadlinePassed");
        assertThat(decisionSection(caseId).path("deadlinePassed").asBoolean()).isTrue();

        Response tooEarly =
                event(caseId, "teamleider", Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2027-05-01"));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.body().path("errors").get(0).path("field").asText()).isEqualTo("receivedOn");
        assertThat(event(caseId, "coa", Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2027-05-21"))
                        .status())
                .isEqualTo(403);
        assertThat(event(caseId, "teamleider", Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2027-05-21"))
                        .status())
                .isEqualTo(202);
        assertThat(steps.timer(caseId, "Event_PenaltyPeriodPassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 6, 4)));
        assertThat(decisionSection(caseId).path("exposedToPenalty").asBoolean()).isFalse();

        ClockUtil.setCurrentTime(Date.from(startOf(LocalDate.of(2027, 6, 4)).plusSeconds(3600)));
        steps.fire(caseId, "Event_PenaltyPeriodPassed");
        JsonNode section = decisionSection(caseId);
        assertThat(section.path("exposedToPenalty").asBoolean()).isTrue();
        assertThat(deadlines.casesExposedToPenalty()).isEqualTo(1);
        assertThat(deadlines.casesPastDeadline()).isGreaterThanOrEqualTo(1);
        assertThat(section.path("noticeOfDefaultOn").asText()).isEqualTo("2027-05-21");
    }

    @Test
    void aRejectionIsFinalOnlyAfterTheAppealAndTheCourtRuling() {
        String caseId = newCase("AFG", false);
        register(caseId);
        Map<String, Object> appeal = Map.of("type", "APPEAL_LODGED", "lodgedOn", "2026-11-20");
        assertThat(event(caseId, "beslismedewerker", appeal).status()).isEqualTo(409);
        double lodgedBefore = counter("asylum.appeals.lodged", "suspensive", "true");
        double upheldBefore = counter("asylum.court.rulings", "outcome", "upheld");

        hearAndIntendToReject(caseId);

        JsonNode file = caseFile(caseId);
        assertThat(file.path("decisionOutcome").asText()).isEqualTo("REJECTED");
        assertThat(file.path("milestones").findValuesAsText("milestone")).doesNotContain("REJECTION_FINAL");
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("decisionDeadline")
                        .processInstanceBusinessKey(caseId)
                        .count())
                .isZero();
        assertThat(decisionSection(caseId).path("decidedOn").asText()).isEqualTo("2026-11-20");

        assertThat(event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "UPHELD"))
                        .status())
                .isEqualTo(409);
        Response future = event(caseId, "beslismedewerker", Map.of("type", "APPEAL_LODGED", "lodgedOn", "2027-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(event(caseId, "dublin", appeal).status()).isEqualTo(403);
        assertThat(event(caseId, "beslismedewerker", appeal).status()).isEqualTo(202);
        assertThat(decisionSection(caseId).path("appeal").path("suspensive").asBoolean())
                .isTrue();
        assertThat(event(caseId, "beslismedewerker", Map.of("type", "INTERIM_RELIEF", "outcome", "REFUSED"))
                        .status())
                .as("a suspensive appeal needs no interim relief")
                .isEqualTo(409);

        Response badOutcome = event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "MAYBE"));
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(badOutcome.body().path("errors").get(0).path("field").asText())
                .isEqualTo("outcome");
        assertThat(event(caseId, "teamleider", Map.of("type", "COURT_RULING", "outcome", "UPHELD"))
                        .status())
                .isEqualTo(202);

        file = caseFile(caseId);
        assertThat(file.path("milestones").findValuesAsText("milestone")).contains("REJECTION_FINAL");
        assertThat(file.path("currentStages").toString()).contains("DEPARTURE");
        assertThat(decisionSection(caseId).path("appeal").path("outcome").asText())
                .isEqualTo("UPHELD");
        assertThat(counter("asylum.appeals.lodged", "suspensive", "true")).isEqualTo(lodgedBefore + 1);
        assertThat(counter("asylum.court.rulings", "outcome", "upheld")).isEqualTo(upheldBefore + 1);
    }

    private boolean deadlineWatched(String caseId) {
        long n = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("decisionDeadline")
                .processInstanceBusinessKey(caseId)
                .count();
        return n == 1;
    }

    private java.util.List<String> milestones(String caseId) {
        return caseFile(caseId).path("milestones").findValuesAsText("milestone");
    }

    @Test
    void aSpoorTwoRejectionGoesToDepartureAtOnceAndTheAppealWithItsInterimReliefAndRulingIsRecordedBeside() {
        String caseId = newCase("ALB", false);
        steps.registration(caseId);
        hearAndIntendToReject(caseId);
        assertThat(milestones(caseId)).contains("REJECTION_ENFORCEABLE").doesNotContain("REJECTION_FINAL");
        assertThat(caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");
        Map<String, Object> refused = Map.of("type", "INTERIM_RELIEF", "outcome", "REFUSED");

        Response tooEarly = event(caseId, "beslismedewerker", refused);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().toString())
                .contains("not waiting for InterimRelief")
                .contains("AppealLodged");
        assertThat(event(
                                caseId,
                                "beslismedewerker",
                                Map.of(
                                        "type",
                                        "APPEAL_LODGED",
                                        "lodgedOn",
                                        "2026-11-20",
                                        "interimReliefRequested",
                                        true))
                        .status())
                .isEqualTo(202);
        assertThat(decisionSection(caseId).path("appeal").path("suspensive").asBoolean())
                .as("spoor 2")
                .isFalse();
        Response rulingFirst = event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "UPHELD"));
        assertThat(rulingFirst.status()).isEqualTo(409);
        assertThat(rulingFirst.body().toString()).contains("InterimRelief");

        Response badOutcome = event(caseId, "beslismedewerker", Map.of("type", "INTERIM_RELIEF", "outcome", "MAYBE"));
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(badOutcome.body().path("errors").get(0).path("field").asText())
                .isEqualTo("outcome");
        Response noOutcome = event(caseId, "beslismedewerker", Map.of("type", "INTERIM_RELIEF"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.body().path("errors").get(0).path("field").asText())
                .isEqualTo("outcome");
        assertThat(event(caseId, "dublin", refused).status()).isEqualTo(403);
        assertThat(event(caseId, "terugkeer", refused).status()).isEqualTo(403);
        assertThat(decisionSection(caseId).path("appeal").hasNonNull("interimRelief"))
                .isFalse();
        // spoor 2: DT&V has had the case since the rejection; the appeal runs beside it
        assertThat(caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");

        assertThat(event(caseId, "beslismedewerker", refused).status()).isEqualTo(202);

        assertThat(milestones(caseId)).contains("REJECTION_ENFORCEABLE").doesNotContain("REJECTION_FINAL");
        JsonNode file = caseFile(caseId);
        assertThat(file.path("currentStages").toString()).contains("DEPARTURE");
        assertThat(file.path("sections").path("departure").path("indOutcome").asText())
                .isEqualTo("REJECTED");
        JsonNode appeal = decisionSection(caseId).path("appeal");
        assertThat(appeal.path("interimRelief").asText()).isEqualTo("REFUSED");
        assertThat(appeal.hasNonNull("outcome")).isFalse();
        assertThat(event(caseId, "teamleider", refused).status())
                .as("decided already")
                .isEqualTo(409);

        // the court rules while DT&V works the case: recorded on the appeal, departure goes on
        assertThat(event(caseId, "teamleider", Map.of("type", "COURT_RULING", "outcome", "ANNULLED"))
                        .status())
                .isEqualTo(202);
        assertThat(decisionSection(caseId).path("appeal").path("outcome").asText())
                .isEqualTo("ANNULLED");
        assertThat(caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");
        assertThat(event(caseId, "teamleider", Map.of("type", "COURT_RULING", "outcome", "UPHELD"))
                        .status())
                .as("ruled already")
                .isEqualTo(409);

        // the IND decided again and grants: the departure module's way out of departure
        assertThat(event(caseId, "beslismedewerker", Map.of("type", "PERMIT_AFTER_ALL", "reason", "COURT_ANNULMENT"))
                        .status())
                .isEqualTo(202);
        file = caseFile(caseId);
        assertThat(file.path("currentStages").toString()).contains("HOUSING").doesNotContain("DEPARTURE");
    }

    private long dtvTasks(String caseId) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskCandidateGroup("dtv")
                .count();
    }

    /** Where reception has the person now: the latest move of {@code sections.reception}. */
    private JsonNode receptionNow(String caseId) {
        return caseFile(caseId).path("sections").path("reception").path("current");
    }

    /** A spoor-2 case rejected and with DT&V, its appeal lodged with a request for interim relief, relief granted. */
    private String spoorTwoDepartureSuspendedByInterimRelief() {
        String caseId = newCase("ALB", false);
        steps.registration(caseId);
        hearAndIntendToReject(caseId);
        assertThat(caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");
        assertThat(dtvTasks(caseId)).as("the departure interview").isPositive();
        // spoor 2: no departure period, the person goes to a VBL while the appeal runs
        steps.fire(caseId, "Event_DeparturePeriodEnded");
        assertThat(receptionNow(caseId).path("to").asText()).isEqualTo("VBL");
        assertThat(event(
                                caseId,
                                "beslismedewerker",
                                Map.of(
                                        "type",
                                        "APPEAL_LODGED",
                                        "lodgedOn",
                                        "2026-11-20",
                                        "interimReliefRequested",
                                        true))
                        .status())
                .isEqualTo(202);
        assertThat(event(caseId, "beslismedewerker", Map.of("type", "INTERIM_RELIEF", "outcome", "GRANTED"))
                        .status())
                .isEqualTo(202);
        return caseId;
    }

    @Test
    void grantedInterimReliefStopsTheSpoorTwoDepartureUntilTheRulingAndADismissedAppealResumesIt() {
        String caseId = spoorTwoDepartureSuspendedByInterimRelief();

        JsonNode file = caseFile(caseId);
        assertThat(file.path("currentStages").toString())
                .contains("IND_DECISION")
                .doesNotContain("DEPARTURE");
        JsonNode departure = file.path("sections").path("departure");
        assertThat(departure.path("suspended").asBoolean()).isTrue();
        assertThat(departure.path("suspension").hasNonNull("since")).isTrue();
        assertThat(departure.hasNonNull("outcome")).isFalse();
        assertThat(dtvTasks(caseId))
                .as("no forced departure, no interview while relief stands")
                .isZero();
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey("departure")
                        .processInstanceBusinessKey(caseId)
                        .count())
                .as("no departure process, so no departure-period or detention timer")
                .isZero();
        assertThat(decisionSection(caseId).path("appeal").path("interimRelief").asText())
                .isEqualTo("GRANTED");
        assertThat(milestones(caseId)).containsOnlyOnce("DEPARTURE_SUSPENDED");
        JsonNode reception = receptionNow(caseId);
        assertThat(reception.path("to").asText())
                .as("back in an azc while the relief stands")
                .isEqualTo("AZC");
        assertThat(reception.path("step").asText()).isEqualTo("DEPARTURE_SUSPENDED");
        assertThat(reception.path("permitHolder").asBoolean())
                .as("an asylum seeker")
                .isFalse();
        Instant suspendedHandOver = Instant.parse(departure.path("handedOverAt").asText());

        advance(Duration.ofDays(30));
        assertThat(event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "UPHELD"))
                        .status())
                .isEqualTo(202);

        file = caseFile(caseId);
        assertThat(file.path("currentStages").toString()).contains("DEPARTURE");
        departure = file.path("sections").path("departure");
        assertThat(departure.path("suspended").asBoolean()).isFalse();
        assertThat(departure.path("indOutcome").asText()).isEqualTo("REJECTED");
        assertThat(Instant.parse(departure.path("handedOverAt").asText())).isAfter(suspendedHandOver);
        assertThat(dtvTasks(caseId)).as("DT&V starts again").isPositive();
        assertThat(milestones(caseId)).contains("REJECTION_FINAL");
        assertThat(decisionSection(caseId).path("appeal").path("outcome").asText())
                .isEqualTo("UPHELD");
        // the new departure period ends at once in spoor 2: back to the VBL
        steps.fire(caseId, "Event_DeparturePeriodEnded");
        assertThat(milestones(caseId))
                .filteredOn("DEPARTURE_PERIOD_ENDED"::equals)
                .hasSize(2);
        assertThat(receptionNow(caseId).path("to").asText()).isEqualTo("VBL");
    }

    @Test
    void anAnnulmentAfterGrantedInterimReliefClosesTheDepartureWithoutAnOutcomeAndTheIndDecidesAgain() {
        String caseId = spoorTwoDepartureSuspendedByInterimRelief();

        assertThat(event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "ANNULLED"))
                        .status())
                .isEqualTo(202);

        JsonNode file = caseFile(caseId);
        assertThat(file.path("currentStages").toString())
                .contains("IND_DECISION")
                .doesNotContain("DEPARTURE");
        JsonNode departure = file.path("sections").path("departure");
        assertThat(departure.path("suspended").asBoolean()).isFalse();
        assertThat(departure.path("suspension").path("end").asText()).isEqualTo("ANNULLED");
        assertThat(departure.hasNonNull("outcome")).as("no departure outcome").isFalse();
        assertThat(dtvTasks(caseId)).isZero();
        JsonNode decision = decisionSection(caseId);
        assertThat(decision.hasNonNull("decidedOn")).isFalse();
        assertThat(decision.path("deadline").asText())
                .as("8 weeks from the ruling")
                .isEqualTo("2027-01-15");
        Task assessment = steps.task(caseId, "Activity_AssessApplication");
        assertThat(assessment).isNotNull();
        assertThat(receptionNow(caseId).path("to").asText())
                .as("waits for the new decision in the azc")
                .isEqualTo("AZC");
        assertThat(receptionNow(caseId).path("permitHolder").asBoolean()).isFalse();

        steps.complete(
                caseId,
                "Activity_AssessApplication",
                Map.of("decisionOutcome", "GRANT", "vaReason", "", "decisionReason", ""));
        assertThat(caseFile(caseId).path("currentStages").toString()).contains("HOUSING");
        assertThat(receptionNow(caseId).path("to").asText()).isEqualTo("AZC");
        assertThat(receptionNow(caseId).path("permitHolder").asBoolean()).isTrue();
    }

    @Test
    void anAnnulmentRestartsTheDeadlineWatchEightWeeksFromTheRuling() {
        String caseId = newCase("AFG", false);
        register(caseId);
        hearAndIntendToReject(caseId);
        assertThat(deadlineWatched(caseId)).isFalse();
        assertThat(event(
                                caseId,
                                "beslismedewerker",
                                Map.of(
                                        "type",
                                        "APPEAL_LODGED",
                                        "lodgedOn",
                                        "2026-11-20",
                                        "interimReliefRequested",
                                        true))
                        .status())
                .isEqualTo(202);

        assertThat(decisionSection(caseId).path("appeal").path("suspensive").asBoolean())
                .as("spoor 4")
                .isTrue();
        assertThat(caseFile(caseId).path("currentStages").toString()).doesNotContain("DEPARTURE");
        assertThat(milestones(caseId)).doesNotContain("REJECTION_ENFORCEABLE", "REJECTION_FINAL");

        ClockUtil.setCurrentTime(Date.from(startOf(LocalDate.of(2026, 12, 20)).plusSeconds(3600 * 9)));
        assertThat(event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "ANNULLED"))
                        .status())
                .isEqualTo(202);

        steps.task(caseId, "Activity_AssessApplication");
        assertThat(deadlineWatched(caseId)).isTrue();
        assertThat(steps.timer(caseId, "Event_DeadlinePassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 2, 14)));
        assertThat(steps.timer(caseId, "Event_DeadlineNear").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 1, 17)));
        JsonNode section = decisionSection(caseId);
        assertThat(section.path("deadline").asText()).isEqualTo("2027-02-14");
        assertThat(section.hasNonNull("decidedOn")).isFalse();
        assertThat(section.path("deadlinePassed").asBoolean()).isFalse();

        // the new decision stops the watch again
        steps.complete(
                caseId,
                "Activity_AssessApplication",
                Map.of("decisionOutcome", "GRANT", "vaReason", "", "decisionReason", ""));
        assertThat(deadlineWatched(caseId)).isFalse();
        assertThat(decisionSection(caseId).path("decidedOn").asText()).isEqualTo("2026-12-20");
    }

    // --- the Netherlands responsible for a Dublin case ---------------------------------------------------------

    /** Registration with a Eurodac hit in Germany (spoor 1), the rest period, and the take-charge claim sent. */
    private void registerDublinCaseAndSendTheClaim(String caseId) {
        steps.complete(
                caseId,
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
        steps.complete(
                caseId,
                RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW,
                CaseDriver.SPOOR_4_ANSWERS.get(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW));
        steps.fire(caseId, RegistrationModel.EVENT_REST_PERIOD_PASSED);
        steps.complete(
                caseId,
                IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM,
                Map.of("claimType", "TAKE_CHARGE", "requestedMemberState", "DE"));
    }

    @Test
    void aRefusedDublinClaimMovesTheCaseToSpoorFourWithADecisionDeadlineSixMonthsFromTheRefusal() {
        String caseId = newCase("AFG", false);
        registerDublinCaseAndSendTheClaim(caseId);
        assertThat(decisionSection(caseId).path("deadline").asText()).isEqualTo("2027-05-20");
        advance(Duration.ofDays(40));

        assertThat(event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", false))
                        .status())
                .isEqualTo(202);

        JsonNode file = caseFile(caseId);
        assertThat(file.path("track").asInt()).isEqualTo(4);
        assertThat(file.path("trackReason").asText()).isEqualTo("DUBLIN_CLAIM_REFUSED");
        JsonNode tracks = file.path("sections").path("registration").path("tracks");
        assertThat(tracks).hasSize(2);
        assertThat(tracks.get(0).path("track").asInt()).isEqualTo(1);
        assertThat(tracks.get(1).path("track").asInt()).isEqualTo(4);
        assertThat(tracks.get(1).path("reason").asText()).isEqualTo("DUBLIN_CLAIM_REFUSED");
        assertThat(tracks.get(1).path("assignedBy").asText()).isEqualTo("dublin");
        assertThat(tracks.get(1).path("assignedAt").asText()).startsWith("2026-12-30");
        JsonNode section = decisionSection(caseId);
        assertThat(section.path("track").asInt()).isEqualTo(4);
        assertThat(section.path("responsibleSince").asText()).isEqualTo("2026-12-30");
        assertThat(section.path("deadline").asText()).isEqualTo("2027-06-30");
        assertThat(section.path("priorityReason").asText()).isEqualTo("STANDARD");
        assertThat(steps.timer(caseId, "Event_DeadlinePassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 6, 30)));

        Task interview = steps.task(caseId, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(interview.getPriority()).isEqualTo(50);
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(interview.getId())
                        .processVariableValueEquals("track", 4)
                        .count())
                .as("in the filter 'IND – Spoor 4 op prioriteit'")
                .isOne();
    }

    @Test
    void aTransferPeriodThatPassesBringsTheCaseBackInSpoorFourWithAFreshDeadlineThatCanBeExtended() {
        String caseId = newCase("AFG", false);
        registerDublinCaseAndSendTheClaim(caseId);
        assertThat(event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true))
                        .status())
                .isEqualTo(202);
        assertThat(caseFile(caseId).path("currentStages").toString()).doesNotContain("DEPARTURE");
        steps.fire(caseId, "Event_AppealWindowPassed");
        assertThat(caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");
        assertThat(decisionSection(caseId).path("decidedOn").asText()).isEqualTo("2026-11-20");

        // six months on, the transfer has not happened: the Netherlands is responsible from this day
        ClockUtil.setCurrentTime(Date.from(startOf(LocalDate.of(2027, 5, 21)).plusSeconds(3600 * 9)));
        steps.fire(caseId, "Event_TransferDeadlinePassed");

        JsonNode file = caseFile(caseId);
        assertThat(file.path("track").asInt()).isEqualTo(4);
        assertThat(file.path("trackReason").asText()).isEqualTo("DUBLIN_TRANSFER_DEADLINE_PASSED");
        assertThat(file.hasNonNull("decisionOutcome"))
                .as("the Dublin decision no longer counts")
                .isFalse();
        JsonNode tracks = file.path("sections").path("registration").path("tracks");
        assertThat(tracks.get(tracks.size() - 1).path("assignedBy").asText()).isEqualTo("system");
        JsonNode section = decisionSection(caseId);
        assertThat(section.hasNonNull("decidedOn")).isFalse();
        assertThat(section.path("deadline").asText()).isEqualTo("2027-11-21");
        assertThat(section.path("deadlinePassed").asBoolean()).isFalse();
        assertThat(deadlineWatched(caseId)).isTrue();
        assertThat(steps.timer(caseId, "Event_DeadlinePassed").getDuedate().toInstant())
                .isEqualTo(startOf(LocalDate.of(2027, 11, 21)));
        steps.task(caseId, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);

        Response extended = client.post(
                "/api/cases/" + caseId + "/decision-deadline/extensions",
                "teamleider",
                Map.of("ground", "MANY_APPLICATIONS", "reason", "Veel gelijktijdige aanvragen"));
        assertThat(extended.status()).isEqualTo(201);
        assertThat(decisionSection(caseId).path("deadline").asText()).isEqualTo("2028-08-21");
        Response tooEarly =
                event(caseId, "teamleider", Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2027-05-21"));
        assertThat(tooEarly.status()).as("no default before the new deadline").isEqualTo(409);
    }

    @Test
    void theDecisionMetersExistFromStartUp() {
        assertThat(meters.find("asylum.va.referrals").counter()).isNotNull();
        assertThat(meters.find("asylum.appeals.lodged").counters()).hasSize(2);
        assertThat(meters.find("asylum.court.rulings").counters()).hasSize(2);
        assertThat(meters.find("asylum.decision.lead.time").timers()).hasSize(3);
    }
}

package nl.asylumchain.monitoring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.EngineSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog gauges of the IND procedure on the whole app (H2), each driven into its state through our API and
 * the engine: a policy hold, a passed decision deadline, a notice of default, the VA and the appeal. The job
 * executor and the scheduled refresh are off; each test refreshes and compares with the gauge before its own step
 * at the same business time, so cases of the other tests in this database do not move the figures.
 */
@ChainTestContext
class DecisionBacklogGaugesTest {

    private static final ZoneId CHAIN_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final String UKRAINE = "TEMPORARY_PROTECTION_UKRAINE";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BacklogGauges gauges;

    @Autowired
    ProcessEngine engine;

    ChainClient client;
    EngineSteps steps;

    @BeforeEach
    void setUp() {
        client = new ChainClient(port);
        steps = new EngineSteps(engine);
        at(LocalDate.of(2026, 11, 20), 10);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void aCaseParkedByAPolicyHoldCountsOnHoldUntilTheHoldIsReleased() throws Exception {
        String holdId = placeHold();
        try {
            String parked = newCase(LocalDate.of(2026, 11, 20), true);
            String notHeld = newCase(LocalDate.of(2026, 11, 20), false);
            registerUntilRestPeriod(parked);
            registerUntilRestPeriod(notHeld);
            double before = refreshed("asylum.cases.on.hold");

            steps.fire(parked, "Event_RestPeriodPassed");
            steps.fire(notHeld, "Event_RestPeriodPassed");
            assertThat(refreshed("asylum.cases.on.hold"))
                    .as("parked at its first IND step")
                    .isEqualTo(before + 1);

            releaseHold(holdId);
            holdId = null;
            assertThat(refreshed("asylum.cases.on.hold")).isEqualTo(before);
            steps.task(parked, "Activity_MainInterview");
        } finally {
            if (holdId != null) {
                releaseHold(holdId);
            }
        }
    }

    @Test
    void aCaseCountsPastItsDecisionDeadlineFromTheDeadlineDayUntilTheDeadlineIsExtended() {
        String onDeadlineDay = newCase(LocalDate.of(2026, 5, 20), false); // deadline 2026-11-20: today
        String dayBefore = newCase(LocalDate.of(2026, 5, 21), false); // deadline 2026-11-21: tomorrow
        double before = refreshed("asylum.cases.past.decision.deadline");

        register(onDeadlineDay);
        register(dayBefore);
        assertThat(refreshed("asylum.cases.past.decision.deadline")).isEqualTo(before + 1);

        Response extended = client.post(
                "/api/cases/" + onDeadlineDay + "/decision-deadline/extensions",
                "teamleider",
                Map.of("ground", "COMPLEX_CASE", "reason", "Complexe zaak"));
        assertThat(extended.status()).isEqualTo(201);
        assertThat(refreshed("asylum.cases.past.decision.deadline"))
                .as("9 months more")
                .isEqualTo(before);
    }

    @Test
    void casesWithTheSameDeadlineInputsEachCountPastTheDeadline() {
        // the count groups the undecided procedures by the inputs of their deadline: a group counts its cases
        String first = newCase(LocalDate.of(2026, 4, 2), false);
        String second = newCase(LocalDate.of(2026, 4, 2), false);
        String third = newCase(LocalDate.of(2026, 4, 2), false);
        double before = refreshed("asylum.cases.past.decision.deadline");

        register(first);
        register(second);
        register(third);
        assertThat(refreshed("asylum.cases.past.decision.deadline")).isEqualTo(before + 3);
    }

    @Test
    void aRunningPolicyHoldSuspendsTheDecisionDeadlineOfTheParkedCase() throws Exception {
        // no other case of this class has its deadline between 10 and 25 January 2027
        at(LocalDate.of(2027, 1, 10), 10);
        String holdId = placeHold();
        try {
            String parked = newCase(LocalDate.of(2026, 7, 15), true); // deadline 2027-01-15, parked from 01-10
            String twin = newCase(LocalDate.of(2026, 7, 15), false); // deadline 2027-01-15
            register(parked);
            register(twin);
            double before = refreshed("asylum.cases.past.decision.deadline");

            at(LocalDate.of(2027, 1, 20), 10);
            assertThat(refreshed("asylum.cases.past.decision.deadline"))
                    .as("only the twin; the parked case's " + "deadline moves with its ten days on hold")
                    .isEqualTo(before + 1);

            releaseHold(holdId);
            holdId = null;
            assertThat(refreshed("asylum.cases.past.decision.deadline"))
                    .as("released: deadline 2027-01-25")
                    .isEqualTo(before + 1);
            at(LocalDate.of(2027, 1, 25), 10);
            assertThat(refreshed("asylum.cases.past.decision.deadline")).isEqualTo(before + 2);
        } finally {
            if (holdId != null) {
                releaseHold(holdId);
            }
        }
    }

    @Test
    void aCaseIsExposedToPenaltyTwoWeeksAfterANoticeOfDefaultUntilItIsDecided() {
        String caseId = newCase(LocalDate.of(2026, 5, 1), false); // deadline 2026-11-01: passed
        register(caseId);
        steps.fire(caseId, "Event_DeadlineNear");
        steps.complete(
                caseId, "Activity_ReviewDecisionDeadline", Map.of("extendDeadline", false, "extensionReason", ""));
        steps.fire(caseId, "Event_DeadlinePassed");
        double before = refreshed("asylum.cases.penalty.exposed");

        assertThat(client.post(
                                "/api/cases/" + caseId + "/events",
                                "teamleider",
                                Map.of("type", "NOTICE_OF_DEFAULT", "receivedOn", "2026-11-20"))
                        .status())
                .isEqualTo(202);
        assertThat(refreshed("asylum.cases.penalty.exposed"))
                .as("the two weeks run")
                .isEqualTo(before);

        at(LocalDate.of(2026, 12, 4), 1);
        steps.fire(caseId, "Event_PenaltyPeriodPassed");
        assertThat(refreshed("asylum.cases.penalty.exposed")).isEqualTo(before + 1);

        hearAndAssess(caseId, "GRANT");
        assertThat(refreshed("asylum.cases.penalty.exposed")).as("decided").isEqualTo(before);
    }

    @Test
    void aCaseReferredToTheVaCountsInVaThenInAppealAfterItsRejectionNeverTwice() {
        String caseId = newCase(LocalDate.of(2026, 11, 20), false);
        register(caseId);
        Map<String, Double> before = openCases();

        hearAndAssess(caseId, "EXTEND");
        steps.task(caseId, "Activity_ExtendedInvestigation");
        assertThat(openCases()).isEqualTo(changed(before, Map.of("ind_track_4", -1.0, "va", 1.0)));

        steps.complete(caseId, "Activity_ExtendedInvestigation", Map.of("investigationNotes", ""));
        steps.complete(
                caseId,
                "Activity_AssessApplication",
                Map.of("decisionOutcome", "REJECT", "vaReason", "", "decisionReason", ""));
        assertThat(openCases())
                .as("still in the VA until the decision")
                .isEqualTo(changed(before, Map.of("ind_track_4", -1.0, "va", 1.0)));
        rejectAfterIntendedDecision(caseId);
        assertThat(openCases())
                .as("the appeal window runs")
                .isEqualTo(changed(before, Map.of("ind_track_4", -1.0, "appeal", 1.0)));

        assertThat(event(caseId, Map.of("type", "APPEAL_LODGED", "lodgedOn", "2026-11-20")))
                .isEqualTo(202);
        assertThat(openCases()).isEqualTo(changed(before, Map.of("ind_track_4", -1.0, "appeal", 1.0)));

        assertThat(event(caseId, Map.of("type", "COURT_RULING", "outcome", "UPHELD")))
                .isEqualTo(202);
        assertThat(openCases())
                .as("the rejection is final: on to departure")
                .isEqualTo(changed(before, Map.of("ind_track_4", -1.0, "departure", 1.0)));
    }

    @Test
    void aRejectedCaseCountsInAppealUntilTheCourtAnnulsTheRejectionAndTheIndDecidesAgain() {
        String caseId = newCase(LocalDate.of(2026, 11, 20), false);
        register(caseId);
        Map<String, Double> before = openCases();

        hearAndAssess(caseId, "REJECT");
        rejectAfterIntendedDecision(caseId);
        assertThat(openCases()).isEqualTo(changed(before, Map.of("ind_track_4", -1.0, "appeal", 1.0)));

        assertThat(event(caseId, Map.of("type", "APPEAL_LODGED", "lodgedOn", "2026-11-20")))
                .isEqualTo(202);
        assertThat(event(caseId, Map.of("type", "COURT_RULING", "outcome", "ANNULLED")))
                .isEqualTo(202);
        steps.task(caseId, "Activity_AssessApplication");
        assertThat(openCases()).as("back in the general procedure").isEqualTo(before);

        // the IND decides again: the annulment reopened the deadline 8 weeks from the ruling (2027-01-15), inside the
        // window aRunningPolicyHoldSuspendsTheDecisionDeadlineOfTheParkedCase keeps free of other cases
        steps.complete(
                caseId,
                "Activity_AssessApplication",
                Map.of("decisionOutcome", "GRANT", "vaReason", "", "decisionReason", ""));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void at(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(
                Date.from(day.atTime(hour, 0).atZone(CHAIN_ZONE).toInstant()));
    }

    private double refreshed(String gauge) {
        gauges.refresh();
        return meters.get(gauge).gauge().value();
    }

    private Map<String, Double> openCases() {
        gauges.refresh();
        Map<String, Double> open = new HashMap<>();
        meters.get("asylum.cases.open").gauges().forEach(g -> open.put(g.getId().getTag("stage"), g.value()));
        assertThat(open).hasSize(10);
        return open;
    }

    private static Map<String, Double> changed(Map<String, Double> before, Map<String, Double> deltas) {
        Map<String, Double> expected = new HashMap<>(before);
        deltas.forEach((stage, delta) -> expected.merge(stage, delta, Double::sum));
        return expected;
    }

    /** The day each case applied: it reports then and signs its application at I&R that day. */
    private final Map<String, LocalDate> appliedOn = new HashMap<>();

    private String newCase(LocalDate applied, boolean temporaryProtectionUkraine) {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", "AFG");
        ChainClient.section(application, "arrival").put("date", applied.toString());
        application.put("temporaryProtectionUkraine", temporaryProtectionUkraine);
        application.put("familyMembersAbroad", List.of());
        Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String caseId = created.body().path("caseId").asText();
        appliedOn.put(caseId, applied);
        return caseId;
    }

    private void registerUntilRestPeriod(String caseId) {
        steps.registration(caseId, appliedOn.get(caseId));
    }

    /** Registration and the rest period: the case arrives in the IND procedure (spoor 4 for AFG). */
    private void register(String caseId) {
        registerUntilRestPeriod(caseId);
        steps.fire(caseId, "Event_RestPeriodPassed");
    }

    private void hearAndAssess(String caseId, String outcome) {
        steps.complete(caseId, "Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        steps.complete(
                caseId, "Activity_CorrectionsAndAdditions", Map.of("correctionsReceived", true, "correctionNotes", ""));
        steps.complete(
                caseId,
                "Activity_AssessApplication",
                Map.of(
                        "decisionOutcome",
                        outcome,
                        "vaReason",
                        "EXTEND".equals(outcome) ? "FURTHER_RESEARCH" : "",
                        "decisionReason",
                        ""));
    }

    private void rejectAfterIntendedDecision(String caseId) {
        steps.complete(caseId, "Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        steps.fire(caseId, "Event_ResponsePeriodPassed");
        steps.complete(caseId, "Activity_DecideApplication", Map.of("decisionOutcome", "REJECT", "decisionReason", ""));
    }

    private String placeHold() {
        Response placed = client.post("/api/holds", "teamleider", Map.of("category", UKRAINE, "reason", "Beleid"));
        assertThat(placed.status()).as(String.valueOf(placed.body())).isEqualTo(201);
        return placed.body().path("id").asText();
    }

    private void releaseHold(String holdId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/holds/" + holdId))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("teamleider:demo".getBytes(StandardCharsets.UTF_8)))
                .DELETE()
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
    }

    private int event(String caseId, Map<String, Object> event) {
        return client.post("/api/cases/" + caseId + "/events", "beslismedewerker", event)
                .status();
    }

    @Test
    void refreshingTheGaugesWritesNoDecisionHistory() {
        gauges.refresh();
        long before =
                engine.getHistoryService().createHistoricDecisionInstanceQuery().count();
        gauges.refresh();
        gauges.refresh();
        assertThat(engine.getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .count())
                .as("decision instances in the history after two more refreshes")
                .isEqualTo(before);
    }
}

package nl.asylumchain.decision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per IND track on a real PostgreSQL, driven through our API and the engine REST API by the demo users of
 * each task's group: spoor 2 to a final rejection and departure; spoor 1 with a refused claim into spoor 4 (a fresh
 * deadline), the VA, an annulled rejection and a grant; spoor 1 with an accepted claim, an appeal and interim relief,
 * and the transfer; spoor 1 whose transfer period passes, back in spoor 4 with a fresh deadline; spoor 4 parked by a
 * policy hold, released, extended and granted; spoor 2 with a non-suspensive appeal, interim relief refused,
 * departure while the appeal runs, and a permit after the annulment.
 */
class IndDecisionPostgresIT extends PostgresIntegrationTest {

    @Autowired
    HistoryService historyService;

    private static final Set<String> TIMERS = Set.of(
            RegistrationModel.EVENT_REST_PERIOD_PASSED,
            IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED,
            AppealModel.EVENT_APPEAL_WINDOW_PASSED);

    /**
     * The forms as the handlers fill them in: a Eurodac hit in this member state (or none) with a take-charge claim
     * to it, the assessment's outcome (GRANT, REJECT or EXTEND to the VA), and a rejection when it comes to a
     * decision after an intended decision.
     */
    static Map<String, Map<String, Object>> answers(String eurodacHit, String assessment) {
        Map<String, Map<String, Object>> answers = CaseDriver.answers(assessment);
        answers.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "eurodacHitMemberState",
                        eurodacHit,
                        "visaMemberState",
                        "",
                        "documentsPresent",
                        true));
        answers.put(
                IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM,
                Map.of("claimType", "TAKE_CHARGE", "requestedMemberState", eurodacHit));
        answers.put(
                IndDecisionModel.ACTIVITY_DECIDE_APPLICATION,
                Map.of("decisionOutcome", "REJECT", "decisionReason", ""));
        return answers;
    }

    @Test
    void spoorTwoRejectionGoesToDepartureAtOnceWithoutDeparturePeriodAndBecomesFinalWhenTheWindowPassesBeside() {
        String caseId = register("ALB", false);

        List<String> worked = driver.work(caseId, answers("", "REJECT"), TIMERS);

        assertThat(worked)
                .contains(
                        "ind-decision:" + IndDecisionModel.ACTIVITY_INTENDED_DECISION,
                        "ind-decision:" + IndDecisionModel.ACTIVITY_DECIDE_APPLICATION,
                        "dtv:" + DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE);
        driver.assertEnded(caseId, CaseModel.EVENT_DEPARTED_INDEPENDENTLY);
        JsonNode file = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(file.path("track").asInt()).isEqualTo(2);
        assertThat(file.path("milestones").findValuesAsText("milestone"))
                .contains("PROCEDURE_STARTED", "REJECTION_ENFORCEABLE", "REJECTION_FINAL")
                .doesNotContain("REST_PERIOD_STARTED");
        assertThat(file.path("sections").path("decision").path("priorityReason").asText())
                .isEqualTo("TRACK_2");
        assertThat(mainProcessVariable(caseId, "departurePeriod")).isEqualTo("P0D");
    }

    @Test
    void dublinRefusalLeadsIntoSpoorFourWhereAnAnnulledRejectionIsDecidedAgainAndGranted() {
        String caseId = register("AFG", false);
        Map<String, Map<String, Object>> answers = answers("DE", "EXTEND");

        List<String> worked = driver.work(caseId, answers, TIMERS);
        assertThat(worked).contains("ind-dublin:" + IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM);
        assertThat(driver.event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", false))
                        .status())
                .isEqualTo(202);

        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        JsonNode refused = driver.caseFile(caseId);
        assertThat(refused.path("track").asInt()).isEqualTo(4);
        assertThat(refused.path("trackReason").asText()).isEqualTo("DUBLIN_CLAIM_REFUSED");
        JsonNode tracks = refused.path("sections").path("registration").path("tracks");
        assertThat(tracks.findValuesAsText("track")).containsExactly("1", "4");
        assertThat(tracks.get(1).path("assignedBy").asText()).isEqualTo("dublin");
        JsonNode restarted = refused.path("sections").path("decision");
        assertThat(restarted.path("responsibleSince").asText()).isEqualTo(today);
        assertThat(restarted.path("deadline").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Amsterdam"))
                        .plusMonths(6)
                        .toString());
        assertThat(restarted.path("priorityReason").asText()).isEqualTo("STANDARD");

        driver.workUntil(caseId, IndDecisionModel.ACTIVITY_EXTENDED_INVESTIGATION, answers, TIMERS);
        JsonNode section = client.get("/api/cases/" + caseId, "demo")
                .body()
                .path("sections")
                .path("decision");
        assertThat(section.path("procedure").asText()).isEqualTo("VA");
        assertThat(section.path("vaReason").asText()).isEqualTo("ILLNESS");

        answers.putAll(answers("DE", "REJECT"));
        driver.work(caseId, answers, Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED));
        assertThat(driver.event(caseId, "beslismedewerker", Map.of("type", "APPEAL_LODGED", "lodgedOn", today))
                        .status())
                .isEqualTo(202);
        assertThat(driver.event(caseId, "beslismedewerker", Map.of("type", "COURT_RULING", "outcome", "ANNULLED"))
                        .status())
                .isEqualTo(202);

        answers.putAll(answers("DE", "GRANT"));
        driver.work(caseId, answers, TIMERS);

        driver.assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        JsonNode file = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(file.path("decisionOutcome").asText()).isEqualTo("PERMIT_GRANTED");
        assertThat(file.path("milestones").findValuesAsText("milestone"))
                .contains("REST_PERIOD_STARTED", "PROCEDURE_STARTED", "EXTENDED_PROCEDURE_STARTED", "PERMIT_GRANTED")
                .doesNotContain("REJECTION_FINAL");
        String scrape = client.scrape();
        assertThat(scrape)
                .contains(
                        "asylum_va_referrals_total",
                        "asylum_court_rulings_total{",
                        "outcome=\"annulled\"",
                        "asylum_appeals_lodged_total{",
                        "asylum_decision_lead_time_seconds_count{");
    }

    /** A case with a Eurodac hit in Germany, its claim sent and accepted: the Dublin decision is taken. */
    private String acceptedDublinCase() {
        String caseId = register("AFG", false);
        driver.work(caseId, answers("DE", "REJECT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        assertThat(driver.event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true))
                        .status())
                .isEqualTo(202);
        return caseId;
    }

    @Test
    void dublinAcceptanceIsADecisionWhoseAppealWithInterimReliefStartsTheTransferPeriodAtTheRuling() {
        String caseId = acceptedDublinCase();
        JsonNode decided = driver.caseFile(caseId);
        assertThat(decided.path("decisionOutcome").asText()).isEqualTo("DUBLIN_ACCEPTED");
        assertThat(decided.path("currentStages").toString()).doesNotContain("DEPARTURE");
        assertThat(client.openTasks(caseId)).as("in the appeal window").isEmpty();
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();

        assertThat(driver.event(
                                caseId,
                                "beslismedewerker",
                                Map.of("type", "APPEAL_LODGED", "lodgedOn", today, "interimReliefRequested", true))
                        .status())
                .isEqualTo(202);
        JsonNode appeal =
                driver.caseFile(caseId).path("sections").path("decision").path("appeal");
        assertThat(appeal.path("suspensive").asBoolean())
                .as("a Dublin decision's appeal does not suspend")
                .isFalse();
        assertThat(driver.event(caseId, "beslismedewerker", Map.of("type", "INTERIM_RELIEF", "outcome", "GRANTED"))
                        .status())
                .isEqualTo(202);
        assertThat(driver.caseFile(caseId).path("currentStages").toString()).doesNotContain("DEPARTURE");
        assertThat(driver.event(caseId, "teamleider", Map.of("type", "COURT_RULING", "outcome", "UPHELD"))
                        .status())
                .isEqualTo(202);

        JsonNode transfer =
                driver.caseFile(caseId).path("sections").path("departure").path("transfer");
        assertThat(transfer.path("periodFrom").asText())
                .isNotEqualTo(transfer.path("acceptedOn").asText());
        assertThat(transfer.path("deadline").asText())
                .startsWith(LocalDate.now(ZoneId.of("Europe/Amsterdam"))
                        .plusMonths(6)
                        .toString()
                        .substring(0, 7));
        Map<String, Map<String, Object>> answers = answers("DE", "REJECT");
        List<String> worked = driver.work(caseId, answers, Set.of());
        assertThat(worked).contains("dtv:" + DepartureModel.ACTIVITY_EXECUTE_TRANSFER);
        driver.assertEnded(caseId, CaseModel.EVENT_TRANSFERRED_DUBLIN);
    }

    @Test
    void aTransferPeriodThatPassesBringsTheCaseBackInSpoorFourWithAFreshDecisionDeadline() {
        String caseId = acceptedDublinCase();
        driver.fire(caseId, AppealModel.EVENT_APPEAL_WINDOW_PASSED);
        assertThat(driver.openTaskKeys(caseId)).containsExactly(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW);

        driver.fire(caseId, DepartureModel.EVENT_TRANSFER_DEADLINE_PASSED);

        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("track").asInt()).isEqualTo(4);
        assertThat(file.path("trackReason").asText()).isEqualTo("DUBLIN_TRANSFER_DEADLINE_PASSED");
        assertThat(file.hasNonNull("decisionOutcome")).isFalse();
        assertThat(file.path("sections").path("registration").path("tracks").findValuesAsText("reason"))
                .endsWith("DUBLIN_TRANSFER_DEADLINE_PASSED");
        JsonNode section = file.path("sections").path("decision");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        assertThat(section.path("deadline").asText())
                .isEqualTo(today.plusMonths(6).toString());
        assertThat(section.hasNonNull("decidedOn")).isFalse();
        assertThat(section.path("deadlinePassed").asBoolean()).isFalse();
        assertThat(driver.openTaskKeys(caseId)).containsExactly(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(client.post(
                                "/api/cases/" + caseId + "/decision-deadline/extensions",
                                "teamleider",
                                Map.of("ground", "MANY_APPLICATIONS", "reason", "Veel gelijktijdige aanvragen"))
                        .status())
                .isEqualTo(201);
        assertThat(driver.caseFile(caseId)
                        .path("sections")
                        .path("decision")
                        .path("deadline")
                        .asText())
                .isEqualTo(today.plusMonths(15).toString());

        driver.work(caseId, answers("DE", "GRANT"), TIMERS);
        driver.assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
    }

    @Test
    void spoorFourCaseOnAPolicyHoldWaitsUntilReleasedThenIsExtendedAndGranted() {
        JsonNode hold = client.post(
                        "/api/holds",
                        "teamleider",
                        Map.of("category", "TEMPORARY_PROTECTION_UKRAINE", "reason", "Uitspraak Raad van State"))
                .body();
        String caseId = register("IRQ", true);

        driver.work(caseId, answers("", "GRANT"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        assertThat(client.openTasks(caseId)).isEmpty();
        JsonNode holds = client.get("/api/holds", "teamleider").body();
        assertThat(holds.findValues("casesHeld").stream()
                        .mapToInt(JsonNode::asInt)
                        .sum())
                .isGreaterThanOrEqualTo(1);
        assertThat(client.get("/api/cases/" + caseId, "demo")
                        .body()
                        .path("sections")
                        .path("decision")
                        .path("onHold")
                        .asBoolean())
                .isTrue();

        assertThat(client.delete("/api/holds/" + hold.path("id").asText(), "teamleider")
                        .status())
                .isEqualTo(200);
        assertThat(client.openTasks(caseId))
                .extracting(task -> task.path("taskDefinitionKey").asText())
                .containsExactly(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(client.post(
                                "/api/cases/" + caseId + "/decision-deadline/extensions",
                                "teamleider",
                                Map.of("ground", "COMPLEX_CASE", "reason", "Complexe zaak"))
                        .status())
                .isEqualTo(201);

        driver.work(caseId, answers("", "GRANT"), TIMERS);
        driver.assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        JsonNode section = client.get("/api/cases/" + caseId, "demo")
                .body()
                .path("sections")
                .path("decision");
        assertThat(section.path("extensions")).hasSize(1);
        assertThat(section.path("onHold").asBoolean()).isFalse();
    }

    @Test
    void aSpoorTwoAppealWithInterimReliefRefusedRunsBesideDepartureAndAnAnnulmentThenBringsAPermitAfterAll() {
        String caseId = register("ALB", false);
        driver.workUntil(
                caseId,
                DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                answers("", "REJECT"),
                Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED));
        // at the rejection, in the appeal window: DT&V has the case already
        assertThat(driver.caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();

        assertThat(driver.event(
                                caseId,
                                "beslismedewerker",
                                Map.of("type", "APPEAL_LODGED", "lodgedOn", today, "interimReliefRequested", true))
                        .status())
                .isEqualTo(202);
        assertThat(driver.event(caseId, "beslismedewerker", Map.of("type", "INTERIM_RELIEF", "outcome", "REFUSED"))
                        .status())
                .isEqualTo(202);

        JsonNode file = driver.caseFile(caseId);
        assertThat(file.path("currentStages").toString()).contains("DEPARTURE");
        assertThat(file.path("milestones").findValuesAsText("milestone"))
                .contains("REJECTION_ENFORCEABLE")
                .doesNotContain("REJECTION_FINAL");
        assertThat(file.path("sections")
                        .path("decision")
                        .path("appeal")
                        .path("interimRelief")
                        .asText())
                .isEqualTo("REFUSED");
        assertThat(client.openTasks(caseId))
                .extracting(task -> task.path("taskDefinitionKey").asText())
                .contains(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW);

        assertThat(driver.event(caseId, "teamleider", Map.of("type", "COURT_RULING", "outcome", "ANNULLED"))
                        .status())
                .isEqualTo(202);
        assertThat(driver.caseFile(caseId).path("currentStages").toString()).contains("DEPARTURE");
        assertThat(driver.event(
                                caseId,
                                "beslismedewerker",
                                Map.of("type", "PERMIT_AFTER_ALL", "reason", "COURT_ANNULMENT"))
                        .status())
                .isEqualTo(202);

        driver.work(caseId, answers("", "GRANT"), TIMERS);
        driver.assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        assertThat(mainProcessVariable(caseId, "departureOutcome")).isEqualTo("PERMIT_AFTER_ALL");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String register(String nationality, boolean temporaryProtectionUkraine) {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", nationality);
        application.put("temporaryProtectionUkraine", temporaryProtectionUkraine);
        // the IND tracks are under test here; family reunification has its own integration test
        application.put("familyMembersAbroad", List.of());
        return driver.register(application);
    }

    /** A variable of the case's main process as the history keeps it (also after the process ended). */
    private Object mainProcessVariable(String caseId, String name) {
        String main = historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(CaseModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId)
                .singleResult()
                .getId();
        return historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(main)
                .variableName(name)
                .singleResult()
                .getValue();
    }
}

package nl.asylumchain.departure.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.asylumchain.ProcessTestSupport;
import nl.asylumchain.departure.DepartureOutcome;
import nl.asylumchain.departure.InMemoryDepartureService;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.NOW;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/departure.bpmn with dmn/departureRoute.dmn and the real delegates on an in-memory record: one test per
 * outcome, per clock and per rule of the reporting obligation.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/departure.bpmn",
            "dmn/departureRoute.dmn",
            "bpmn/forms/departureInterview.form",
            "bpmn/forms/arrangeIndependentDeparture.form",
            "bpmn/forms/arrangeForcedDeparture.form",
            "bpmn/forms/planTransfer.form",
            "bpmn/forms/executeTransfer.form",
            "bpmn/forms/proposeDetention.form",
            "bpmn/forms/reviewDetention.form"
        })
class DepartureProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private InMemoryDepartureService departures;
    private DepartureProcessBeans.Milestones milestones;

    @BeforeEach
    void setUp() {
        departures = new InMemoryDepartureService();
        milestones = new DepartureProcessBeans.Milestones();
        DepartureProcessBeans.register(departures, milestones);
    }

    // --- steps ------------------------------------------------------------------------------------------------

    private static ProcessInstance handOver(String indOutcome, String departurePeriod, Date dublinAcceptedOn) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "departure",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("indOutcome", indOutcome)
                                .putValue("departurePeriod", departurePeriod)
                                .putValue("dublinAcceptedOn", dublinAcceptedOn)
                                .putValue("track", "DUBLIN_ACCEPTED".equals(indOutcome) ? 1 : 4)
                                .putValue(
                                        "trackReason",
                                        "DUBLIN_ACCEPTED".equals(indOutcome) ? "EURODAC_HIT" : "GENERAL"));
    }

    private static ProcessInstance rejected() {
        return handOver("REJECTED", "P28D", null);
    }

    private void interview(boolean willing, boolean document, boolean family) {
        chain.complete(
                "Activity_DepartureInterview",
                Map.of(
                        "willingToLeave",
                        willing,
                        "travelDocumentPresent",
                        document,
                        "familyWithMinorChildren",
                        family,
                        "interviewNotes",
                        ""));
    }

    private void arrangeForced(boolean departed, boolean proposeDetention) {
        chain.complete(
                "Activity_ArrangeForcedDeparture",
                Map.of(
                        "laissezPasserRequested",
                        true,
                        "escortArranged",
                        true,
                        "departed",
                        departed,
                        "proposeDetention",
                        proposeDetention));
    }

    private static void send(String message, Map<String, Object> variables) {
        runtimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(CASE_ID)
                .setVariables(variables)
                .correlate();
    }

    private static Date months(Date from, int months) {
        return Date.from(from.toInstant()
                .atZone(ZoneId.systemDefault())
                .plusMonths(months)
                .toInstant());
    }

    private void assertEndedWith(ProcessInstance departure, String endEvent, DepartureOutcome outcome) {
        BpmnAwareTests.assertThat(departure).isEnded().hasPassed(endEvent);
        assertThat(departures.outcomes).containsExactly(outcome);
        assertThat(historicVariable(departure, "departureOutcome")).isEqualTo(outcome.name());
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    private static Object historicVariable(ProcessInstance instance, String name) {
        return historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    // --- departure period and return location ------------------------------------------------------------------

    @Test
    void aDeparturePeriodOf28DaysEndsWithTheMilestoneAfterWhichTheVblStayLastsAtMost12Weeks() {
        rejected();
        assertThat(chain.timer("Event_DeparturePeriodEnded").getDuedate()).isEqualTo(nowPlus("P28D"));

        chain.fireTimer("Event_DeparturePeriodEnded");
        assertThat(milestones.reached).containsExactly("DEPARTURE_PERIOD_ENDED");
        assertThat(chain.timer("Event_VblPeriodPassed").getDuedate()).isEqualTo(nowPlus("P84D"));

        chain.fireTimer("Event_VblPeriodPassed");
        assertThat(departures.milestones).containsExactly("VBL_STAY_ENDED");
        assertThat(chain.task("Activity_DepartureInterview")).isNotNull();
    }

    @Test
    void aFamilyWithChildrenStaysInTheFamilyLocationWithoutTheTwelveWeekLimit() {
        ProcessInstance departure = rejected();
        interview(false, false, true);
        arrangeForced(false, false);
        chain.fireTimer("Event_DeparturePeriodEnded");
        chain.fireTimer("Event_VblPeriodPassed");

        assertThat(departures.milestones).isEmpty();
        BpmnAwareTests.assertThat(departure)
                .hasPassed("Event_ReturnLocationSettled")
                .hasNotPassed("Activity_EndVblStay");
    }

    @Test
    void aDeparturePeriodOfZeroDaysEndsAtTheHandOver() {
        handOver("REJECTED", "P0D", null);
        assertThat(chain.timer("Event_DeparturePeriodEnded").getDuedate()).isEqualTo(Date.from(NOW));
    }

    // --- interviews, route and the outcomes handlers record in Tasklist ----------------------------------------

    @Test
    void dtvInterviewsEveryTwoWeeksWhileThePersonHasNotLeft() {
        rejected();
        BpmnAwareTests.assertThat(chain.task("Activity_DepartureInterview"))
                .hasCandidateGroup("dtv")
                .hasDueDate(nowPlus("P7D"));
        interview(false, true, false);
        arrangeForced(false, false);

        assertThat(chain.timer("Event_NextInterviewDue").getDuedate()).isEqualTo(nowPlus("P14D"));
        chain.fireTimer("Event_NextInterviewDue");
        interview(true, true, false);

        assertThat(departures.interviewRoutes).extracting(Enum::name).containsExactly("FORCED", "INDEPENDENT");
        BpmnAwareTests.assertThat(chain.task("Activity_ArrangeIndependentDeparture"))
                .hasCandidateGroup("dtv");
    }

    @Test
    void aWillingPersonDepartsIndependentlyWithIomSupport() {
        ProcessInstance departure = rejected();
        interview(true, false, false);
        chain.complete("Activity_ArrangeIndependentDeparture", Map.of("iomSupportRequested", true, "departed", true));

        assertEndedWith(departure, "Event_DepartedIndependently", DepartureOutcome.DEPARTED_INDEPENDENTLY);
    }

    @Test
    void anUnwillingPersonIsDepartedByForce() {
        ProcessInstance departure = rejected();
        interview(false, false, false);
        arrangeForced(true, false);

        assertEndedWith(departure, "Event_DepartedForced", DepartureOutcome.DEPARTED_FORCED);
    }

    @ParameterizedTest(name = "confirmed route {0} ends at {1}")
    @CsvSource({
        "INDEPENDENT, Event_DepartedIndependently, DEPARTED_INDEPENDENTLY",
        "FORCED, Event_DepartedForced, DEPARTED_FORCED"
    })
    void aConfirmedDepartureEndsTheCaseWhateverItWaitedFor(String route, String endEvent, DepartureOutcome outcome) {
        ProcessInstance departure = rejected();
        interview(false, false, false);

        send("DepartureConfirmed", Map.of("departureRoute", route));

        assertEndedWith(departure, endEvent, outcome);
    }

    @Test
    void thePolicesReportOfDepartureEndsTheCaseAsLeftWithoutSupervision() {
        ProcessInstance departure = rejected();
        send("DepartureUnsupervised", Map.of());
        assertEndedWith(departure, "Event_LeftWithoutSupervision", DepartureOutcome.LEFT_WITHOUT_SUPERVISION);
    }

    @Test
    void aPermitAfterAllEndsTheDeparture() {
        ProcessInstance departure = rejected();
        send("PermitAfterAll", Map.of("permitAfterAllReason", "COURT_ANNULMENT"));
        assertEndedWith(departure, "Event_PermitAfterAll", DepartureOutcome.PERMIT_AFTER_ALL);
    }

    // --- reporting obligation ----------------------------------------------------------------------------------

    @Test
    void twoMissedReportsInARowEndTheCaseAsLeftWithoutSupervision() {
        ProcessInstance departure = rejected();
        send("ReportMissed", Map.of());
        send("Reported", Map.of());
        send("ReportMissed", Map.of());
        BpmnAwareTests.assertThat(departure).isNotEnded();

        send("ReportMissed", Map.of());

        assertEndedWith(departure, "Event_LeftWithoutSupervision", DepartureOutcome.LEFT_WITHOUT_SUPERVISION);
    }

    @Test
    void oneMissedReportEndsTheCaseOfADublinClaimant() {
        ProcessInstance departure = handOver("DUBLIN_ACCEPTED", null, Date.from(NOW));
        send("Reported", Map.of());
        send("ReportMissed", Map.of());
        assertEndedWith(departure, "Event_LeftWithoutSupervision", DepartureOutcome.LEFT_WITHOUT_SUPERVISION);
    }

    // --- Dublin transfer ---------------------------------------------------------------------------------------

    @Test
    void theTransferDeadlineIsSixMonthsFromTheAcceptanceTwelveInPrisonEighteenWhenAbsconded() {
        Date acceptedOn = Date.from(NOW.minusSeconds(10 * 86_400));
        handOver("DUBLIN_ACCEPTED", null, acceptedOn);
        assertThat(chain.timer("Event_TransferDeadlinePassed").getDuedate()).isEqualTo(months(acceptedOn, 6));

        send("Imprisoned", Map.of());
        assertThat(chain.timer("Event_TransferDeadlinePassed").getDuedate()).isEqualTo(months(acceptedOn, 12));

        send("Absconded", Map.of());
        assertThat(chain.timer("Event_TransferDeadlinePassed").getDuedate()).isEqualTo(months(acceptedOn, 18));

        send("Imprisoned", Map.of());
        assertThat(chain.timer("Event_TransferDeadlinePassed").getDuedate()).isEqualTo(months(acceptedOn, 18));
    }

    @Test
    void aTransferNotDoneInTimeMakesTheNetherlandsResponsibleAndSendsTheCaseBackToSpoor4() {
        ProcessInstance departure = handOver("DUBLIN_ACCEPTED", null, Date.from(NOW));
        chain.fireTimer("Event_TransferDeadlinePassed");

        assertEndedWith(departure, "Event_ResponsibilityAssumed", DepartureOutcome.RESPONSIBILITY_ASSUMED);
        assertThat(historicVariable(departure, "track")).isEqualTo(4);
        assertThat(historicVariable(departure, "trackReason")).isEqualTo("DUBLIN_TRANSFER_DEADLINE_PASSED");
        assertThat(departures.tracksRecorded).containsExactly("4:DUBLIN_TRANSFER_DEADLINE_PASSED");
    }

    @Test
    void aRejectedApplicantHasNoTransferDeadlineAndCannotBeImprisonedForIt() {
        ProcessInstance departure = rejected();
        BpmnAwareTests.assertThat(departure).hasPassed("Event_NoTransferDeadline");
        assertThat(runtimeService()
                        .createEventSubscriptionQuery()
                        .eventName("Imprisoned")
                        .count())
                .isZero();
    }

    @Test
    void aDublinClaimantIsTransferredAfterThePlannedTransfer() {
        ProcessInstance departure = handOver("DUBLIN_ACCEPTED", null, Date.from(NOW));
        interview(false, false, false);
        chain.complete("Activity_PlanTransfer", Map.of("transferDate", "2024-03-11"));
        chain.complete("Activity_ExecuteTransfer", Map.of("transferCompleted", true));

        assertEndedWith(departure, "Event_TransferredDublin", DepartureOutcome.TRANSFERRED_DUBLIN);
    }

    @Test
    void notShowingUpWithin48HoursForATransferEndsTheCaseAsLeftWithoutSupervision() {
        ProcessInstance departure = handOver("DUBLIN_ACCEPTED", null, Date.from(NOW));
        interview(true, true, false);
        chain.complete("Activity_PlanTransfer", Map.of("transferDate", "2024-03-11"));
        Date reportBy = Date.from(ZonedDateTime.of(LocalDate.of(2024, 3, 13).atStartOfDay(), ZoneId.systemDefault())
                .toInstant());
        BpmnAwareTests.assertThat(chain.task("Activity_ExecuteTransfer")).hasDueDate(reportBy);
        assertThat(chain.timer("Event_TransferNoShow").getDuedate()).isEqualTo(reportBy);

        chain.fireTimer("Event_TransferNoShow");

        assertEndedWith(departure, "Event_LeftWithoutSupervision", DepartureOutcome.LEFT_WITHOUT_SUPERVISION);
    }

    // --- detention ---------------------------------------------------------------------------------------------

    private void detain() {
        interview(false, false, false);
        arrangeForced(false, true);
        BpmnAwareTests.assertThat(chain.task("Activity_ProposeDetention")).hasCandidateGroup("dtv");
        chain.complete("Activity_ProposeDetention", Map.of("detentionGround", "RISK_OF_ABSCONDING"));
    }

    @Test
    void detentionEndsAfterSixMonthsUnlessExtended() {
        ProcessInstance departure = rejected();
        detain();
        BpmnAwareTests.assertThat(chain.task("Activity_ReviewDetention")).hasDueDate(nowPlus("P6M"));
        assertThat(chain.timer("Event_DetentionPeriodPassed").getDuedate()).isEqualTo(nowPlus("P6M"));

        chain.fireTimer("Event_DetentionPeriodPassed");

        assertThat(departures.released).isTrue();
        BpmnAwareTests.assertThat(departure)
                .hasPassed("Activity_ReleaseFromDetention")
                .isWaitingAt("Event_NextInterviewDue");
    }

    @Test
    void detentionNotExtendedEndsAtTheSixMonthLimit() {
        rejected();
        detain();
        chain.complete("Activity_ReviewDetention", Map.of("extendDetention", false));
        assertThat(chain.timer("Event_DetentionLimitReached").getDuedate()).isEqualTo(nowPlus("P6M"));
    }

    @Test
    void detentionExtendedWithAReasonLastsAtMostEighteenMonthsThenThePersonIsReleased() {
        ProcessInstance departure = rejected();
        detain();
        chain.complete(
                "Activity_ReviewDetention",
                Map.of("extendDetention", true, "extensionReason", "Laissez-passer nog niet afgegeven"));

        assertThat(departures.extensionReason).isEqualTo("Laissez-passer nog niet afgegeven");
        assertThat(chain.timer("Event_DetentionLimitReached").getDuedate()).isEqualTo(nowPlus("P18M"));
        chain.fireTimer("Event_DetentionLimitReached");

        assertThat(departures.released).isTrue();
        BpmnAwareTests.assertThat(departure).isWaitingAt("Event_NextInterviewDue");
        chain.fireTimer("Event_NextInterviewDue");
        Map<String, Object> forced = new HashMap<>(
                Map.of("willingToLeave", false, "travelDocumentPresent", false, "familyWithMinorChildren", false));
        chain.complete("Activity_DepartureInterview", forced);
        arrangeForced(false, false);
        BpmnAwareTests.assertThat(departure).isWaitingAt("Event_NextInterviewDue");
    }
}

package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;
import nl.asylumchain.departure.InMemoryDepartureService;
import nl.asylumchain.departure.process.DepartureProcessBeans;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.NOW;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/appeal.bpmn and the main process around it: DMN appealEffect says whether the appeal suspends (spoor 4: yes;
 * spoor 2: no), already at the rejection. Spoor 4: indDecision calls the appeal, which waits for the ruling; an
 * annulment reopens the decision deadline. Spoor 2: the case goes to departure at the rejection and the appeal runs
 * as a process of its own beside it: the interim relief asked for, then the ruling when relief was granted.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/asylumCase.bpmn",
            "bpmn/indDecision.bpmn",
            "bpmn/appeal.bpmn",
            "bpmn/policyHold.bpmn",
            "bpmn/departure.bpmn",
            "bpmn/housing.bpmn",
            "dmn/nationalityGroups.dmn",
            "dmn/dublinReplyPeriod.dmn",
            "dmn/procedurePeriods.dmn",
            "dmn/departureRoute.dmn",
            "dmn/appealEffect.dmn",
            "dmn/procedureChoice.dmn",
            "bpmn/forms/mainInterview.form",
            "bpmn/forms/correctionsAndAdditions.form",
            "bpmn/forms/assessApplication.form",
            "bpmn/forms/intendedDecision.form",
            "bpmn/forms/decideApplication.form",
            "bpmn/forms/departureInterview.form",
            "bpmn/forms/linkMunicipality.form"
        })
class AppealProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private IndDecisionTestBeans beans;
    private InMemoryDepartureService departures;

    @BeforeEach
    void setUp() {
        departures = new InMemoryDepartureService();
        DepartureProcessBeans.register(departures, new DepartureProcessBeans.Milestones());
        beans = IndDecisionTestBeans.register();
    }

    /** A spoor-4 case, rejected in the AA, in its appeal window. */
    private ProcessInstance rejectedInTheGeneralProcedure() {
        ProcessInstance procedure = IndDecisionProcessTest.startIndProcedure(4, "GENERAL", "AFG", "");
        decideToReject();
        return procedure;
    }

    /** The main process from the IND stage on, for a spoor-2 case without family abroad, rejected. */
    private ProcessInstance caseRejectedInSpoorTwo() {
        ProcessInstance asylumCase = runtimeService()
                .createProcessInstanceByKey("asylumCase")
                .businessKey(CASE_ID)
                .setVariables(Variables.createVariables()
                        .putValue("caseId", CASE_ID)
                        .putValue("track", 2)
                        .putValue("trackReason", "SAFE_COUNTRY")
                        .putValue("nationality", "GEO")
                        .putValue("unaccompaniedMinor", false)
                        .putValue("medicalConcerns", false)
                        .putValue("eurodacHitMemberState", "")
                        .putValue("applicationDate", Date.from(NOW))
                        .putValue("temporaryProtectionUkraine", false)
                        .putValue("familyMembersAbroad", 0))
                .startBeforeActivity("Activity_IndDecision")
                .execute();
        decideToReject();
        return asylumCase;
    }

    private void decideToReject() {
        chain.complete("Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        chain.complete("Activity_CorrectionsAndAdditions", Map.of("correctionsReceived", true, "correctionNotes", ""));
        assess("REJECT");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        chain.fireTimer("Event_ResponsePeriodPassed");
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", "REJECT", "decisionReason", ""));
    }

    private void assess(String outcome) {
        Map<String, Object> form = new HashMap<>();
        form.put("decisionOutcome", outcome);
        form.put("vaReason", null);
        form.put("decisionReason", "");
        chain.complete("Activity_AssessApplication", form);
    }

    private static void send(String message, Map<String, Object> variables) {
        runtimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(CASE_ID)
                .setVariables(variables)
                .correlate();
    }

    private static void lodgeAppeal(boolean interimReliefRequested) {
        send(
                "AppealLodged",
                Map.of("appealLodgedOn", Date.from(NOW), "interimReliefRequested", interimReliefRequested));
    }

    private static long waitingFor(String message) {
        return runtimeService()
                .createEventSubscriptionQuery()
                .eventType("message")
                .eventName(message)
                .count();
    }

    @Test
    void aSuspensiveAppealWaitsForTheCourtRulingWithoutInterimRelief() {
        ProcessInstance procedure = rejectedInTheGeneralProcedure();
        lodgeAppeal(false);

        assertThat(beans.appealsSuspensive).containsExactly(true);
        ProcessInstance appeal = calledProcessInstance("appeal", procedure);
        BpmnAwareTests.assertThat(appeal)
                .isWaitingAt("Event_CourtRulingReceived")
                .hasPassed("Gateway_AppealSuspensive")
                .hasNotPassed("Event_InterimReliefDecided");
        assertThat(waitingFor("InterimRelief")).isZero();

        send("CourtRuling", Map.of("appealOutcome", "UPHELD"));
        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassed("Activity_FinalizeRejection", "Event_DecisionTaken")
                .hasNotPassed("Activity_EnforceRejection");
    }

    @Test
    void whetherAnAppealSuspendsComesFromTheDecisionTableNotFromWhoeverReportsIt() {
        ProcessInstance procedure = rejectedInTheGeneralProcedure();

        send(
                "AppealLodged",
                Map.of("appealLodgedOn", Date.from(NOW), "appealSuspensive", false, "interimReliefRequested", true));

        BpmnAwareTests.assertThat(calledProcessInstance("appeal", procedure))
                .isWaitingAt("Event_CourtRulingReceived")
                .hasPassed("Activity_DetermineAppealEffect")
                .hasNotPassed("Gateway_InterimReliefRequested")
                .variables()
                .containsEntry("appealSuspensive", true);
        assertThat(waitingFor("InterimRelief")).isZero();
    }

    /** The appeal against a spoor-2 rejection: a process of its own beside the case, not called by indDecision. */
    private static ProcessInstance appealBeside() {
        ProcessInstance appeal = runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("appeal")
                .processInstanceBusinessKey(CASE_ID)
                .singleResult();
        assertThat(appeal).as("the appeal beside the departure").isNotNull();
        assertThat(extension
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(appeal.getId())
                        .singleResult()
                        .getSuperProcessInstanceId())
                .as("called by no process")
                .isNull();
        return appeal;
    }

    @Test
    void aSpoorTwoRejectionGoesToDtvAtOnceAndTheAppealRunsBesideItWithTheInterimReliefAskedFor() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();

        // at the rejection, before any appeal: DMN appealEffect says an appeal would not suspend (Vw 2000 art. 82 lid
        // 2)
        var history = extension.getHistoryService();
        String procedure = history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(asylumCase.getId())
                .processDefinitionKey("indDecision")
                .singleResult()
                .getId();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(procedure)
                        .orderPartiallyByOccurrence()
                        .asc()
                        .list())
                .extracting(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId)
                .containsSubsequence(
                        "Activity_RecordDecision",
                        "Activity_DetermineRejectionAppealEffect",
                        "Activity_OpenAppealBesideDeparture",
                        "Activity_EnforceRejection",
                        "Event_RejectionEnforceable")
                .doesNotContain("Activity_Appeal", "Activity_FinalizeRejection");
        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Departure")
                .variables()
                .containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P0D");
        ProcessInstance appeal = appealBeside();
        BpmnAwareTests.assertThat(appeal).isWaitingAt("Gateway_AwaitAppeal").hasBusinessKey(CASE_ID);
        assertThat(chain.timer("Event_AppealWindowPassed").getDuedate()).isEqualTo(nowPlus("P7D"));

        lodgeAppeal(true);

        assertThat(beans.appealsSuspensive).containsExactly(false);
        BpmnAwareTests.assertThat(appeal).isWaitingAt("Event_InterimReliefDecided");
        assertThat(waitingFor("CourtRuling")).isZero();
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure");
    }

    @Test
    void aNonSuspensiveAppealWithoutARequestForInterimReliefLeavesTheCaseInDepartureAndWaitsForNothing() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        ProcessInstance appeal = appealBeside();

        lodgeAppeal(false);

        BpmnAwareTests.assertThat(appeal)
                .isEnded()
                .hasPassed("Event_DepartureNotSuspended", "Event_RejectionEnforceable");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure");
        assertThat(waitingFor("InterimRelief")).isZero();
        assertThat(waitingFor("CourtRuling")).isZero();
    }

    private static long dtvTasks() {
        return extension
                .getTaskService()
                .createTaskQuery()
                .processDefinitionKey("departure")
                .count();
    }

    @Test
    void interimReliefGrantedOnASpoorTwoAppealStopsTheDepartureUntilTheRulingAndADismissalResumesIt() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        lodgeAppeal(true);
        ProcessInstance appeal = appealBeside();
        assertThat(dtvTasks()).as("the departure interview").isPositive();
        String firstDeparture = calledProcessInstance("departure", asylumCase).getId();

        send("InterimRelief", Map.of("interimReliefOutcome", "GRANTED"));

        BpmnAwareTests.assertThat(appeal)
                .isWaitingAt("Event_CourtRulingReceived")
                .hasPassedInOrder(
                        "Event_InterimReliefDecided", "Gateway_ReliefBesideDeparture", "Activity_SuspendDeparture");
        // the departure process is gone with its tasks and timers: no forced departure, no departure period running out
        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Gateway_AwaitRulingAfterRelief")
                .hasPassedInOrder("Event_DepartureSuspended", "Activity_SuspendDeparture");
        assertThat(runtimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey("departure")
                        .count())
                .isZero();
        assertThat(dtvTasks()).isZero();
        assertThat(extension
                        .getManagementService()
                        .createJobQuery()
                        .processInstanceId(firstDeparture)
                        .count())
                .isZero();
        assertThat(departures.suspensions).containsExactly("SUSPENDED");

        send("CourtRuling", Map.of("appealOutcome", "UPHELD"));

        BpmnAwareTests.assertThat(appeal)
                .isEnded()
                .hasPassedInOrder(
                        "Gateway_RulingBeside",
                        "Activity_ResumeDeparture",
                        "Activity_RecordRejectionFinal",
                        "Event_RejectionFinal")
                .hasNotPassed("Event_AppealDecided", "Activity_ReturnToInd")
                .variables()
                .containsEntry("appealOutcome", "UPHELD");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure").hasPassed("Event_AppealDismissed");
        BpmnAwareTests.assertThat(calledProcessInstance("departure", asylumCase))
                .isActive()
                .hasPassed("Activity_RecordHandOver")
                .variables()
                .containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P0D");
        assertThat(dtvTasks()).as("a new departure interview").isPositive();
        assertThat(departures.suspensions).containsExactly("SUSPENDED", "RESUMED");
    }

    @Test
    void interimReliefGrantedAfterAnEnforceableRejectionMarksDepartureSuspendedAndADismissalRunsANewDeparturePeriod() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        // spoor 2 has no departure period: it ends at once and reception moves the person to a VBL
        chain.fireTimer("Event_DeparturePeriodEnded");
        assertThat(beans.milestones).endsWith("DEPARTURE_PERIOD_ENDED");
        lodgeAppeal(true);
        assertThat(beans.milestones).doesNotContain("DEPARTURE_SUSPENDED");

        send("InterimRelief", Map.of("interimReliefOutcome", "GRANTED"));

        // marked where the suspension happens, once the departure is interrupted: reception places them again
        assertThat(beans.milestones).endsWith("DEPARTURE_PERIOD_ENDED", "DEPARTURE_SUSPENDED");
        assertThat(departures.suspensions).containsExactly("SUSPENDED");

        send("CourtRuling", Map.of("appealOutcome", "UPHELD"));

        // the new hand-over runs the departure period again, whose end moves the person to their departure placement
        BpmnAwareTests.assertThat(calledProcessInstance("departure", asylumCase))
                .isWaitingAt("Event_DeparturePeriodEnded");
        chain.fireTimer("Event_DeparturePeriodEnded");
        assertThat(beans.milestones)
                .endsWith("DEPARTURE_SUSPENDED", "DEPARTURE_PERIOD_ENDED")
                .containsOnlyOnce("DEPARTURE_SUSPENDED");
    }

    @Test
    void anAnnulmentAfterGrantedInterimReliefClosesTheDepartureAndTheIndDecidesAgain() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        lodgeAppeal(true);
        ProcessInstance appeal = appealBeside();
        send("InterimRelief", Map.of("interimReliefOutcome", "GRANTED"));
        assertThat(beans.deadlineReopenings).isZero();

        send("CourtRuling", Map.of("appealOutcome", "ANNULLED"));

        BpmnAwareTests.assertThat(appeal)
                .isEnded()
                .hasPassedInOrder("Gateway_RulingBeside", "Activity_ReturnToInd", "Event_RejectionAnnulled")
                .hasNotPassed("Activity_RecordRejectionFinal", "Activity_ResumeDeparture");
        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_IndDecision")
                .hasPassedInOrder("Event_RejectionAnnulled", "Activity_CloseSuspendedDeparture")
                .hasNotPassed("Gateway_DepartureOutcome");
        assertThat(departures.suspensions).containsExactly("SUSPENDED", "ANNULLED");
        assertThat(departures.outcomes).as("no departure outcome").isEmpty();
        ProcessInstance again = calledProcessInstance("indDecision", asylumCase);
        BpmnAwareTests.assertThat(again)
                .isWaitingAt("Activity_AssessApplication")
                .hasPassedInOrder(
                        "Gateway_ReturnedToInd",
                        "Activity_DeterminePriorityAfterAnnulment",
                        "Activity_ReopenAfterAnnulment")
                .hasNotPassed("Activity_OpenProcedure", "Activity_MainInterview");
        assertThat(beans.deadlineReopenings).isEqualTo(1);

        // the new decision is a permit: on to housing, the departure stays closed
        assess("GRANT");
        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Housing")
                .variables()
                .containsEntry("indOutcome", "PERMIT_GRANTED")
                .containsEntry("returnedAfterAnnulment", false);
    }

    @Test
    void noAppealInTheWindowBesideTheDepartureMakesTheSpoorTwoRejectionFinal() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        ProcessInstance appeal = appealBeside();

        chain.fireTimer("Event_AppealWindowPassed");

        BpmnAwareTests.assertThat(appeal)
                .isEnded()
                .hasPassedInOrder("Gateway_WindowPassedBeside", "Activity_RecordRejectionFinal", "Event_RejectionFinal")
                .hasNotPassed("Event_NoAppeal");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure");
    }

    @Test
    void interimReliefRefusedEndsTheAppealProcessWhileTheCaseStaysInDeparture() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        lodgeAppeal(true);
        ProcessInstance appeal = appealBeside();

        send("InterimRelief", Map.of("interimReliefOutcome", "REFUSED"));

        BpmnAwareTests.assertThat(appeal)
                .isEnded()
                .hasPassed("Event_RejectionEnforceable")
                .hasNotPassed("Event_CourtRulingReceived");
        assertThat(beans.milestones).as("the departure goes on").doesNotContain("DEPARTURE_SUSPENDED");
        BpmnAwareTests.assertThat(calledProcessInstance("departure", asylumCase))
                .isActive()
                .variables()
                .containsEntry("indOutcome", "REJECTED");
    }

    @Test
    void aRulingThatArrivesAfterTheCaseWentToDepartureFindsNoProcessWaitingAndAPermitAfterAllTakesItToHousing() {
        ProcessInstance asylumCase = caseRejectedInSpoorTwo();
        lodgeAppeal(true);
        send("InterimRelief", Map.of("interimReliefOutcome", "REFUSED"));

        assertThat(waitingFor("CourtRuling")).isZero();
        assertThatThrownBy(() -> send("CourtRuling", Map.of("appealOutcome", "ANNULLED")))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure");

        // the IND decided again and granted: the departure module's existing way out of departure
        send("PermitAfterAll", Map.of("permitAfterAllReason", "COURT_ANNULMENT"));

        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Housing")
                .hasPassedInOrder("Activity_Departure", "Gateway_PermitHolderMerge")
                .variables()
                .containsEntry("departureOutcome", "PERMIT_AFTER_ALL");
    }

    @Test
    void anAnnulmentReopensTheDecisionDeadlineAndTheNewDecisionIsDueByIt() {
        ProcessInstance procedure = rejectedInTheGeneralProcedure();
        lodgeAppeal(false);
        assertThat(beans.deadlineReopenings).isZero();

        send("CourtRuling", Map.of("appealOutcome", "ANNULLED"));

        assertThat(beans.deadlineReopenings).isEqualTo(1);
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_AssessApplication")
                .hasPassedInOrder("Gateway_AppealOutcome", "Activity_ReopenDecisionDeadline");
        assess("REJECT");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        chain.fireTimer("Event_ResponsePeriodPassed");
        BpmnAwareTests.assertThat(chain.task("Activity_DecideApplication")).hasDueDate(nowPlus("P56D"));
    }

    @Test
    void noAppealInTheWindowStillMakesTheRejectionFinalWithoutReopeningOrEnforcing() {
        ProcessInstance procedure = rejectedInTheGeneralProcedure();

        chain.fireTimer("Event_AppealWindowPassed");

        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassed("Activity_FinalizeRejection")
                .hasNotPassed("Activity_EnforceRejection", "Activity_ReopenDecisionDeadline");
        // the called appeal leaves the finality to indDecision
        var activities = extension.getHistoryService().createHistoricActivityInstanceQuery();
        assertThat(activities.activityId("Event_NoAppeal").count()).isEqualTo(1);
        assertThat(extension
                        .getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .activityId("Activity_RecordRejectionFinal")
                        .count())
                .isZero();
        assertThat(beans.deadlineReopenings).isZero();
    }
}

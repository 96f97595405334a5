package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.NOW;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/indDecision.bpmn with its sub-processes (appeal, policyHold) and its real decisions: spoor 1 (Dublin claim,
 * reply or silence), spoor 2, spoor 4 with the AA, the VA, the voornemen and zienswijze, and the appeal.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/indDecision.bpmn",
            "bpmn/appeal.bpmn",
            "bpmn/policyHold.bpmn",
            "dmn/nationalityGroups.dmn",
            "dmn/dublinReplyPeriod.dmn",
            "dmn/procedurePeriods.dmn",
            "dmn/appealEffect.dmn",
            "dmn/procedureChoice.dmn",
            "bpmn/forms/submitDublinClaim.form",
            "bpmn/forms/mainInterview.form",
            "bpmn/forms/writtenHearing.form",
            "bpmn/forms/correctionsAndAdditions.form",
            "bpmn/forms/assessApplication.form",
            "bpmn/forms/extendedInvestigation.form",
            "bpmn/forms/intendedDecision.form",
            "bpmn/forms/decideApplication.form"
        })
class IndDecisionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private IndDecisionTestBeans beans;

    @BeforeEach
    void setUp() {
        beans = IndDecisionTestBeans.register();
    }

    static ProcessInstance startIndProcedure(
            int track, String trackReason, String nationality, String eurodacHitMemberState) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "indDecision",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("track", track)
                                .putValue("trackReason", trackReason)
                                .putValue("nationality", nationality)
                                .putValue("unaccompaniedMinor", false)
                                .putValue("medicalConcerns", false)
                                .putValue("eurodacHitMemberState", eurodacHitMemberState)
                                .putValue("applicationDate", Date.from(NOW))
                                .putValue("temporaryProtectionUkraine", false)
                                .putValue("age", 30));
    }

    private static ProcessInstance startGeneralProcedure(String nationality) {
        return startIndProcedure(4, "GENERAL", nationality, "");
    }

    private void hearAndCorrect() {
        chain.complete("Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        chain.complete("Activity_CorrectionsAndAdditions", Map.of("correctionsReceived", true, "correctionNotes", ""));
    }

    private void assess(String outcome) {
        Map<String, Object> form = new HashMap<>();
        form.put("decisionOutcome", outcome);
        form.put("vaReason", outcome.equals("EXTEND") ? "FURTHER_RESEARCH" : null);
        form.put("decisionReason", "");
        chain.complete("Activity_AssessApplication", form);
    }

    /** Voornemen, the zienswijze period, then the beschikking. */
    private void intendToRejectAndDecide(String decisionOutcome) {
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        chain.fireTimer("Event_ResponsePeriodPassed");
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", decisionOutcome, "decisionReason", ""));
    }

    private static ProcessInstance appeal(ProcessInstance procedure) {
        ProcessInstance appeal = calledProcessInstance("appeal", procedure);
        BpmnAwareTests.assertThat(appeal).hasBusinessKey(CASE_ID);
        return appeal;
    }

    private static void send(String message, Map<String, Object> variables) {
        runtimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(CASE_ID)
                .setVariables(variables)
                .correlate();
    }

    // --- spoor 4 ----------------------------------------------------------------------------------------------

    @Test
    void aGrantInTheGeneralProcedureFollowsTheMainInterviewCorrectionsAndTheAssessment() {
        ProcessInstance procedure = startGeneralProcedure("AFG");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_MainInterview");
        Task interview = chain.task("Activity_MainInterview");
        BpmnAwareTests.assertThat(interview).hasCandidateGroup("ind-decision").hasDueDate(nowPlus("P6D"));
        assertThat(interview.getPriority()).isEqualTo(50);
        assertThat(beans.milestones).containsExactly("PROCEDURE_STARTED");

        hearAndCorrect();
        BpmnAwareTests.assertThat(chain.task("Activity_AssessApplication")).hasCandidateGroup("ind-decision");
        assess("GRANT");

        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassedInOrder(
                        "Activity_OpenProcedure",
                        "Activity_HoldBeforeHearing",
                        "Activity_MainInterview",
                        "Activity_CorrectionsAndAdditions",
                        "Activity_HoldBeforeAssessment",
                        "Activity_AssessApplication",
                        "Activity_RecordGrant",
                        "Event_PermitGranted")
                .hasNotPassed("Activity_SubmitDublinClaim", "Activity_IntendedDecision", "Activity_Appeal");
        assertThat(chain.recordedDecisions).containsExactly("GRANT");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "PERMIT_GRANTED");
    }

    @Test
    void anIntendedRejectionGoesThroughVoornemenAndAOneDayZienswijzeToTheBeschikking() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        assess("REJECT");

        BpmnAwareTests.assertThat(chain.task("Activity_IntendedDecision")).hasCandidateGroup("ind-decision");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        assertThat(chain.timer("Event_ResponsePeriodPassed").getDuedate()).isEqualTo(nowPlus("P1D"));
        chain.fireTimer("Event_ResponsePeriodPassed");
        BpmnAwareTests.assertThat(chain.task("Activity_DecideApplication")).hasDueDate(nowPlus("P6D"));
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", "GRANT", "decisionReason", ""));

        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassed("Event_PermitGranted")
                .hasNotPassed("Activity_Appeal");
        assertThat(chain.recordedDecisions).containsExactly("GRANT");
    }

    @Test
    void aRejectionInTheAaIsFinalOnlyWhenTheOneWeekAppealWindowPassesWithoutAppeal() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        assess("REJECT");
        intendToRejectAndDecide("REJECT");

        assertThat(chain.recordedDecisions).containsExactly("REJECT");
        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_Appeal").hasNotPassed("Activity_FinalizeRejection");
        ProcessInstance appeal = appeal(procedure);
        BpmnAwareTests.assertThat(appeal).isWaitingAt("Gateway_AwaitAppeal");
        assertThat(chain.timer("Event_AppealWindowPassed").getDuedate()).isEqualTo(nowPlus("P7D"));

        chain.fireTimer("Event_AppealWindowPassed");

        BpmnAwareTests.assertThat(appeal).isEnded().hasPassed("Event_NoAppeal");
        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassedInOrder(
                        "Activity_RecordDecision",
                        "Activity_Appeal",
                        "Activity_FinalizeRejection",
                        "Event_DecisionTaken");
        BpmnAwareTests.assertThat(procedure)
                .variables()
                .containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P28D");
    }

    @Test
    void anAppealUpheldByTheCourtMakesTheRejectionFinal() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        assess("REJECT");
        intendToRejectAndDecide("REJECT");

        send("AppealLodged", Map.of("appealLodgedOn", Date.from(NOW), "interimReliefRequested", false));
        ProcessInstance appeal = appeal(procedure);
        BpmnAwareTests.assertThat(appeal).isWaitingAt("Event_CourtRulingReceived");
        assertThat(extension
                        .getManagementService()
                        .createJobQuery()
                        .activityId("Event_AppealWindowPassed")
                        .count())
                .isZero();
        send("CourtRuling", Map.of("appealOutcome", "UPHELD"));

        BpmnAwareTests.assertThat(procedure).isEnded().hasPassed("Activity_FinalizeRejection", "Event_DecisionTaken");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "REJECTED");
    }

    @Test
    void aRejectionAnnulledByTheCourtIsDecidedAgainByTheInd() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        assess("REJECT");
        intendToRejectAndDecide("REJECT");
        send("AppealLodged", Map.of("appealLodgedOn", Date.from(NOW), "interimReliefRequested", false));

        send("CourtRuling", Map.of("appealOutcome", "ANNULLED"));

        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_AssessApplication")
                .hasPassed("Gateway_AppealOutcome")
                .hasNotPassed("Activity_FinalizeRejection");
        assess("GRANT");
        BpmnAwareTests.assertThat(procedure).isEnded().hasPassed("Event_PermitGranted");
        assertThat(chain.recordedDecisions).containsExactly("REJECT", "GRANT");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "PERMIT_GRANTED");
    }

    @Test
    void aReferralToTheVaMarksTheExtendedProcedureAndGivesFourWeeksForZienswijzeAndAppeal() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        assess("EXTEND");

        assertThat(beans.milestones).containsExactly("PROCEDURE_STARTED", "EXTENDED_PROCEDURE_STARTED");
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_ExtendedInvestigation")
                .variables()
                .containsEntry("procedure", "VA");
        chain.complete("Activity_ExtendedInvestigation", Map.of("investigationNotes", ""));
        assess("REJECT");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        assertThat(chain.timer("Event_ResponsePeriodPassed").getDuedate()).isEqualTo(nowPlus("P28D"));
        chain.fireTimer("Event_ResponsePeriodPassed");
        BpmnAwareTests.assertThat(chain.task("Activity_DecideApplication")).hasDueDate(nowPlus("P6M"));
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", "REJECT", "decisionReason", ""));

        assertThat(chain.timer("Event_AppealWindowPassed").getDuedate()).isEqualTo(nowPlus("P28D"));
    }

    @Test
    void theIndTasksCarryThePriorityOfTheCasePriorityDecision() {
        startGeneralProcedure("DZA");
        assertThat(chain.task("Activity_MainInterview").getPriority()).isEqualTo(80);
    }

    @Test
    void promisingCasesAreHeardPhysicallyWhileTheWrittenHearingProjectIsEnded() {
        ProcessInstance procedure = startGeneralProcedure("SYR");
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_MainInterview")
                .hasNotPassed("Activity_WrittenHearing");
    }

    @Test
    void switchingTheWrittenHearingPolicyOnInTheTableSendsPromisingCasesToAWrittenHearingWithoutAJavaChange() {
        String restarted = DecisionTables.read("dmn/nationalityGroups.dmn")
                .replace(
                        "<outputEntry id=\"Rule_WrittenHearingPolicy_Current_WrittenHearingInUse\">\n          <text>false</text>",
                        "<outputEntry id=\"Rule_WrittenHearingPolicy_Current_WrittenHearingInUse\">\n          <text>true</text>");
        String deployment = extension
                .getRepositoryService()
                .createDeployment()
                .addString("nationalityGroups.dmn", restarted)
                .deploy()
                .getId();
        try {
            ProcessInstance promising = startGeneralProcedure("SYR");

            BpmnAwareTests.assertThat(promising)
                    .isWaitingAt("Activity_WrittenHearing")
                    .variables()
                    .containsEntry("hearingMode", "WRITTEN");
            BpmnAwareTests.assertThat(chain.task("Activity_WrittenHearing")).hasCandidateGroup("ind-decision");
            chain.complete("Activity_WrittenHearing", Map.of("questionnaireComplete", true, "hearingNotes", ""));
            BpmnAwareTests.assertThat(promising)
                    .isWaitingAt("Activity_CorrectionsAndAdditions")
                    .hasNotPassed("Activity_MainInterview");
        } finally {
            extension.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    // --- procedure choice (DMN procedureChoice) -----------------------------------------------------------

    @Test
    void threeMoreDaysInTheAaMakeItTheAaPlusAndTheAssessmentComesBackWithTheLaterDueDate() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();

        assess("EXTEND_AA");

        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_AssessApplication")
                .hasPassedInOrder("Activity_ChooseProcedure", "Activity_ExtendGeneralProcedure")
                .hasNotPassed("Activity_ReferToExtendedProcedure", "Activity_IntendedDecision")
                .variables()
                .containsEntry("procedure", "AA_PLUS");
        assess("REJECT");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        chain.fireTimer("Event_ResponsePeriodPassed");
        BpmnAwareTests.assertThat(chain.task("Activity_DecideApplication")).hasDueDate(nowPlus("P9D"));
    }

    @Test
    void anUnaccompaniedChildUnderTwelveIsNotRejectedInTheAaButGoesToTheVa() {
        ProcessInstance procedure = runtimeService()
                .startProcessInstanceByKey(
                        "indDecision",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("track", 4)
                                .putValue("trackReason", "GENERAL")
                                .putValue("nationality", "AFG")
                                .putValue("unaccompaniedMinor", true)
                                .putValue("age", 11)
                                .putValue("medicalConcerns", false)
                                .putValue("eurodacHitMemberState", "")
                                .putValue("applicationDate", Date.from(NOW))
                                .putValue("temporaryProtectionUkraine", false));
        hearAndCorrect();

        assess("REJECT");

        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_ExtendedInvestigation")
                .hasPassed("Activity_ReferToExtendedProcedure")
                .hasNotPassed("Activity_IntendedDecision")
                .variables()
                .containsEntry("procedure", "VA");
        @SuppressWarnings("unchecked")
        Map<String, Object> choice =
                (Map<String, Object>) runtimeService().getVariable(procedure.getId(), "procedureChoice");
        assertThat(choice).containsEntry("procedure", "VA").containsEntry("procedureGround", "MINOR_UNDER_12");
    }

    @Test
    void aReferralToTheVaRecordsTheAssessorsGround() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        Map<String, Object> form = new HashMap<>();
        form.put("decisionOutcome", "EXTEND");
        form.put("vaReason", "NO_INTERPRETER");
        form.put("decisionReason", "");
        chain.complete("Activity_AssessApplication", form);

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_ExtendedInvestigation");
        @SuppressWarnings("unchecked")
        Map<String, Object> choice =
                (Map<String, Object>) runtimeService().getVariable(procedure.getId(), "procedureChoice");
        assertThat(choice).containsEntry("procedure", "VA").containsEntry("procedureGround", "NO_INTERPRETER");
    }

    // --- spoor 2 ----------------------------------------------------------------------------------------------

    @Test
    void spoorTwoIsDecidedWithinEightDaysAndARejectionGoesToDepartureAtOnceWithTheAppealBesideIt() {
        ProcessInstance procedure = startIndProcedure(2, "SAFE_COUNTRY", "GEO", "");
        assertThat(chain.task("Activity_MainInterview").getPriority()).isEqualTo(90);
        hearAndCorrect();
        assess("REJECT");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        chain.fireTimer("Event_ResponsePeriodPassed");
        BpmnAwareTests.assertThat(chain.task("Activity_DecideApplication")).hasDueDate(nowPlus("P8D"));
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", "REJECT", "decisionReason", ""));

        // no appeal window to wait for: departure period 0 days, an appeal does not suspend (Vw 2000 art. 82 lid 2)
        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassedInOrder(
                        "Activity_RecordDecision",
                        "Activity_DetermineRejectionAppealEffect",
                        "Gateway_AppealSuspends",
                        "Activity_OpenAppealBesideDeparture",
                        "Activity_EnforceRejection",
                        "Event_RejectionEnforceable")
                .hasNotPassed("Activity_Appeal", "Event_DecisionTaken");
        BpmnAwareTests.assertThat(procedure)
                .variables()
                .containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P0D")
                .containsEntry("appealSuspensive", false);
        ProcessInstance appeal = runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("appeal")
                .processInstanceBusinessKey(CASE_ID)
                .active()
                .singleResult();
        BpmnAwareTests.assertThat(appeal)
                .isWaitingAt("Gateway_AwaitAppeal")
                .variables()
                .containsEntry("decisionType", "REJECTION")
                .containsEntry("track", 2)
                .containsEntry("appealWindow", "P7D");
    }

    @Test
    void aSpoorFourRejectionStillWaitsForTheAppealWindowBecauseItsAppealSuspends() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        assess("REJECT");
        intendToRejectAndDecide("REJECT");

        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_Appeal")
                .hasPassed("Activity_DetermineRejectionAppealEffect")
                .hasNotPassed("Activity_OpenAppealBesideDeparture")
                .variables()
                .containsEntry("appealSuspensive", true);
    }

    // --- spoor 1 ----------------------------------------------------------------------------------------------

    private void submitClaim(String claimType) {
        chain.complete("Activity_SubmitDublinClaim", Map.of("claimType", claimType, "requestedMemberState", "DE"));
    }

    @Test
    void aDublinClaimIsSubmittedByTheDublinUnitWithinTwoWeeksFirstOfAll() {
        ProcessInstance procedure = startIndProcedure(1, "VISA_MEMBER_STATE", "AFG", "");

        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_SubmitDublinClaim")
                .hasPassed("Activity_HoldBeforeDublinClaim");
        Task claim = chain.task("Activity_SubmitDublinClaim");
        BpmnAwareTests.assertThat(claim).hasCandidateGroup("ind-dublin").hasDueDate(nowPlus("P14D"));
        assertThat(claim.getPriority()).isEqualTo(95);
        assertThat(beans.milestones).isEmpty();
    }

    /** A spoor-1 case whose claim the member state accepted: the Dublin decision is taken, the appeal window open. */
    private ProcessInstance acceptedClaim() {
        ProcessInstance procedure = startIndProcedure(1, "EURODAC_HIT", "AFG", "DE");
        submitClaim("TAKE_CHARGE");
        send("DublinReply", Map.of("dublinAccepted", true));
        return procedure;
    }

    private static Date acceptedOn(ProcessInstance procedure) {
        return (Date) runtimeService().getVariable(procedure.getId(), "dublinAcceptedOn");
    }

    @Test
    void anAcceptedDublinClaimIsADecisionNotToConsiderTheApplicationOpenToAppealForOneWeek() {
        ProcessInstance procedure = acceptedClaim();

        assertThat(chain.recordedDecisions).containsExactly("DUBLIN_ACCEPTED");
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_DublinAppeal")
                .hasPassedInOrder(
                        "Event_DublinReplyReceived",
                        "Gateway_ClaimAccepted",
                        "Activity_RecordDublinAcceptance",
                        "Activity_DetermineDublinAppealWindow")
                .hasNotPassed("Event_ReplyPeriodPassed", "Activity_MainInterview", "Event_ClaimAccepted");
        BpmnAwareTests.assertThat(procedure).variables().doesNotContainKey("indOutcome");
        assertThat(chain.timer("Event_AppealWindowPassed").getDuedate()).isEqualTo(nowPlus("P7D"));

        chain.fireTimer("Event_AppealWindowPassed");

        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassedInOrder("Activity_DublinAppeal", "Activity_EnforceDublinDecision", "Event_ClaimAccepted");
        BpmnAwareTests.assertThat(procedure)
                .variables()
                .containsEntry("indOutcome", "DUBLIN_ACCEPTED")
                .containsEntry("transferPeriodFrom", Date.from(NOW));
    }

    @Test
    void anAppealAgainstTheDublinDecisionDoesNotSuspendTheTransferWithoutInterimRelief() {
        ProcessInstance procedure = acceptedClaim();

        send("AppealLodged", Map.of("appealLodgedOn", Date.from(NOW), "interimReliefRequested", false));

        assertThat(beans.appealsSuspensive).containsExactly(false);
        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassedInOrder("Activity_DublinAppeal", "Activity_EnforceDublinDecision", "Event_ClaimAccepted");
        BpmnAwareTests.assertThat(procedure)
                .variables()
                .containsEntry("indOutcome", "DUBLIN_ACCEPTED")
                .containsEntry("transferPeriodFrom", Date.from(NOW));
    }

    @Test
    void interimReliefSuspendsTheTransferAndItsSixMonthsThenRunFromTheCourtsRuling() {
        ProcessInstance procedure = acceptedClaim();
        send("AppealLodged", Map.of("appealLodgedOn", Date.from(NOW), "interimReliefRequested", true));
        send("InterimRelief", Map.of("interimReliefOutcome", "GRANTED"));
        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_DublinAppeal");

        Date ruledOn = nowPlus("P40D");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(ruledOn);
        send("CourtRuling", Map.of("appealOutcome", "UPHELD"));

        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassedInOrder(
                        "Gateway_DublinAppealOutcome",
                        "Activity_EnforceDublinDecisionAfterRuling",
                        "Event_ClaimAccepted")
                .hasNotPassed("Activity_EnforceDublinDecision");
        BpmnAwareTests.assertThat(procedure)
                .variables()
                .containsEntry("indOutcome", "DUBLIN_ACCEPTED")
                .containsEntry("transferPeriodFrom", ruledOn)
                .containsEntry("dublinAcceptedOn", Date.from(NOW));
    }

    @Test
    void aDublinDecisionAnnulledByTheCourtMakesTheNetherlandsResponsibleInSpoorFour() {
        ProcessInstance procedure = acceptedClaim();
        send("AppealLodged", Map.of("appealLodgedOn", Date.from(NOW), "interimReliefRequested", true));
        send("InterimRelief", Map.of("interimReliefOutcome", "GRANTED"));

        send("CourtRuling", Map.of("appealOutcome", "ANNULLED"));

        assertThat(beans.responsibilityReasons).containsExactly("DUBLIN_DECISION_ANNULLED");
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_MainInterview")
                .hasPassed("Activity_AssumeResponsibilityAfterAnnulment")
                .hasNotPassed("Event_ClaimAccepted")
                .variables()
                .containsEntry("track", 4)
                .containsEntry("trackReason", "DUBLIN_DECISION_ANNULLED")
                .doesNotContainKey("indOutcome");
        assertThat(chain.task("Activity_MainInterview").getPriority()).isEqualTo(50);
    }

    @Test
    void aDublinClaimRefusedByTheMemberStateMovesTheCaseToSpoorFourWithItsPriorityDeterminedAgain() {
        ProcessInstance procedure = startIndProcedure(1, "EURODAC_HIT", "AFG", "DE");
        submitClaim("TAKE_CHARGE");

        send("DublinReply", Map.of("dublinAccepted", false));

        assertThat(beans.responsibilityReasons).containsExactly("DUBLIN_CLAIM_REFUSED");
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_MainInterview")
                .hasPassedInOrder(
                        "Gateway_ClaimAccepted",
                        "Activity_AssumeResponsibility",
                        "Activity_DeterminePriority",
                        "Activity_OpenProcedure",
                        "Activity_HoldBeforeHearing")
                .variables()
                .containsEntry("track", 4)
                .containsEntry("trackReason", "DUBLIN_CLAIM_REFUSED");
        // spoor 1 comes first (95); in spoor 4 an Afghan case is standard
        assertThat(chain.task("Activity_MainInterview").getPriority()).isEqualTo(50);
        assertThat(runtimeService()
                        .createProcessInstanceQuery()
                        .variableValueEquals("track", 4)
                        .count())
                .isOne();
        assertThat(beans.milestones).containsExactly("PROCEDURE_STARTED");
        hearAndCorrect();
        assess("GRANT");
        BpmnAwareTests.assertThat(procedure)
                .isEnded()
                .hasPassed("Event_PermitGranted")
                .hasNotPassed("Event_ClaimAccepted");
    }

    @Test
    void aCaseBackFromDepartureAfterTheTransferPeriodIsRecordedInSpoorFourBeforeItsProcedureOpensAgain() {
        ProcessInstance procedure = startIndProcedure(4, "DUBLIN_TRANSFER_DEADLINE_PASSED", "AFG", "DE");

        assertThat(beans.responsibilityReasons).containsExactly("DUBLIN_TRANSFER_DEADLINE_PASSED");
        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_MainInterview")
                .hasPassedInOrder(
                        "Gateway_ReturnedToInd",
                        "Activity_AssumeResponsibilityAfterTransfer",
                        "Activity_DeterminePriority",
                        "Activity_OpenProcedure");
    }

    @Test
    void aFirstProcedureInSpoorFourChangesNoTrack() {
        ProcessInstance procedure = startGeneralProcedure("AFG");

        assertThat(beans.responsibilityReasons).isEmpty();
        BpmnAwareTests.assertThat(procedure).hasNotPassed("Activity_AssumeResponsibilityAfterTransfer");
    }

    @ParameterizedTest(name = "{0} with Eurodac hit ''{1}'': silence for {2} counts as acceptance")
    @CsvSource({"TAKE_CHARGE, DE, P2M", "TAKE_CHARGE, '', P2M", "TAKE_BACK,   '', P1M", "TAKE_BACK,   DE, P14D"})
    void aDublinClaimNotAnsweredInTheReplyPeriodCountsAsAccepted(
            String claimType, String eurodacHit, String replyPeriod) {
        ProcessInstance procedure =
                startIndProcedure(1, eurodacHit.isEmpty() ? "VISA_MEMBER_STATE" : "EURODAC_HIT", "AFG", eurodacHit);
        submitClaim(claimType);
        assertThat(chain.timer("Event_ReplyPeriodPassed").getDuedate()).isEqualTo(nowPlus(replyPeriod));

        chain.fireTimer("Event_ReplyPeriodPassed");

        BpmnAwareTests.assertThat(procedure)
                .isWaitingAt("Activity_DublinAppeal")
                .hasPassedInOrder("Event_ReplyPeriodPassed", "Activity_RecordDublinAcceptance")
                .hasNotPassed("Event_DublinReplyReceived");
        assertThat(chain.recordedDecisions).containsExactly("DUBLIN_ACCEPTED");
        assertThat(runtimeService()
                        .createEventSubscriptionQuery()
                        .eventName("DublinReply")
                        .count())
                .isZero();
    }

    // --- policy hold ------------------------------------------------------------------------------------------

    @Test
    void aCaseOfAHeldCategoryParksAtItsNextIndStepUntilTheHoldIsReleased() {
        beans.categoryOnHold = true;
        ProcessInstance procedure = startGeneralProcedure("AFG");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_HoldBeforeHearing");
        ProcessInstance hold = calledProcessInstance("policyHold", procedure);
        BpmnAwareTests.assertThat(hold)
                .isWaitingAt("Event_PolicyHoldReleased")
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsEntry("temporaryProtectionUkraine", false);
        assertThat(extension.getTaskService().createTaskQuery().count()).isZero();

        beans.categoryOnHold = false;
        send("PolicyHoldReleased", Map.of());

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_MainInterview");
        assertThat(chain.task("Activity_MainInterview").getPriority()).isEqualTo(50);
    }

    /** A spoor-4 case after the assessment intended to reject, in its way to the voornemen. */
    private ProcessInstance intendedRejection() {
        ProcessInstance procedure = startGeneralProcedure("AFG");
        hearAndCorrect();
        return procedure;
    }

    private void release(ProcessInstance procedure, String parkedAt) {
        BpmnAwareTests.assertThat(procedure).isWaitingAt(parkedAt);
        BpmnAwareTests.assertThat(calledProcessInstance("policyHold", procedure))
                .isWaitingAt("Event_PolicyHoldReleased");
        assertThat(extension.getTaskService().createTaskQuery().count()).isZero();
        beans.categoryOnHold = false;
        send("PolicyHoldReleased", Map.of());
    }

    @Test
    void aHeldCaseParksBeforeTheVoornemen() {
        ProcessInstance procedure = intendedRejection();
        beans.categoryOnHold = true;
        assess("REJECT");

        release(procedure, "Activity_HoldBeforeIntendedDecision");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_IntendedDecision");
    }

    @Test
    void aHeldCaseParksBeforeTheZienswijzePeriodStarts() {
        ProcessInstance procedure = intendedRejection();
        assess("REJECT");
        beans.categoryOnHold = true;
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));

        assertThat(extension
                        .getManagementService()
                        .createJobQuery()
                        .activityId("Event_ResponsePeriodPassed")
                        .count())
                .isZero();
        release(procedure, "Activity_HoldBeforeResponsePeriod");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Event_ResponsePeriodPassed");
        assertThat(chain.timer("Event_ResponsePeriodPassed").getDuedate()).isEqualTo(nowPlus("P1D"));
    }

    @Test
    void aHeldCaseParksBeforeTheBeschikking() {
        ProcessInstance procedure = intendedRejection();
        assess("REJECT");
        chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
        beans.categoryOnHold = true;
        chain.fireTimer("Event_ResponsePeriodPassed");

        release(procedure, "Activity_HoldBeforeDecision");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_DecideApplication");
    }

    @Test
    void theHoldCheckGetsTheCategoriesOfTheHoldCategoryTable() {
        beans.heldCategories.add("TEMPORARY_PROTECTION_UKRAINE");
        ProcessInstance procedure = runtimeService()
                .startProcessInstanceByKey(
                        "indDecision",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("track", 4)
                                .putValue("trackReason", "GENERAL")
                                .putValue("nationality", "SYR")
                                .putValue("unaccompaniedMinor", false)
                                .putValue("age", 30)
                                .putValue("medicalConcerns", false)
                                .putValue("eurodacHitMemberState", "")
                                .putValue("applicationDate", Date.from(NOW))
                                .putValue("temporaryProtectionUkraine", true));

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_HoldBeforeHearing");
        assertThat(beans.holdChecks)
                .containsExactly(java.util.List.of("TEMPORARY_PROTECTION_UKRAINE", "COUNTRY_REASSESSMENT"));
    }

    @Test
    void aNationalityTickedOnlyInTheReassessmentColumnOfTheGroupsParksItsCases() {
        beans.heldCategories.add("COUNTRY_REASSESSMENT");
        ProcessInstance before = startGeneralProcedure("YEM");
        BpmnAwareTests.assertThat(before).isWaitingAt("Activity_MainInterview");

        String withYemen = DecisionTables.read("dmn/nationalityGroups.dmn")
                .replace(
                        "<outputEntry id=\"Rule_NationalityGroups_YEM_CountryReassessment\">\n          <text>false</text>",
                        "<outputEntry id=\"Rule_NationalityGroups_YEM_CountryReassessment\">\n          <text>true</text>");
        assertThat(withYemen).isNotEqualTo(DecisionTables.read("dmn/nationalityGroups.dmn"));
        String deployment = extension
                .getRepositoryService()
                .createDeployment()
                .addString("nationalityGroups.dmn", withYemen)
                .deploy()
                .getId();
        try {
            beans.holdChecks.clear();
            ProcessInstance yemeni = startGeneralProcedure("YEM");

            BpmnAwareTests.assertThat(yemeni).isWaitingAt("Activity_HoldBeforeHearing");
            assertThat(beans.holdChecks).containsExactly(java.util.List.of("COUNTRY_REASSESSMENT"));
            beans.heldCategories.clear();
            send("PolicyHoldReleased", Map.of());
            BpmnAwareTests.assertThat(yemeni).isWaitingAt("Activity_MainInterview");
        } finally {
            extension.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}

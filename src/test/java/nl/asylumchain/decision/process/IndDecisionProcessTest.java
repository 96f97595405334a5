package nl.asylumchain.decision.process;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.NOW;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;

/** bpmn/indDecision.bpmn: spoor 1 (Dublin claim, reply or silence) and spoor 2/4 (hearing and decision). */
@Deployment(resources = {"bpmn/indDecision.bpmn", "dmn/casePriority.dmn", "bpmn/forms/submitDublinClaim.form",
        "bpmn/forms/mainInterview.form", "bpmn/forms/decideApplication.form"})
class IndDecisionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    private ProcessTestSupport chain;

    @BeforeEach
    void setUp() {
        init(extension.getProcessEngine());
        chain = ProcessTestSupport.start(extension.getProcessEngine());
    }

    @AfterEach
    void tearDown() {
        ProcessTestSupport.reset();
    }

    private static ProcessInstance startIndProcedure(int track, String nationality) {
        return runtimeService().startProcessInstanceByKey("indDecision", CASE_ID, Variables.createVariables()
                .putValue("caseId", CASE_ID)
                .putValue("track", track)
                .putValue("trackReason", track == 1 ? "EURODAC_HIT" : track == 2 ? "SAFE_COUNTRY" : "GENERAL")
                .putValue("nationality", nationality)
                .putValue("unaccompaniedMinor", false)
                .putValue("medicalConcerns", false)
                .putValue("eurodacHitMemberState", track == 1 ? "DE" : "")
                .putValue("applicationDate", Date.from(NOW)));
    }

    private void hearAndDecide(String decisionOutcome) {
        chain.complete("Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", decisionOutcome, "decisionReason", ""));
    }

    private void submitClaim(String claimType) {
        chain.complete("Activity_SubmitDublinClaim", Map.of("claimType", claimType, "requestedMemberState", "DE"));
    }

    private static void replyFromMemberState(boolean accepted) {
        runtimeService().createMessageCorrelation("DublinReply").processInstanceBusinessKey(CASE_ID)
                .setVariable("dublinAccepted", accepted).correlate();
    }

    @Test
    void aGrantInTheGeneralProcedureFollowsTheMainInterviewAndTheDecision() {
        ProcessInstance procedure = startIndProcedure(4, "AFG");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_MainInterview");
        Task interview = chain.task("Activity_MainInterview");
        BpmnAwareTests.assertThat(interview).hasCandidateGroup("ind-decision").hasDueDate(nowPlus("P6D"));
        assertThat(interview.getPriority()).isEqualTo(50);

        chain.complete("Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        BpmnAwareTests.assertThat(chain.task("Activity_DecideApplication")).hasCandidateGroup("ind-decision")
                .hasDueDate(nowPlus("P8D"));
        chain.complete("Activity_DecideApplication", Map.of("decisionOutcome", "GRANT", "decisionReason", ""));

        BpmnAwareTests.assertThat(procedure).isEnded()
                .hasPassedInOrder("Gateway_Track", "Activity_MainInterview", "Activity_DecideApplication",
                        "Activity_RecordDecision", "Event_DecisionTaken")
                .hasNotPassed("Activity_SubmitDublinClaim");
        assertThat(chain.recordedDecisions).containsExactly("GRANT");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "PERMIT_GRANTED");
    }

    @Test
    void aRejectionIsRecordedWithItsDeparturePeriod() {
        ProcessInstance procedure = startIndProcedure(2, "GEO");
        hearAndDecide("REJECT");

        BpmnAwareTests.assertThat(procedure).isEnded().hasPassed("Event_DecisionTaken");
        assertThat(chain.recordedDecisions).containsExactly("REJECT");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P0D");
    }

    @Test
    void theIndTasksCarryThePriorityOfTheCasePriorityDecision() {
        startIndProcedure(4, "DZA");
        assertThat(chain.task("Activity_MainInterview").getPriority()).isEqualTo(80);
    }

    @Test
    void aDublinClaimIsSubmittedByTheDublinUnitWithinTwoWeeksFirstOfAll() {
        ProcessInstance procedure = startIndProcedure(1, "AFG");

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_SubmitDublinClaim");
        Task claim = chain.task("Activity_SubmitDublinClaim");
        BpmnAwareTests.assertThat(claim).hasCandidateGroup("ind-dublin").hasDueDate(nowPlus("P14D"));
        assertThat(claim.getPriority()).isEqualTo(95);
    }

    @Test
    void aDublinClaimAcceptedByTheMemberStateEndsWithTheApplicationNotTakenIntoConsideration() {
        ProcessInstance procedure = startIndProcedure(1, "AFG");
        submitClaim("TAKE_CHARGE");
        BpmnAwareTests.assertThat(procedure).isWaitingAt("Gateway_AwaitDublinReply");

        replyFromMemberState(true);

        BpmnAwareTests.assertThat(procedure).isEnded()
                .hasPassedInOrder("Event_DublinReplyReceived", "Gateway_ClaimAccepted", "Activity_RecordDublinAcceptance",
                        "Event_ClaimAccepted")
                .hasNotPassed("Event_ReplyPeriodPassed", "Activity_MainInterview");
        assertThat(chain.recordedDecisions).containsExactly("DUBLIN_ACCEPTED");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "DUBLIN_ACCEPTED");
    }

    @Test
    void aDublinClaimRefusedByTheMemberStateContinuesInTheGeneralProcedure() {
        ProcessInstance procedure = startIndProcedure(1, "AFG");
        submitClaim("TAKE_CHARGE");

        replyFromMemberState(false);

        BpmnAwareTests.assertThat(procedure).isWaitingAt("Activity_MainInterview").hasPassed("Gateway_AsylumTrackMerge");
        assertThat(extension.getManagementService().createJobQuery().count()).isZero();
        hearAndDecide("GRANT");
        BpmnAwareTests.assertThat(procedure).isEnded().hasPassed("Event_DecisionTaken").hasNotPassed("Event_ClaimAccepted");
        BpmnAwareTests.assertThat(procedure).variables().containsEntry("indOutcome", "PERMIT_GRANTED");
    }

    @Test
    void aDublinClaimNotAnsweredInTwoMonthsCountsAsAccepted() {
        ProcessInstance procedure = startIndProcedure(1, "AFG");
        submitClaim("TAKE_CHARGE");
        assertThat(chain.timer("Event_ReplyPeriodPassed").getDuedate()).isEqualTo(nowPlus("P2M"));

        chain.fireTimer("Event_ReplyPeriodPassed");

        BpmnAwareTests.assertThat(procedure).isEnded()
                .hasPassedInOrder("Event_ReplyPeriodPassed", "Activity_RecordDublinAcceptance", "Event_ClaimAccepted")
                .hasNotPassed("Event_DublinReplyReceived");
        assertThat(chain.recordedDecisions).containsExactly("DUBLIN_ACCEPTED");
        assertThat(runtimeService().createEventSubscriptionQuery().count()).isZero();
    }

    @Test
    void aTakeBackRequestNotAnsweredInOneMonthCountsAsAccepted() {
        startIndProcedure(1, "AFG");
        submitClaim("TAKE_BACK");
        assertThat(chain.timer("Event_ReplyPeriodPassed").getDuedate()).isEqualTo(nowPlus("P1M"));
    }
}

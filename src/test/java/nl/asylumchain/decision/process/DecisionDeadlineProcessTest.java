package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/decisionDeadline.bpmn: the team lead is warned 4 weeks before the decision deadline and when it passes;
 * a notice of default starts the 2-week clock to penalty payments. The watch runs beside the procedure.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/decisionDeadline.bpmn",
            "bpmn/forms/reviewDecisionDeadline.form",
            "bpmn/forms/handleDeadlinePassed.form"
        })
class DecisionDeadlineProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private IndDecisionTestBeans beans;

    @BeforeEach
    void setUp() {
        beans = IndDecisionTestBeans.register();
    }

    /** As DecisionDeadlineService starts it: deadline 6 months after the application, warning 4 weeks before. */
    private static ProcessInstance watchDeadline() {
        return runtimeService()
                .startProcessInstanceByKey(
                        "decisionDeadline",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("deadlineWarningAt", nowPlus("P5M2D"))
                                .putValue("deadlineAt", nowPlus("P6M")));
    }

    @Test
    void theTeamLeadIsWarnedFourWeeksBeforeTheDeadlineWithoutInterruptingTheWatch() {
        ProcessInstance watch = watchDeadline();
        assertThat(chain.timer("Event_DeadlineNear").getDuedate()).isEqualTo(nowPlus("P5M2D"));
        assertThat(chain.timer("Event_DeadlinePassed").getDuedate()).isEqualTo(nowPlus("P6M"));

        chain.fireTimer("Event_DeadlineNear");

        BpmnAwareTests.assertThat(chain.task("Activity_ReviewDecisionDeadline")).hasCandidateGroup("ind-team-lead");
        chain.complete("Activity_ReviewDecisionDeadline", Map.of("extendDeadline", false, "extensionReason", ""));
        BpmnAwareTests.assertThat(watch).isWaitingAt("Event_DeadlinePassed").hasPassed("Event_DeadlineReviewed");
        assertThat(beans.extensions).isEmpty();
    }

    @Test
    void anExtensionInTheReviewTaskMovesTheWarningToBeforeTheNewDeadline() {
        ProcessInstance watch = watchDeadline();
        chain.fireTimer("Event_DeadlineNear");

        chain.complete(
                "Activity_ReviewDecisionDeadline",
                Map.of(
                        "extendDeadline",
                        true,
                        "extensionGround",
                        "MANY_APPLICATIONS",
                        "extensionReason",
                        "Veel gelijktijdige aanvragen"));

        assertThat(beans.extensions).containsExactly("Veel gelijktijdige aanvragen");
        BpmnAwareTests.assertThat(watch).isWaitingAt("Event_DeadlineNear", "Event_DeadlinePassed");
        assertThat(chain.timer("Event_DeadlineNear").getDuedate())
                .isEqualTo(IndDecisionTestBeans.plusMonths(nowPlus("P5M2D"), 9));
    }

    @Test
    void whenTheDeadlinePassesTheTeamLeadGetsATaskAndANoticeOfDefaultCanArrive() {
        ProcessInstance watch = watchDeadline();
        chain.fireTimer("Event_DeadlineNear");
        chain.complete("Activity_ReviewDecisionDeadline", Map.of("extendDeadline", false, "extensionReason", ""));

        chain.fireTimer("Event_DeadlinePassed");

        BpmnAwareTests.assertThat(chain.task("Activity_HandleDeadlinePassed")).hasCandidateGroup("ind-team-lead");
        BpmnAwareTests.assertThat(watch).isWaitingAt("Activity_HandleDeadlinePassed", "Event_NoticeOfDefaultReceived");
    }

    @Test
    void twoWeeksAfterANoticeOfDefaultTheCaseIsExposedToPenaltyPayments() {
        ProcessInstance watch = watchDeadline();
        chain.fireTimer("Event_DeadlinePassed");
        Date exposedAt = nowPlus("P6M14D");

        runtimeService()
                .createMessageCorrelation("NoticeOfDefault")
                .processInstanceBusinessKey(CASE_ID)
                .setVariable("penaltyExposedAt", exposedAt)
                .correlate();

        assertThat(chain.timer("Event_PenaltyPeriodPassed").getDuedate()).isEqualTo(exposedAt);
        assertThat(beans.penaltyFlags).isZero();
        chain.fireTimer("Event_PenaltyPeriodPassed");
        assertThat(beans.penaltyFlags).isEqualTo(1);
        BpmnAwareTests.assertThat(watch)
                .hasPassed("Event_ExposedToPenalty")
                .isWaitingAt("Event_DeadlineNear", "Activity_HandleDeadlinePassed");
    }
}

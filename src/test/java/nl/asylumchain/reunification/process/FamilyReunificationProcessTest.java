package nl.asylumchain.reunification.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/familyReunification.bpmn and bpmn/familyReunificationApplication.bpmn: per sponsor an application per
 * family member; each member's path from the window to arrival, refusal, a missed window or an unused mvv.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/familyReunification.bpmn",
            "bpmn/familyReunificationApplication.bpmn",
            "dmn/reunificationEligibility.dmn",
            "bpmn/forms/registerReunificationApplication.form",
            "bpmn/forms/assessFamilyTie.form",
            "bpmn/forms/recordDnaTest.form",
            "bpmn/forms/recordEmbassyInterview.form",
            "bpmn/forms/decideReunification.form",
            "bpmn/forms/extendDecisionPeriod.form"
        })
class FamilyReunificationProcessTest {

    static final String MEMBER = "0b6f7d3e-6a51-4d0a-9b1c-6e1f4a2b3c4d";
    static final String OTHER_MEMBER = "9d2c1b0a-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    /** The steps the listeners recorded, as "member:STEP". */
    private final List<String> steps = new ArrayList<>();

    /** The facts the real step records on the application date; an eligible spouse unless a test says otherwise. */
    private Map<String, Object> applicationFacts = Map.of(
            "relation",
            "SPOUSE",
            "relationBeforeEntry",
            true,
            "ageAtApplication",
            31,
            "sponsorUnaccompaniedMinor",
            false);

    /** Stand-in for the step listeners: records, and sets the deadline and facts the real one computes. */
    private void record(DelegateExecution execution, String step) {
        steps.add(execution.getVariable("familyMemberId") + ":" + step);
        if (step.equals("APPLIED")) {
            execution.setVariable("decisionDeadline", nowPlus("P3M"));
            execution.setVariables(applicationFacts);
        }
    }

    @BeforeEach
    void setUp() {
        ReunificationStepMocks.register(this::record);
        Mocks.register("openReunificationApplicationsDelegate", (JavaDelegate) execution -> {
            execution.setVariable(
                    "familyMemberIds", Variables.untypedValue(new ArrayList<>(List.of(MEMBER, OTHER_MEMBER)), true));
            execution.setVariable("applicationWindowEnd", Variables.dateValue(nowPlus("P3M"), true));
            execution.setVariable("decisionPeriod", Variables.stringValue("P3M", true));
            execution.setVariable("decisionExtension", Variables.stringValue("P3M", true));
            execution.setVariable("mvvValidity", Variables.stringValue("P90D", true));
        });
    }

    @Test
    void theSponsorsProcessRunsOneApplicationPerFamilyMemberAndEndsWhenAllAreDone() {
        ProcessInstance sponsor = runtimeService()
                .startProcessInstanceByKey(
                        "familyReunification",
                        CASE_ID,
                        Variables.putValue("caseId", CASE_ID).putValue("familyMembersAbroad", 2));

        List<ProcessInstance> applications = runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(CASE_ID)
                .list();
        assertThat(applications).hasSize(2);
        assertThat(applications.stream().map(a -> runtimeService().getVariable(a.getId(), "familyMemberId")))
                .containsExactlyInAnyOrder(MEMBER, OTHER_MEMBER);
        assertThat(runtimeService().getVariables(sponsor.getId()))
                .as("the rest is transient")
                .containsOnlyKeys("caseId", "familyMembersAbroad");
        // taskPeriods: the version of dmn/taskPeriods.dmn in force at its start, whose rows its tasks read
        assertThat(runtimeService().getVariables(applications.get(0).getId()))
                .containsOnlyKeys(
                        "caseId",
                        "familyMemberId",
                        "applicationWindowEnd",
                        "decisionPeriod",
                        "decisionExtension",
                        "mvvValidity",
                        "taskPeriods");

        for (ProcessInstance application : applications) {
            runtimeService()
                    .createProcessInstanceModification(application.getId())
                    .cancelAllForActivity(ACTIVITY_REGISTER_APPLICATION)
                    .startBeforeActivity(EVENT_REGULAR_ROUTE)
                    .execute();
        }
        assertThat(sponsor).isEnded().hasPassed(FamilyReunificationModel.EVENT_REUNIFICATION_DECIDED);
    }

    @Test
    void withDocumentsTheIndDecidesAndTheFamilyMemberArrivesOnTheMvv() {
        ProcessInstance application = startApplication();

        assertThat(chain.task(ACTIVITY_REGISTER_APPLICATION))
                .hasCandidateGroup("ind-reunification")
                .hasDueDate(nowPlus("P3M"));
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", ""));
        chain.complete(ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"));
        assertThat(chain.task(ACTIVITY_DECIDE_REUNIFICATION))
                .hasCandidateGroup("ind-reunification")
                .hasDueDate(nowPlus("P3M"));
        assertThat(chain.timer(EVENT_DECISION_PERIOD_PASSED).getDuedate()).isEqualTo(nowPlus("P3M"));
        chain.complete(ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", "GRANT", "decisionReason", ""));

        assertThat(application).isWaitingAt(GATEWAY_AWAIT_ARRIVAL);
        assertThat(chain.timer(EVENT_MVV_EXPIRED).getDuedate()).isEqualTo(nowPlus("P90D"));
        runtimeService()
                .createMessageCorrelation(MESSAGE_FAMILY_ARRIVED)
                .processInstanceBusinessKey(CASE_ID)
                .processInstanceVariableEquals("familyMemberId", MEMBER)
                .correlate();

        assertThat(application)
                .isEnded()
                .hasPassed(EVENT_FAMILY_MEMBER_ARRIVED)
                .hasNotPassed(ACTIVITY_DNA_TEST, ACTIVITY_EMBASSY_INTERVIEW);
        assertThat(steps)
                .containsExactly(
                        MEMBER + ":APPLIED",
                        MEMBER + ":EVIDENCE_ASSESSED",
                        MEMBER + ":DECIDED",
                        MEMBER + ":MVV_ISSUED");
    }

    @Test
    void aParentOfASponsorWhoDidNotComeAsAnUnaccompaniedMinorIsRefusedWithTheRuleNamed() {
        applicationFacts = Map.of("relation", "PARENT", "ageAtApplication", 58, "sponsorUnaccompaniedMinor", false);
        ProcessInstance application = startApplication();

        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of("relationBeforeEntry", false));

        assertThat(application)
                .isEnded()
                .hasPassed(ACTIVITY_DETERMINE_ELIGIBILITY, EVENT_NOT_ELIGIBLE)
                .hasNotPassed(ACTIVITY_ASSESS_REUNIFICATION, EVENT_MVV_ISSUED);
        assertThat(steps).containsExactly(MEMBER + ":APPLIED", MEMBER + ":NOT_ELIGIBLE");
        assertThat(eligibility(application))
                .containsEntry("eligible", false)
                .containsEntry("eligibilityRule", "PARENT_OF_SPONSOR_NOT_UNACCOMPANIED_MINOR");
    }

    @Test
    void aChildOfEighteenOnTheApplicationDateIsRefusedAndOneOfSeventeenGoesOnToTheEvidence() {
        applicationFacts = Map.of("relation", "CHILD", "ageAtApplication", 18, "sponsorUnaccompaniedMinor", false);
        ProcessInstance adult = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        assertThat(adult).isEnded().hasPassed(EVENT_NOT_ELIGIBLE);
        assertThat(eligibility(adult)).containsEntry("eligibilityRule", "CHILD_OF_AGE_AT_APPLICATION");

        applicationFacts = Map.of("relation", "CHILD", "ageAtApplication", 17, "sponsorUnaccompaniedMinor", false);
        ProcessInstance minor = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        assertThat(minor).isWaitingAt(ACTIVITY_ASSESS_REUNIFICATION).hasNotPassed(EVENT_NOT_ELIGIBLE);
    }

    @Test
    void aPartnerWhoseRelationBeganAfterTheSponsorEnteredIsRefused() {
        applicationFacts = Map.of(
                "relation",
                "PARTNER",
                "relationBeforeEntry",
                false,
                "ageAtApplication",
                29,
                "sponsorUnaccompaniedMinor",
                false);
        ProcessInstance application = startApplication();

        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());

        assertThat(application).isEnded().hasPassed(EVENT_NOT_ELIGIBLE);
        assertThat(eligibility(application)).containsEntry("eligibilityRule", "PARTNER_RELATION_AFTER_ENTRY");
    }

    @Test
    void withoutDocumentsADnaTestIsDoneAndItsOutcomeRecorded() {
        ProcessInstance application = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        chain.complete(ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DNA"));

        assertThat(chain.task(ACTIVITY_DNA_TEST))
                .hasCandidateGroup("ind-reunification")
                .hasDueDate(nowPlus("P3M"));
        chain.complete(ACTIVITY_DNA_TEST, Map.of("evidenceOutcome", "CONFIRMED"));
        chain.complete(ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", "GRANT"));

        assertThat(application)
                .isWaitingAt(GATEWAY_AWAIT_ARRIVAL)
                .hasPassed(ACTIVITY_DNA_TEST)
                .hasNotPassed(ACTIVITY_EMBASSY_INTERVIEW);
        assertThat(steps).contains(MEMBER + ":DNA_TEST");
    }

    @Test
    void withoutDocumentsAnIdentifyingInterviewAtTheEmbassyIsHeld() {
        ProcessInstance application = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        chain.complete(ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "INTERVIEW"));

        chain.complete(ACTIVITY_EMBASSY_INTERVIEW, Map.of("evidenceOutcome", "NOT_CONFIRMED"));
        chain.complete(ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", "REJECT"));

        assertThat(application)
                .isEnded()
                .hasPassed(ACTIVITY_EMBASSY_INTERVIEW, EVENT_REUNIFICATION_REFUSED)
                .hasNotPassed(ACTIVITY_DNA_TEST);
        assertThat(steps).contains(MEMBER + ":EMBASSY_INTERVIEW", MEMBER + ":DECIDED");
    }

    @Test
    void aRefusalEndsTheApplicationWithoutAnMvv() {
        ProcessInstance application = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        chain.complete(ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"));
        chain.complete(ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", "REJECT"));

        assertThat(application).isEnded().hasPassed(EVENT_REUNIFICATION_REFUSED).hasNotPassed(EVENT_MVV_ISSUED);
        assertThat(steps).doesNotContain(MEMBER + ":MVV_ISSUED");
    }

    @Test
    void noApplicationWithinThreeMonthsOfThePermitEndsInTheRegularRouteAndIsRecorded() {
        ProcessInstance application = startApplication();
        assertThat(chain.timer(EVENT_APPLICATION_WINDOW_PASSED).getDuedate()).isEqualTo(nowPlus("P3M"));

        chain.fireTimer(EVENT_APPLICATION_WINDOW_PASSED);

        assertThat(application).isEnded().hasPassed(EVENT_REGULAR_ROUTE).hasNotPassed(ACTIVITY_ASSESS_REUNIFICATION);
        assertThat(steps).containsExactly(MEMBER + ":WINDOW_MISSED");
    }

    @Test
    void anMvvNotUsedWithinNinetyDaysExpiresAndIsRecorded() {
        ProcessInstance application = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        chain.complete(ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"));
        chain.complete(ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", "GRANT"));

        chain.fireTimer(EVENT_MVV_EXPIRED);

        assertThat(application).isEnded().hasPassed(EVENT_MVV_UNUSED).hasNotPassed(EVENT_FAMILY_MEMBER_ARRIVED);
        assertThat(steps).endsWith(MEMBER + ":MVV_ISSUED", MEMBER + ":MVV_EXPIRED");
    }

    @Test
    void whenTheDecisionPeriodPassesTheIndExtendsItOnceAndStillDecides() {
        ProcessInstance application = startApplication();
        chain.complete(ACTIVITY_REGISTER_APPLICATION, Map.of());
        chain.complete(ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"));
        ClockUtil.setCurrentTime(Date.from(nowPlus("P3M").toInstant().plusSeconds(60)));

        chain.fireTimer(EVENT_DECISION_PERIOD_PASSED);

        assertThat(chain.task(ACTIVITY_EXTEND_DECISION_PERIOD)).hasCandidateGroup("ind-reunification");
        assertThat(chain.task(ACTIVITY_DECIDE_REUNIFICATION)).isNotNull();
        chain.complete(ACTIVITY_EXTEND_DECISION_PERIOD, Map.of("extensionReason", "DNA-uitslag laat op zich wachten"));
        assertThat(steps).contains(MEMBER + ":DECISION_PERIOD_EXTENDED");
        chain.complete(ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", "GRANT"));
        assertThat(application).isWaitingAt(GATEWAY_AWAIT_ARRIVAL).hasPassed(EVENT_DECISION_PERIOD_EXTENDED);
    }

    /** The result of DMN reunificationEligibility as the process kept it (from history: the process may have ended). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> eligibility(ProcessInstance application) {
        return (Map<String, Object>) historyService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(application.getId())
                .variableName("reunificationEligibility")
                .singleResult()
                .getValue();
    }

    private ProcessInstance startApplication() {
        return runtimeService()
                .startProcessInstanceByKey(
                        PROCESS_KEY,
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("familyMemberId", MEMBER)
                                .putValue("applicationWindowEnd", nowPlus("P3M"))
                                .putValue("decisionPeriod", "P3M")
                                .putValue("decisionExtension", "P3M")
                                .putValue("mvvValidity", "P90D"));
    }
}

package nl.asylumchain.casefile.process;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.asylumchain.ProcessTestSupport;
import nl.asylumchain.decision.process.IndDecisionTestBeans;
import nl.asylumchain.departure.InMemoryDepartureService;
import nl.asylumchain.departure.process.DepartureProcessBeans;
import nl.asylumchain.reunification.process.ReunificationStepMocks;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/asylumCase.bpmn with every stage model deployed: one test per path of a case through the chain. The four
 * beans of the contract are stand-ins; the DMN decisions and the called processes are the real ones.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/asylumCase.bpmn",
            "bpmn/registration.bpmn",
            "bpmn/indDecision.bpmn",
            "bpmn/housing.bpmn",
            "bpmn/familyReunification.bpmn",
            "bpmn/departure.bpmn",
            "bpmn/appeal.bpmn",
            "bpmn/policyHold.bpmn",
            "dmn/appealEffect.dmn",
            "dmn/procedureChoice.dmn",
            "dmn/identificationAuthority.dmn",
            "dmn/nationalityGroups.dmn",
            "dmn/dublinReplyPeriod.dmn",
            "dmn/procedurePeriods.dmn",
            "bpmn/forms/identifyAndRegister.form",
            "bpmn/forms/registrationInterview.form",
            "bpmn/forms/submitDublinClaim.form",
            "bpmn/forms/mainInterview.form",
            "bpmn/forms/decideApplication.form",
            "bpmn/forms/correctionsAndAdditions.form",
            "bpmn/forms/assessApplication.form",
            "bpmn/forms/intendedDecision.form",
            "bpmn/forms/linkMunicipality.form",
            "bpmn/forms/offerHousing.form",
            "bpmn/forms/confirmMove.form",
            "bpmn/familyReunificationApplication.bpmn",
            "bpmn/forms/registerReunificationApplication.form",
            "bpmn/forms/departureInterview.form",
            "dmn/departureRoute.dmn",
            "bpmn/forms/arrangeIndependentDeparture.form",
            "bpmn/forms/arrangeForcedDeparture.form",
            "bpmn/forms/planTransfer.form",
            "bpmn/forms/executeTransfer.form",
            "bpmn/forms/proposeDetention.form",
            "bpmn/forms/reviewDetention.form"
        })
class AsylumCaseProcessTest {

    private static final List<String> END_EVENTS = List.of(
            "Event_PermitHolderHoused",
            "Event_DepartedIndependently",
            "Event_DepartedForced",
            "Event_TransferredDublin",
            "Event_LeftWithoutSupervision");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private InMemoryDepartureService departures;

    /** When the IND accepted a Dublin claim in these tests: ten days before the hand-over. */
    private static final Date DUBLIN_ACCEPTED_ON = Date.from(NOW.minusSeconds(10 * 86_400));

    @BeforeEach
    void setUp() {
        IndDecisionTestBeans.register();
        departures = new InMemoryDepartureService();
        DepartureProcessBeans.register(departures, new DepartureProcessBeans.Milestones());
        // the IND's delegate of the contract, with the acceptance date of these tests for a Dublin decision
        JavaDelegate recordDecision = (JavaDelegate) Mocks.get("recordDecisionDelegate");
        Mocks.register("recordDecisionDelegate", (JavaDelegate) execution -> {
            recordDecision.execute(execution);
            if ("DUBLIN_ACCEPTED".equals(execution.getVariableLocal("outcome"))) {
                execution.setVariable("dublinAcceptedOn", DUBLIN_ACCEPTED_ON);
            }
        });
        // family reunification: one application, its steps not recorded here (FamilyReunificationProcessTest)
        Mocks.register("openReunificationApplicationsDelegate", (JavaDelegate) execution -> {
            execution.setVariable(
                    "familyMemberIds", Variables.untypedValue(new ArrayList<>(List.of("member-1")), true));
            execution.setVariable("applicationWindowEnd", Variables.dateValue(ProcessTestSupport.nowPlus("P3M"), true));
            for (String term : List.of("decisionPeriod", "decisionExtension", "mvvValidity")) {
                execution.setVariable(term, Variables.stringValue("P3M", true));
            }
        });
        ReunificationStepMocks.register((execution, step) -> {});
    }

    // --- the steps of a case ------------------------------------------------------------------------------------

    private static ProcessInstance applicationOf(String nationality, String arrivalLocation, int familyMembersAbroad) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "asylumCase",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("applicationType", "FIRST")
                                .putValue("arrivalLocation", arrivalLocation)
                                .putValue("nationality", nationality)
                                .putValue("unaccompaniedMinor", false)
                                .putValue("temporaryProtectionUkraine", false)
                                .putValue("familyMembersAbroad", familyMembersAbroad)
                                .putValue(
                                        "reportedOn",
                                        Date.from(NOW.minus(Duration.ofDays(REPORTED_DAYS_BEFORE_SIGNING))))
                                .putValue("age", 34));
    }

    /** I&R and aanmeldgehoor; then, unless the case went to spoor 2, the rest period passes. */
    private void register(String eurodacHitMemberState) {
        register(eurodacHitMemberState, LocalDate.ofInstant(NOW, ZoneId.systemDefault()));
    }

    /** The person reported at intake this many days before the application was signed at I&R. */
    private static final int REPORTED_DAYS_BEFORE_SIGNING = 5;

    private void register(String eurodacHitMemberState, LocalDate signedOn) {
        Map<String, Object> identification = new HashMap<>();
        identification.put("applicationSignedOn", signedOn.toString());
        identification.put("identityEstablished", true);
        identification.put("documentsPresent", false);
        identification.put("eurodacHitMemberState", eurodacHitMemberState);
        identification.put("visaMemberState", "");
        chain.complete("Activity_IdentifyAndRegister", identification);
        chain.complete(
                "Activity_RegistrationInterview",
                Map.of("protectionInMemberState", "", "medicalConcerns", false, "familyInVa", false));
        if (extension
                        .getManagementService()
                        .createJobQuery()
                        .activityId("Event_RestPeriodPassed")
                        .count()
                > 0) {
            chain.fireTimer("Event_RestPeriodPassed");
        }
    }

    /** Nader gehoor, corrections, assessment; a rejection goes through voornemen, zienswijze and the appeal window. */
    private void hearAndDecide(String decisionOutcome) {
        chain.complete("Activity_MainInterview", Map.of("interpreterPresent", true, "hearingNotes", ""));
        chain.complete("Activity_CorrectionsAndAdditions", Map.of("correctionsReceived", true, "correctionNotes", ""));
        chain.complete(
                "Activity_AssessApplication",
                Map.of("decisionOutcome", decisionOutcome, "vaReason", "", "decisionReason", ""));
        if (decisionOutcome.equals("REJECT")) {
            chain.complete("Activity_IntendedDecision", Map.of("intendedDecisionNotes", ""));
            chain.fireTimer("Event_ResponsePeriodPassed");
            chain.complete(
                    "Activity_DecideApplication", Map.of("decisionOutcome", decisionOutcome, "decisionReason", ""));
            chain.fireTimer("Event_AppealWindowPassed");
        }
    }

    private void housePermitHolder() {
        chain.complete("Activity_LinkMunicipality", Map.of("municipalityCode", "GM0014", "linkReason", ""));
        chain.complete("Activity_OfferHousing", Map.of("housingOffered", true, "addressNotes", ""));
        chain.complete("Activity_ConfirmMove", Map.of("moveDate", "2024-06-03"));
    }

    private void interview(boolean willingToLeave) {
        chain.complete(
                "Activity_DepartureInterview",
                Map.of(
                        "willingToLeave",
                        willingToLeave,
                        "travelDocumentPresent",
                        false,
                        "familyWithMinorChildren",
                        false,
                        "interviewNotes",
                        ""));
    }

    /** Works the departure to the outcome as DT&V (in Tasklist) or the police (an event) would. */
    private void depart(String departureOutcome) {
        switch (departureOutcome) {
            case "DEPARTED_INDEPENDENTLY" -> {
                interview(true);
                chain.complete(
                        "Activity_ArrangeIndependentDeparture", Map.of("iomSupportRequested", true, "departed", true));
            }
            case "DEPARTED_FORCED" -> {
                interview(false);
                chain.complete(
                        "Activity_ArrangeForcedDeparture",
                        Map.of(
                                "laissezPasserRequested",
                                true,
                                "escortArranged",
                                true,
                                "departed",
                                true,
                                "proposeDetention",
                                false));
            }
            case "TRANSFERRED_DUBLIN" -> {
                interview(false);
                chain.complete("Activity_PlanTransfer", Map.of("transferDate", "2024-03-20"));
                chain.complete("Activity_ExecuteTransfer", Map.of("transferCompleted", true));
            }
            case "LEFT_WITHOUT_SUPERVISION" ->
                runtimeService()
                        .createMessageCorrelation("DepartureUnsupervised")
                        .processInstanceBusinessKey(CASE_ID)
                        .correlate();
            default -> throw new IllegalArgumentException(departureOutcome);
        }
    }

    private void assertEndedAt(ProcessInstance asylumCase, String endEvent) {
        BpmnAwareTests.assertThat(asylumCase)
                .isEnded()
                .hasPassed(endEvent)
                .hasNotPassed(
                        END_EVENTS.stream().filter(e -> !e.equals(endEvent)).toArray(String[]::new));
        assertThat(chain.outcomes).containsExactly(endEvent);
    }

    // --- the paths ------------------------------------------------------------------------------------------------

    @Test
    void aGrantedPermitHolderWithoutFamilyAbroadIsHousedWithoutFamilyReunification() {
        ProcessInstance asylumCase = applicationOf("AFG", "TER_APEL", 0);
        BpmnAwareTests.assertThat(calledProcessInstance(asylumCase))
                .hasProcessDefinitionKey("registration")
                .hasBusinessKey(CASE_ID);
        register("");
        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_IndDecision")
                .variables()
                .containsEntry("track", 4)
                .containsEntry("trackReason", "GENERAL");

        hearAndDecide("GRANT");

        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Housing", "Gateway_PermitHolderJoin")
                .hasPassed("Gateway_PermitHolderSplit", "Gateway_FamilyAbroadMerge")
                .hasNotPassed("Activity_FamilyReunification");
        housePermitHolder();

        assertEndedAt(asylumCase, "Event_PermitHolderHoused");
        assertThat(chain.stagesEntered)
                .containsExactly("Activity_Registration", "Activity_IndDecision", "Activity_Housing");
    }

    @Test
    void aGrantedPermitHolderWithFamilyAbroadIsHousedWhileTheFamilyReunificationIsHandled() {
        ProcessInstance asylumCase = applicationOf("ERI", "TER_APEL", 3);
        register("");
        hearAndDecide("GRANT");

        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Housing", "Activity_FamilyReunification")
                .hasPassed("Gateway_FamilyAbroad");
        ProcessInstance reunification = runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("familyReunification")
                .singleResult();
        BpmnAwareTests.assertThat(reunification)
                .hasBusinessKey(CASE_ID)
                .variables()
                .containsOnlyKeys("caseId", "familyMembersAbroad")
                .containsEntry("familyMembersAbroad", 3);

        chain.fireTimer("Event_ApplicationWindowPassed");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Housing", "Gateway_PermitHolderJoin");
        housePermitHolder();

        assertEndedAt(asylumCase, "Event_PermitHolderHoused");
        assertThat(chain.stagesEntered)
                .containsExactlyInAnyOrder(
                        "Activity_Registration",
                        "Activity_IndDecision",
                        "Activity_Housing",
                        "Activity_FamilyReunification");
    }

    @Test
    void theIndDecisionCountsTheApplicationFromItsSignatureAtIAndRNotFromTheReport() {
        ProcessInstance asylumCase = applicationOf("SYR", "TER_APEL", 0);
        LocalDate signedOn = LocalDate.ofInstant(NOW, ZoneId.systemDefault()).minusDays(2);

        register("", signedOn);

        ProcessInstance decision = calledProcessInstance("indDecision", asylumCase);
        BpmnAwareTests.assertThat(decision)
                .variables()
                .containsEntry(
                        "applicationDate",
                        Date.from(signedOn.atStartOfDay(ZoneId.systemDefault()).toInstant()));
    }

    @ParameterizedTest(name = "{0} ends at {1}")
    @CsvSource({
        "DEPARTED_INDEPENDENTLY,   Event_DepartedIndependently",
        "DEPARTED_FORCED,          Event_DepartedForced",
        "LEFT_WITHOUT_SUPERVISION, Event_LeftWithoutSupervision"
    })
    void aRejectedApplicantsCaseEndsAtTheEndEventOfHowTheyDeparted(String departureOutcome, String endEvent) {
        ProcessInstance asylumCase = applicationOf("GEO", "TER_APEL", 0);
        register("");
        hearAndDecide("REJECT");

        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Departure")
                .hasPassed("Gateway_DepartureMerge")
                .variables()
                .containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P0D");
        ProcessInstance departure = calledProcessInstance("departure", asylumCase);
        BpmnAwareTests.assertThat(departure)
                .variables()
                .containsEntry("indOutcome", "REJECTED")
                .containsEntry("departurePeriod", "P0D")
                .containsEntry("track", 2)
                .doesNotContainKeys("nationality", "age", "applicationDate", "reportedOn");

        depart(departureOutcome);

        assertEndedAt(asylumCase, endEvent);
        BpmnAwareTests.assertThat(asylumCase)
                .hasNotPassed("Gateway_PermitHolderSplit")
                .variables()
                .containsEntry("departureOutcome", departureOutcome);
        assertThat(chain.stagesEntered)
                .containsExactly("Activity_Registration", "Activity_IndDecision", "Activity_Departure");
    }

    @Test
    void anAcceptedDublinClaimLeadsToDepartureAndATransferToTheMemberState() {
        ProcessInstance asylumCase = applicationOf("AFG", "SCHIPHOL", 0);
        BpmnAwareTests.assertThat(chain.task("Activity_IdentifyAndRegister")).hasCandidateGroup("kmar");
        register("DE");
        BpmnAwareTests.assertThat(asylumCase)
                .variables()
                .containsEntry("track", 1)
                .containsEntry("eurodacHitMemberState", "DE");

        chain.complete("Activity_SubmitDublinClaim", Map.of("claimType", "TAKE_CHARGE", "requestedMemberState", "DE"));
        runtimeService()
                .createMessageCorrelation("DublinReply")
                .processInstanceBusinessKey(CASE_ID)
                .setVariable("dublinAccepted", true)
                .correlate();
        chain.fireTimer("Event_AppealWindowPassed");

        BpmnAwareTests.assertThat(asylumCase)
                .isWaitingAt("Activity_Departure")
                .hasPassed("Gateway_DepartureMerge")
                .variables()
                .containsEntry("indOutcome", "DUBLIN_ACCEPTED");
        BpmnAwareTests.assertThat(calledProcessInstance("departure", asylumCase))
                .variables()
                .containsEntry("dublinAcceptedOn", DUBLIN_ACCEPTED_ON);
        depart("TRANSFERRED_DUBLIN");

        assertEndedAt(asylumCase, "Event_TransferredDublin");
    }

    private ProcessInstance acceptedDublinClaimInDeparture() {
        ProcessInstance asylumCase = applicationOf("AFG", "SCHIPHOL", 0);
        register("DE");
        chain.complete("Activity_SubmitDublinClaim", Map.of("claimType", "TAKE_CHARGE", "requestedMemberState", "DE"));
        runtimeService()
                .createMessageCorrelation("DublinReply")
                .processInstanceBusinessKey(CASE_ID)
                .setVariable("dublinAccepted", true)
                .correlate();
        chain.fireTimer("Event_AppealWindowPassed");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure");
        return asylumCase;
    }

    @Test
    void aTransferNotDoneWithinSixMonthsOfTheAcceptanceSendsTheCaseBackToTheIndInSpoor4() {
        ProcessInstance asylumCase = acceptedDublinClaimInDeparture();
        assertThat(chain.timer("Event_TransferDeadlinePassed").getDuedate())
                .isEqualTo(Date.from(DUBLIN_ACCEPTED_ON
                        .toInstant()
                        .atZone(java.time.ZoneId.systemDefault())
                        .plusMonths(6)
                        .toInstant()));

        chain.fireTimer("Event_TransferDeadlinePassed");

        BpmnAwareTests.assertThat(asylumCase)
                .hasPassed("Activity_Departure", "Gateway_DepartureOutcome")
                .isWaitingAt("Activity_IndDecision")
                .variables()
                .containsEntry("track", 4)
                .containsEntry("trackReason", "DUBLIN_TRANSFER_DEADLINE_PASSED")
                .containsEntry("departureOutcome", "RESPONSIBILITY_ASSUMED");
        ProcessInstance backAtInd = calledProcessInstance("indDecision", asylumCase);
        BpmnAwareTests.assertThat(backAtInd)
                .hasPassed("Activity_AssumeResponsibilityAfterTransfer")
                .variables()
                .containsEntry("track", 4)
                .containsEntry("trackReason", "DUBLIN_TRANSFER_DEADLINE_PASSED");
        assertThat(chain.task("Activity_MainInterview").getPriority())
                .as("spoor 4, AFG: standard")
                .isEqualTo(50);
        assertThat(chain.outcomes).isEmpty();

        hearAndDecide("GRANT");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Housing");
        housePermitHolder();
        assertEndedAt(asylumCase, "Event_PermitHolderHoused");
        assertThat(chain.stagesEntered)
                .containsExactly(
                        "Activity_Registration",
                        "Activity_IndDecision",
                        "Activity_Departure",
                        "Activity_IndDecision",
                        "Activity_Housing");
    }

    @Test
    void aPermitAfterAllDuringDepartureTakesTheCaseToThePermitHolderPath() {
        ProcessInstance asylumCase = applicationOf("GEO", "TER_APEL", 0);
        register("");
        hearAndDecide("REJECT");
        BpmnAwareTests.assertThat(asylumCase).isWaitingAt("Activity_Departure");

        runtimeService()
                .createMessageCorrelation("PermitAfterAll")
                .processInstanceBusinessKey(CASE_ID)
                .setVariable("permitAfterAllReason", "COURT_ANNULMENT")
                .correlate();

        BpmnAwareTests.assertThat(asylumCase)
                .hasPassed("Gateway_DepartureOutcome", "Gateway_PermitHolderMerge")
                .isWaitingAt("Activity_Housing", "Gateway_PermitHolderJoin");
        housePermitHolder();
        assertEndedAt(asylumCase, "Event_PermitHolderHoused");
    }
}

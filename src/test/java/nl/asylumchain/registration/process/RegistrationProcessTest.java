package nl.asylumchain.registration.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;
import nl.asylumchain.decision.process.IndDecisionTestBeans;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** bpmn/registration.bpmn: I&R by the right service, aanmeldgehoor, track, and the rest period except in spoor 2. */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/registration.bpmn",
            "dmn/identificationAuthority.dmn",
            "dmn/nationalityGroups.dmn",
            "bpmn/forms/identifyAndRegister.form",
            "bpmn/forms/registrationInterview.form"
        })
class RegistrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private IndDecisionTestBeans beans;

    @BeforeEach
    void setUp() {
        beans = IndDecisionTestBeans.register();
    }

    private static ProcessInstance startRegistration(String arrivalLocation, String nationality) {
        return startRegistration("FIRST", false, arrivalLocation, nationality);
    }

    private static ProcessInstance startRegistration(
            String applicationType, boolean returnedAfterDublin, String arrivalLocation, String nationality) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "registration",
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("applicationType", applicationType)
                                .putValue("arrivalLocation", arrivalLocation)
                                .putValue("nationality", nationality)
                                .putValue("unaccompaniedMinor", false)
                                .putValue("temporaryProtectionUkraine", false)
                                .putValue("returnedAfterDublin", returnedAfterDublin)
                                .putValue("age", 31));
    }

    /** What the identifyAndRegister form submits when nothing points to another member state. */
    private static Map<String, Object> identified(String eurodacHitMemberState) {
        Map<String, Object> form = new HashMap<>();
        form.put("identityEstablished", true);
        form.put("documentsPresent", true);
        form.put("eurodacHitMemberState", eurodacHitMemberState);
        form.put("visaMemberState", "");
        return form;
    }

    private static Map<String, Object> interviewed(String protectionInMemberState) {
        Map<String, Object> form = new HashMap<>();
        form.put("protectionInMemberState", protectionInMemberState);
        form.put("medicalConcerns", false);
        form.put("familyInVa", false);
        return form;
    }

    @Test
    void schipholArrivalsAreIdentifiedAndRegisteredByTheMarechausseeWithinADay() {
        ProcessInstance registration = startRegistration("SCHIPHOL", "AFG");

        assertThat(registration).isWaitingAt("Activity_IdentifyAndRegister");
        Task task = chain.task("Activity_IdentifyAndRegister");
        assertThat(task).hasCandidateGroup("kmar").hasDueDate(nowPlus("P1D"));
        org.assertj.core.api.Assertions.assertThat(task.getPriority()).isEqualTo(50);
        assertThat(registration).variables().containsEntry("identificationGroup", "kmar");
    }

    @Test
    void terApelArrivalsAreIdentifiedAndRegisteredByThePoliceAvim() {
        startRegistration("TER_APEL", "AFG");
        assertThat(chain.task("Activity_IdentifyAndRegister")).hasCandidateGroup("police-avim");
    }

    @Test
    void budelArrivalsAreIdentifiedAndRegisteredByThePoliceAvim() {
        startRegistration("BUDEL", "AFG");
        assertThat(chain.task("Activity_IdentifyAndRegister")).hasCandidateGroup("police-avim");
    }

    @Test
    void aRepeatApplicantIsIdentifiedAndRegisteredByTheInd() {
        ProcessInstance registration = startRegistration("REPEAT", false, "TER_APEL", "AFG");
        assertThat(chain.task("Activity_IdentifyAndRegister")).hasCandidateGroup("ind-registration");
        assertThat(registration).variables().containsEntry("identificationGroup", "ind-registration");
    }

    @Test
    void anApplicantReturnedAfterADublinTransferIsIdentifiedAndRegisteredByTheInd() {
        startRegistration("FIRST", true, "SCHIPHOL", "AFG");
        assertThat(chain.task("Activity_IdentifyAndRegister")).hasCandidateGroup("ind-registration");
    }

    @Test
    void theIndHoldsTheRegistrationInterviewWithinThreeDays() {
        ProcessInstance registration = startRegistration("TER_APEL", "AFG");
        chain.complete("Activity_IdentifyAndRegister", identified(""));

        assertThat(registration).isWaitingAt("Activity_RegistrationInterview");
        assertThat(chain.task("Activity_RegistrationInterview"))
                .hasCandidateGroup("ind-registration")
                .hasDueDate(nowPlus("P3D"));
    }

    @Test
    void safeCountryNationalsAreAssignedTrackTwoAndSkipTheRestPeriod() {
        ProcessInstance registration = startRegistration("TER_APEL", "ALB");
        chain.complete("Activity_IdentifyAndRegister", identified(""));
        chain.complete("Activity_RegistrationInterview", interviewed(""));

        assertThat(registration)
                .isEnded()
                .hasPassedInOrder(
                        "Activity_AssignTrack",
                        "Activity_RecordTrack",
                        "Gateway_RestPeriodNeeded",
                        "Event_RegistrationCompleted")
                .hasNotPassed("Event_RestPeriodPassed");
        assertThat(registration).variables().containsEntry("track", 2).containsEntry("trackReason", "SAFE_COUNTRY");
        org.assertj.core.api.Assertions.assertThat(beans.milestones).doesNotContain("REST_PERIOD_STARTED");
    }

    @Test
    void protectionHoldersInAnotherMemberStateAreAssignedTrackTwoAndSkipTheRestPeriod() {
        ProcessInstance registration = startRegistration("TER_APEL", "SYR");
        chain.complete("Activity_IdentifyAndRegister", identified(""));
        chain.complete("Activity_RegistrationInterview", interviewed("GR"));

        assertThat(registration).isEnded().hasNotPassed("Event_RestPeriodPassed");
        assertThat(registration)
                .variables()
                .containsEntry("track", 2)
                .containsEntry("trackReason", "PROTECTION_IN_MEMBER_STATE");
    }

    @Test
    void theGeneralTrackWaitsForTheSixDayRestPeriodBeforeRegistrationCompletes() {
        ProcessInstance registration = startRegistration("TER_APEL", "AFG");
        chain.complete("Activity_IdentifyAndRegister", identified(""));
        chain.complete("Activity_RegistrationInterview", interviewed(""));

        assertThat(registration).isWaitingAt("Event_RestPeriodPassed");
        assertThat(registration).variables().containsEntry("track", 4).containsEntry("trackReason", "GENERAL");
        org.assertj.core.api.Assertions.assertThat(beans.milestones).containsExactly("REST_PERIOD_STARTED");
        org.assertj.core.api.Assertions.assertThat(
                        chain.timer("Event_RestPeriodPassed").getDuedate())
                .isEqualTo(nowPlus("P6D"));

        chain.fireTimer("Event_RestPeriodPassed");
        assertThat(registration).isEnded().hasPassed("Event_RestPeriodPassed", "Event_RegistrationCompleted");
    }

    @Test
    void theDublinTrackAlsoWaitsForTheRestPeriod() {
        ProcessInstance registration = startRegistration("SCHIPHOL", "AFG");
        chain.complete("Activity_IdentifyAndRegister", identified("DE"));
        chain.complete("Activity_RegistrationInterview", interviewed(""));

        assertThat(registration).isWaitingAt("Event_RestPeriodPassed");
        assertThat(registration).variables().containsEntry("track", 1).containsEntry("trackReason", "EURODAC_HIT");
        chain.fireTimer("Event_RestPeriodPassed");
        assertThat(registration).isEnded();
    }

    @Test
    void theDueDatesPriorityAndRestPeriodFollowTheTaskPeriodsTable() throws Exception {
        // a designer changes three cells of dmn/taskPeriods.dmn: I&R within 2 days at priority 70, 8 days of rest
        String shipped;
        try (var in = getClass().getClassLoader().getResourceAsStream("dmn/taskPeriods.dmn")) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String changed = replaceOnce(
                replaceOnce(
                        replaceOnce(
                                shipped,
                                "<text>\"P1D\"</text>\n        </outputEntry>\n        <outputEntry id=\"Rule_TaskPeriods_IdentifyAndRegister_Priority\">\n          <text>50</text>",
                                "<text>\"P2D\"</text>\n        </outputEntry>\n        <outputEntry id=\"Rule_TaskPeriods_IdentifyAndRegister_Priority\">\n          <text>70</text>"),
                        "<outputEntry id=\"Rule_TaskPeriods_RestPeriodPassed_Period\">\n          <text>\"P6D\"</text>",
                        "<outputEntry id=\"Rule_TaskPeriods_RestPeriodPassed_Period\">\n          <text>\"P8D\"</text>"),
                "<outputEntry id=\"Rule_TaskPeriods_RegistrationInterview_Period\">\n          <text>\"P3D\"</text>",
                "<outputEntry id=\"Rule_TaskPeriods_RegistrationInterview_Period\">\n          <text>\"P4D\"</text>");
        var repository = extension.getProcessEngine().getRepositoryService();
        String deployment = repository
                .createDeployment()
                .addString("taskPeriods.dmn", changed)
                .deploy()
                .getId();
        try {
            ProcessInstance registration = startRegistration("TER_APEL", "AFG");
            assertThat(chain.task("Activity_IdentifyAndRegister")).hasDueDate(nowPlus("P2D"));
            org.assertj.core.api.Assertions.assertThat(
                            chain.task("Activity_IdentifyAndRegister").getPriority())
                    .isEqualTo(70);
            chain.complete("Activity_IdentifyAndRegister", identified(""));
            assertThat(chain.task("Activity_RegistrationInterview")).hasDueDate(nowPlus("P4D"));
            chain.complete("Activity_RegistrationInterview", interviewed(""));

            assertThat(registration).isWaitingAt("Event_RestPeriodPassed");
            org.assertj.core.api.Assertions.assertThat(
                            chain.timer("Event_RestPeriodPassed").getDuedate())
                    .isEqualTo(nowPlus("P8D"));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        org.assertj.core.api.Assertions.assertThat(text).contains(from);
        return text.replace(from, to);
    }
}

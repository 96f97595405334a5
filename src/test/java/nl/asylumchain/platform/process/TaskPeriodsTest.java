package nl.asylumchain.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;
import nl.asylumchain.decision.process.IndDecisionTestBeans;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

/**
 * A process reads its tasks' periods and priorities from the version of DMN taskPeriods in force when it started
 * ({@link TaskPeriods}): it keeps one string variable, not two serialized maps, and a new version of the table
 * reaches the processes that start after it, not those already running.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/registration.bpmn",
            "dmn/identificationAuthority.dmn",
            "dmn/nationalityGroups.dmn",
            "bpmn/forms/identifyAndRegister.form",
            "bpmn/forms/registrationInterview.form"
        })
class TaskPeriodsTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    @BeforeEach
    void setUp() {
        IndDecisionTestBeans.register();
    }

    @Test
    void aProcessNotesTheTableVersionInForceAndKeepsNoCopyOfItsRows() {
        ProcessInstance registration = start(Variables.createVariables());

        Map<String, Object> variables = runtimeService().getVariables(registration.getId());
        assertThat(variables.get(TaskPeriods.VARIABLE))
                .isEqualTo(repositoryService()
                        .createDecisionDefinitionQuery()
                        .decisionDefinitionKey(TaskPeriods.DECISION)
                        .latestVersion()
                        .singleResult()
                        .getId());
        assertThat(variables).doesNotContainKeys(TaskPeriods.PERIODS, TaskPeriods.PRIORITIES);
        Task task = task(registration, "Activity_IdentifyAndRegister");
        assertThat(task.getDueDate()).isEqualTo(nowPlus("P1D"));
        assertThat(task.getPriority()).isEqualTo(50);
    }

    @Test
    void aNewTableVersionReachesTheProcessesStartedAfterItNotThoseRunning() throws IOException {
        ProcessInstance before = start(Variables.createVariables());
        String newTable = repositoryService()
                .createDeployment()
                .addString("taskPeriods.dmn", tableWithInterviewIn("P9D", 70))
                .deploy()
                .getId();
        try {
            ProcessInstance after = start(Variables.createVariables());

            assertThat(interview(before).getDueDate()).isEqualTo(nowPlus("P3D"));
            assertThat(interview(before).getPriority()).isEqualTo(50);
            assertThat(interview(after).getDueDate()).isEqualTo(nowPlus("P9D"));
            assertThat(interview(after).getPriority()).isEqualTo(70);
        } finally {
            // the engine is shared by the process tests
            repositoryService().deleteDeployment(newTable, true);
        }
    }

    @Test
    void aProcessStartedWithTheMapsAsVariablesReadsItsOwnCopies() {
        // as every process started before 4 December 2026 does
        ProcessInstance registration = start(Variables.createVariables()
                .putValue(TaskPeriods.PERIODS, Map.of("Activity_IdentifyAndRegister", "P7D"))
                .putValue(TaskPeriods.PRIORITIES, Map.of("Activity_IdentifyAndRegister", 99)));

        Task task = task(registration, "Activity_IdentifyAndRegister");
        assertThat(task.getDueDate()).isEqualTo(nowPlus("P7D"));
        assertThat(task.getPriority()).isEqualTo(99);
    }

    private static ProcessInstance start(VariableMap variables) {
        return runtimeService()
                .startProcessInstanceByKey(
                        "registration",
                        CASE_ID,
                        variables
                                .putValue("caseId", CASE_ID)
                                .putValue("applicationType", "FIRST")
                                .putValue("arrivalLocation", "TER_APEL")
                                .putValue("nationality", "AFG")
                                .putValue("unaccompaniedMinor", false)
                                .putValue("temporaryProtectionUkraine", false)
                                .putValue("returnedAfterDublin", false)
                                .putValue("age", 31));
    }

    /** The registration interview, the I&R task before it completed as a handler would. */
    private static Task interview(ProcessInstance registration) {
        Task identify = taskService()
                .createTaskQuery()
                .processInstanceId(registration.getId())
                .taskDefinitionKey("Activity_IdentifyAndRegister")
                .singleResult();
        if (identify != null) {
            taskService()
                    .complete(
                            identify.getId(),
                            Variables.createVariables()
                                    .putValue("identityEstablished", true)
                                    .putValue("documentsPresent", true)
                                    .putValue("eurodacHitMemberState", "")
                                    .putValue("visaMemberState", ""));
        }
        return task(registration, "Activity_RegistrationInterview");
    }

    private static Task task(ProcessInstance instance, String activityId) {
        return taskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    /** dmn/taskPeriods.dmn with another period and priority for the registration interview. */
    private static String tableWithInterviewIn(String period, int priority) throws IOException {
        String table;
        try (InputStream in = TaskPeriodsTest.class.getResourceAsStream("/dmn/taskPeriods.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String changed = table.replaceFirst(
                        "(Rule_TaskPeriods_RegistrationInterview_Period\">\\s*<text>)\"P3D\"", "$1\"" + period + "\"")
                .replaceFirst("(Rule_TaskPeriods_RegistrationInterview_Priority\">\\s*<text>)50", "$1" + priority);
        assertThat(changed).as("the interview's row was changed").isNotEqualTo(table);
        return changed;
    }
}

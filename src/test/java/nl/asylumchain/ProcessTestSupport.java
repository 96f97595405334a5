package nl.asylumchain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import nl.asylumchain.platform.process.TaskPeriodsListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * What the process path tests share, as a JUnit extension beside the engine's: before each test a fixed engine clock,
 * camunda-bpm-assert bound to the test engine, and the beans of the contract replaced by recording stand-ins
 * (registered with {@link Mocks} for the {@code MockExpressionManager} of {@code camunda.cfg.xml}); after it, the
 * clock and the stand-ins reset. A test's own {@code @BeforeEach} runs after this and may replace a stand-in. Also
 * small steps to work a task or fire a timer by its model id. Use:
 *
 * <pre>
 * &#64;RegisterExtension
 * static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();
 * &#64;RegisterExtension
 * final ProcessTestSupport chain = new ProcessTestSupport(extension);
 * </pre>
 */
public final class ProcessTestSupport implements BeforeEachCallback, AfterEachCallback {

    /** Engine time in every process test: Monday 4 March 2024, 09:00 in the machine's zone. */
    public static final Instant NOW = java.time.LocalDateTime.of(2024, 3, 4, 9, 0)
            .atZone(ZoneId.systemDefault())
            .toInstant();

    public static final String CASE_ID = "6f1c1f5e-1d5a-4c2e-9b7e-2f0d3c4b5a69";

    /** Activity ids at which the stage listener ran, in order. */
    public final List<String> stagesEntered = new ArrayList<>();
    /** End event ids at which the outcome listener ran. */
    public final List<String> outcomes = new ArrayList<>();
    /** The {@code outcome} input parameter each call of recordDecisionDelegate received. */
    public final List<String> recordedDecisions = new ArrayList<>();

    private final ProcessEngineExtension extension;
    private ProcessEngine engine;

    /** {@code extension}: the test class's engine extension, registered before this one (a static field). */
    public ProcessTestSupport(ProcessEngineExtension extension) {
        this.extension = extension;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        engine = extension.getProcessEngine();
        init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        registerBeans();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        ClockUtil.reset();
    }

    private void registerBeans() {
        // the real listener: it reads dmn/taskPeriods.dmn, which every process test deploys with its models
        Mocks.register(TaskPeriodsListener.BEAN, new TaskPeriodsListener());
        Mocks.register("caseStageListener", (ExecutionListener) execution -> {
            assertThat(execution.getProcessBusinessKey()).isEqualTo(CASE_ID);
            stagesEntered.add(execution.getCurrentActivityId());
        });
        Mocks.register("caseOutcomeListener", (ExecutionListener) execution -> {
            assertThat(execution.getProcessBusinessKey()).isEqualTo(CASE_ID);
            outcomes.add(execution.getCurrentActivityId());
        });
        // as the contract says: the I&R form proposes today; completed, applicationSignedOn goes on as a date
        Mocks.register("applicationSignedListener", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.getExecution()
                        .setVariable(
                                "applicationSignedOn",
                                LocalDate.ofInstant(NOW, ZoneId.systemDefault()).toString());
            } else {
                LocalDate signedOn =
                        LocalDate.parse((String) task.getExecution().getVariable("applicationSignedOn"));
                task.getExecution()
                        .setVariable(
                                "applicationSignedOn",
                                Date.from(signedOn.atStartOfDay(ZoneId.systemDefault())
                                        .toInstant()));
            }
        });
        // as the contract says: reads the trackAssignment map, writes track (Integer) and trackReason (String)
        Mocks.register("recordTrackDelegate", (JavaDelegate) execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) execution.getVariable("trackAssignment");
            execution.setVariable("track", ((Number) result.get("track")).intValue());
            execution.setVariable("trackReason", result.get("trackReason"));
        });
        // as the contract says: a grant sets indOutcome PERMIT_GRANTED; a rejection sets nothing yet (the appeal
        // decides when it is final); a Dublin decision sets only dublinAcceptedOn (its appeal decides the transfer)
        Mocks.register("recordDecisionDelegate", (JavaDelegate) execution -> {
            String outcome = (String) execution.getVariableLocal("outcome");
            recordedDecisions.add(outcome);
            switch (outcome) {
                case "GRANT" -> {
                    execution.setVariable("indOutcome", "PERMIT_GRANTED");
                    execution.setVariable("departurePeriod", null);
                }
                case "REJECT" -> {}
                case "DUBLIN_ACCEPTED" -> execution.setVariable("dublinAcceptedOn", Date.from(NOW));
                default -> throw new IllegalArgumentException(outcome);
            }
        });
        // bpmn/housing.bpmn: the deadlines as the real proposeMunicipalityDelegate sets them from configuration;
        // the other housing steps record in our tables only (HousingProcessTest replaces these to watch them)
        Mocks.register("proposeMunicipalityDelegate", (JavaDelegate) execution -> {
            execution.setVariable("linkPeriod", "P14D");
            execution.setVariable("offerPeriod", "P70D");
            execution.setVariable("movePeriod", "P14D");
            execution.setVariable("temporaryHousingPeriod", "P1Y");
        });
        for (String housingStep : List.of(
                "recordLinkDelegate",
                "recordLateStepDelegate",
                "recordTemporaryHousingDelegate",
                "recordHousingDelegate")) {
            Mocks.register(housingStep, (JavaDelegate) execution -> {});
        }
    }

    /** The one open task with this model id, anywhere in the engine (tests run one case at a time). */
    public Task task(String taskDefinitionKey) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .taskDefinitionKey(taskDefinitionKey)
                .singleResult();
        assertThat(task).as("open task " + taskDefinitionKey).isNotNull();
        return task;
    }

    /** Completes the open task with this model id with what its form would submit. */
    public void complete(String taskDefinitionKey, Map<String, Object> formValues) {
        engine.getTaskService().complete(task(taskDefinitionKey).getId(), formValues);
    }

    /** The waiting timer job of this timer event. */
    public Job timer(String activityId) {
        Job job = engine.getManagementService()
                .createJobQuery()
                .activityId(activityId)
                .timers()
                .singleResult();
        assertThat(job).as("timer at " + activityId).isNotNull();
        return job;
    }

    /** Fires the timer of this timer event, as the job executor would once it is due. */
    public void fireTimer(String activityId) {
        engine.getManagementService().executeJob(timer(activityId).getId());
    }

    /** {@link #NOW} plus an ISO-8601 period, in calendar terms as the engine's business calendar adds it. */
    public static Date nowPlus(String isoPeriod) {
        return Date.from(
                NOW.atZone(ZoneId.systemDefault()).plus(Period.parse(isoPeriod)).toInstant());
    }
}

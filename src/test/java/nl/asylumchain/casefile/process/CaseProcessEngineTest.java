package nl.asylumchain.casefile.process;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.persistence.EngineRuntimeRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** How the case file reads a case's open tasks from the engine while handlers work on them. */
class CaseProcessEngineTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    private final UUID caseId = UUID.randomUUID();
    private ProcessEngine engine;
    private CaseProcessEngine caseEngine;

    @BeforeEach
    void deployOneStepProcess() {
        engine = extension.getProcessEngine();
        BpmnModelInstance oneStep = Bpmn.createExecutableProcess("oneStep")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("Activity_Interview")
                .name("Nader gehoor afnemen")
                .camundaCandidateGroups("ind-decision")
                .endEvent()
                .done();
        extension.manageDeployment(engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("oneStep.bpmn", oneStep)
                .deploy());
        // a stand-in for the main process: two stages side by side, one of them behind a timer boundary (a scope)
        BpmnModelInstance main = Bpmn.createExecutableProcess(CaseModel.PROCESS_KEY)
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask(CaseModel.ACTIVITY_REGISTRATION)
                .parallelGateway("Gateway_Fork")
                .userTask(CaseModel.ACTIVITY_HOUSING)
                .boundaryEvent("Event_Late")
                .timerWithDuration("P1D")
                .endEvent()
                .moveToNode("Gateway_Fork")
                .userTask(CaseModel.ACTIVITY_FAMILY_REUNIFICATION)
                .endEvent()
                .done();
        BpmnModelInstance twoSteps = Bpmn.createExecutableProcess("twoSteps")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("Activity_Check")
                .camundaCandidateGroups("coa")
                .endEvent()
                .done();
        extension.manageDeployment(engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("main.bpmn", main)
                .addModelInstance("twoSteps.bpmn", twoSteps)
                .deploy());
        engine.getRuntimeService().startProcessInstanceByKey("oneStep", caseId.toString());
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        caseEngine = new CaseProcessEngine(
                engine.getRuntimeService(),
                Clock.systemUTC(),
                new EngineRuntimeRepository(
                        JdbcClient.create(configuration.getDataSource()), configuration.getDatabaseTablePrefix()));
    }

    @Test
    void anOpenTaskIsListedWithItsCandidateGroups() {
        assertThat(caseEngine.openTasks(caseId)).singleElement().satisfies(open -> {
            assertThat(open.name()).isEqualTo("Nader gehoor afnemen");
            assertThat(open.candidateGroups()).containsExactly("ind-decision");
        });
    }

    @Test
    void aCompletedTaskIsNoLongerListed() {
        Task listed = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        engine.getTaskService().complete(listed.getId());

        assertThat(caseEngine.openTasks(caseId)).isEmpty();
    }

    @Test
    void aTaskWithTwoCandidateGroupsIsListedOnceWithBoth() {
        Task listed = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        engine.getTaskService().addCandidateGroup(listed.getId(), "coa");
        engine.getTaskService().addCandidateUser(listed.getId(), "demo");

        assertThat(caseEngine.openTasks(caseId))
                .singleElement()
                .satisfies(open -> assertThat(open.candidateGroups()).containsExactly("coa", "ind-decision"));
    }

    @Test
    void tasksAreListedByPriorityThenDueDate() {
        UUID other = UUID.randomUUID();
        engine.getRuntimeService().startProcessInstanceByKey("oneStep", other.toString());
        engine.getRuntimeService().startProcessInstanceByKey("twoSteps", other.toString());
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(other.toString())
                .list();
        engine.getTaskService().setPriority(tasks.get(0).getId(), 10);
        engine.getTaskService().setPriority(tasks.get(1).getId(), 80);

        assertThat(caseEngine.openTasks(other))
                .extracting(open -> open.priority())
                .containsExactly(80, 10);
    }

    @Test
    void theStagesAreTheMainProcessActivitiesWaitingNowInBothParallelBranchesAndNotTheOneLeft() {
        UUID parallel = UUID.randomUUID();
        engine.getRuntimeService().startProcessInstanceByKey(CaseModel.PROCESS_KEY, parallel.toString());
        assertThat(caseEngine.currentStages(parallel)).containsExactly(Stage.REGISTRATION);
        engine.getTaskService()
                .complete(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey(parallel.toString())
                        .singleResult()
                        .getId());

        assertThat(caseEngine.currentStages(parallel)).containsExactly(Stage.HOUSING, Stage.FAMILY_REUNIFICATION);
        assertThat(caseEngine.currentStages(caseId))
                .as("another process is no stage")
                .isEmpty();
    }
}

package nl.asylumchain.casefile.process;

import java.time.Clock;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
        engine.getRuntimeService().startProcessInstanceByKey("oneStep", caseId.toString());
        caseEngine = new CaseProcessEngine(engine.getRuntimeService(), engine.getTaskService(), Clock.systemUTC());
    }

    @Test
    void anOpenTaskIsListedWithItsCandidateGroups() {
        assertThat(caseEngine.openTasks(caseId)).singleElement().satisfies(open -> {
            assertThat(open.name()).isEqualTo("Nader gehoor afnemen");
            assertThat(open.candidateGroups()).containsExactly("ind-decision");
        });
    }

    @Test
    void aTaskCompletedWhileTheCaseFileIsReadIsLeftOutInsteadOfFailingTheRead() {
        Task listed = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        engine.getTaskService().complete(listed.getId());

        assertThat(caseEngine.describe(listed)).isEmpty();
        assertThat(caseEngine.openTasks(caseId)).isEmpty();
    }
}

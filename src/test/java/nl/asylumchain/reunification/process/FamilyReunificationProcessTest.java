package nl.asylumchain.reunification.process;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;

/** bpmn/familyReunification.bpmn: the IND decides on a nareis application within three months. */
@Deployment(resources = {"bpmn/familyReunification.bpmn", "bpmn/forms/assessReunification.form"})
class FamilyReunificationProcessTest {

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

    @Test
    void theIndAssessesAFamilyReunificationApplicationWithinThreeMonths() {
        ProcessInstance reunification = runtimeService().startProcessInstanceByKey("familyReunification", CASE_ID,
                Variables.putValue("caseId", CASE_ID).putValue("familyMembersAbroad", 2));

        assertThat(chain.task("Activity_AssessReunification")).hasCandidateGroup("ind-reunification")
                .hasDueDate(nowPlus("P3M"));
        chain.complete("Activity_AssessReunification", Map.of("reunificationOutcome", "GRANT", "evidenceType", "DNA"));

        assertThat(reunification).isEnded().hasPassed("Event_ReunificationDecided");
    }
}

package nl.asylumchain.reception.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** bpmn/guardianship.bpmn: Nidos appoints a guardian for an amv and places them where the guardian chose. */
@Deployment(resources = {"dmn/taskPeriods.dmn", "bpmn/guardianship.bpmn", "bpmn/forms/appointGuardian.form"})
class GuardianshipProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    private final List<String> placements = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Mocks.register("placeUnaccompaniedMinorDelegate", (JavaDelegate)
                execution -> placements.add((String) execution.getVariable("placement")));
    }

    @Test
    void nidosAppointsAGuardianWithinThreeDaysAndTheMinorIsPlacedWhereTheGuardianChose() {
        ProcessInstance guardianship = runtimeService()
                .startProcessInstanceByKey(
                        GuardianshipModel.PROCESS_KEY,
                        CASE_ID,
                        Variables.createVariables()
                                .putValue("caseId", CASE_ID)
                                .putValue("proposedPlacement", "NIDOS_FOSTER")
                                .putValue("placement", "NIDOS_FOSTER"));

        assertThat(chain.task(GuardianshipModel.ACTIVITY_APPOINT_GUARDIAN))
                .hasCandidateGroup("nidos")
                .hasDueDate(nowPlus("P3D"));
        chain.complete(
                GuardianshipModel.ACTIVITY_APPOINT_GUARDIAN, Map.of("guardianAppointed", true, "placement", "COA_AMV"));

        assertThat(guardianship)
                .isEnded()
                .hasPassedInOrder(
                        GuardianshipModel.ACTIVITY_APPOINT_GUARDIAN,
                        GuardianshipModel.ACTIVITY_PLACE_MINOR,
                        GuardianshipModel.EVENT_GUARDIANSHIP_ARRANGED);
        assertThat(placements).containsExactly("COA_AMV");
    }
}

package nl.asylumchain.housing.process;

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

/** bpmn/housing.bpmn: COA links to a municipality in 2 weeks, the municipality offers housing in 10, the move in 2. */
@Deployment(resources = {"bpmn/housing.bpmn", "bpmn/forms/linkMunicipality.form", "bpmn/forms/offerHousing.form",
        "bpmn/forms/confirmMove.form"})
class HousingProcessTest {

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
    void aPermitHolderIsLinkedToAMunicipalityOfferedHousingAndMoves() {
        ProcessInstance housing = runtimeService().startProcessInstanceByKey("housing", CASE_ID,
                Variables.putValue("caseId", CASE_ID));

        assertThat(chain.task("Activity_LinkMunicipality")).hasCandidateGroup("coa").hasDueDate(nowPlus("P14D"));
        chain.complete("Activity_LinkMunicipality", Map.of("municipalityCode", "GM0014", "linkReason", ""));

        assertThat(chain.task("Activity_OfferHousing")).hasCandidateGroup("municipality").hasDueDate(nowPlus("P70D"));
        chain.complete("Activity_OfferHousing", Map.of("housingOffered", true, "addressNotes", ""));

        assertThat(chain.task("Activity_ConfirmMove")).hasCandidateGroup("municipality").hasDueDate(nowPlus("P14D"));
        chain.complete("Activity_ConfirmMove", Map.of("moveDate", "2024-05-20"));

        assertThat(housing).isEnded().hasPassedInOrder("Activity_LinkMunicipality", "Activity_OfferHousing",
                "Activity_ConfirmMove", "Event_PermitHolderHoused");
    }
}

package nl.asylumchain.departure.process;

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

/** bpmn/departure.bpmn: DT&V holds a departure interview and records how the person left. */
@Deployment(resources = {"bpmn/departure.bpmn", "bpmn/forms/departureInterview.form",
        "bpmn/forms/recordDeparture.form"})
class DepartureProcessTest {

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
    void dtvHoldsADepartureInterviewAndRecordsTheDepartureWithinTheDeparturePeriod() {
        ProcessInstance departure = runtimeService().startProcessInstanceByKey("departure", CASE_ID,
                Variables.putValue("caseId", CASE_ID).putValue("indOutcome", "REJECTED")
                        .putValue("departurePeriod", "P28D"));

        assertThat(chain.task("Activity_DepartureInterview")).hasCandidateGroup("dtv").hasDueDate(nowPlus("P14D"));
        chain.complete("Activity_DepartureInterview", Map.of("willingToLeave", true, "travelDocumentPresent", true));

        assertThat(chain.task("Activity_RecordDeparture")).hasCandidateGroup("dtv").hasDueDate(nowPlus("P28D"));
        chain.complete("Activity_RecordDeparture", Map.of("departureOutcome", "DEPARTED_INDEPENDENTLY"));

        assertThat(departure).isEnded().hasPassed("Event_DepartureRecorded");
        assertThat(departure).variables().containsEntry("departureOutcome", "DEPARTED_INDEPENDENTLY");
    }
}

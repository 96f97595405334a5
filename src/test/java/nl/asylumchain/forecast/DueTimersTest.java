package nl.asylumchain.forecast;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast's simulated day runs the timers that fall due, each once, in the order of their due date. */
class DueTimersTest {

    private static final String PROCESS = "twoTimersDueTogether";

    @Test
    void aTimerThatAnEarlierTimerOfTheSameDayRemovedIsPassedOverNotReportedAsFailed() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().noCapacity().weeks(1));
        ChainDriver driver = ForecastLab.beanOfAnEmptyEngine(scenario, ChainDriver.class);
        RepositoryService repository = ForecastLab.bean(scenario, RepositoryService.class);
        RuntimeService runtime = ForecastLab.bean(scenario, RuntimeService.class);
        // a wait for the first of two deadlines that fall due at the same moment: the first to run ends the wait, and
        // with it the other's job
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .name("Start")
                .eventBasedGateway()
                .id("Gateway_FirstDeadline")
                .name("Welke termijn eerst?")
                .intermediateCatchEvent("Event_FirstDeadline")
                .name("Eerste termijn")
                .timerWithDuration("PT1H")
                .endEvent("Event_EndedByFirst")
                .name("Eerste verstreken")
                .moveToNode("Gateway_FirstDeadline")
                .intermediateCatchEvent("Event_SecondDeadline")
                .name("Tweede termijn")
                .timerWithDuration("PT1H")
                .endEvent("Event_EndedBySecond")
                .name("Tweede verstreken")
                .done();
        String deployment = repository
                .createDeployment()
                .addModelInstance(PROCESS + ".bpmn", model)
                .deploy()
                .getId();
        try {
            driver.prepare(scenario);
            runtime.startProcessInstanceByKey(PROCESS, "V-TEST-1");

            driver.day(scenario.start().plusDays(1));

            assertThat(runtime.createProcessInstanceQuery()
                            .processDefinitionKey(PROCESS)
                            .count())
                    .isZero();
            assertThat(driver.steps()).as("one of the two timers ran").isEqualTo(1);
            assertThat(driver.problems()).isEmpty();
        } finally {
            driver.finish();
            repository.deleteDeployment(deployment, true);
        }
    }
}

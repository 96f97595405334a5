package nl.asylumchain.demo.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo traffic registers cases and works them through the chain with the forms' fields; a task whose form it
 * cannot load stays open. Ticks are called by the test (interval 1 h), waits are cut short at once. Its own context
 * (not {@code ChainTestContext}): the traffic works every open task of its database, other tests' too.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:demotraffic;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.demo.traffic.enabled=true",
            "asylumchain.demo.traffic.interval=1h",
            "asylumchain.demo.traffic.cases-per-tick=3",
            "asylumchain.demo.traffic.tasks-per-tick=100",
            "asylumchain.demo.traffic.wait-shortcut=0s",
            "asylumchain.demo.traffic.seed=42"
        })
class DemoTrafficTest {

    @Autowired
    DemoTraffic traffic;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ticksRegisterCasesAndWorkThemToTheEndButLeaveUnknownTasksAlone() {
        // the model gate wants a form on every user task: this one names a form that is not deployed
        repositoryService
                .createDeployment()
                .addModelInstance(
                        "demoTrafficProbe.bpmn",
                        Bpmn.createExecutableProcess("demoTrafficProbe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent("Event_ProbeStarted")
                                .name("Gestart")
                                .userTask("Activity_NoForm")
                                .name("Zonder formulier")
                                .camundaCandidateGroups("coa")
                                .camundaDueDate("2099-01-01T00:00:00")
                                .camundaFormRef("demoTrafficNoSuchForm")
                                .camundaFormRefBinding("latest")
                                .endEvent("Event_ProbeDone")
                                .name("Klaar")
                                .done())
                .deploy();
        runtimeService.startProcessInstanceByKey("demoTrafficProbe");

        int registered = 0;
        int completed = 0;
        for (int i = 0; i < 25; i++) {
            DemoTraffic.Tick tick = traffic.tick();
            registered += tick.registered();
            completed += tick.completed();
        }

        assertThat(registered).isEqualTo(75);
        assertThat(jdbc.sql("select count(*) from cases").query(Long.class).single())
                .isEqualTo(75);
        assertThat(completed).isGreaterThan(150);
        assertThat(jdbc.sql("select count(*) from cases where status = 'CLOSED'")
                        .query(Long.class)
                        .single())
                .as("cases reached an end of the chain")
                .isGreaterThan(10);
        assertThat(jdbc.sql("select count(distinct outcome) from cases where outcome is not null")
                        .query(Long.class)
                        .single())
                .as("housed and departed at least")
                .isGreaterThanOrEqualTo(2);
        assertThat(taskService
                        .createTaskQuery()
                        .taskDefinitionKey("Activity_NoForm")
                        .count())
                .isEqualTo(1);
    }
}

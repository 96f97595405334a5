package nl.asylumchain.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models cannot run code, whoever deploys them: a process designer deploying over {@code /engine-rest} (as Camunda
 * Modeler does) gets 400 naming the file and the element, and nothing of the deployment exists afterwards.
 */
@ChainTestContext
class ModelDeploymentGateTest {

    static final String DESIGNER = "ontwerper";

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void expressionReachingForReflectionIsRefusedNamingFileAndElementAndNothingIsDeployed() {
        String model = ProbeModels.process(
                "gateReflection",
                "serviceTask",
                "camunda:expression=\"${''.getClass().forName('java.lang.Runtime').getMethods()}\"");

        Response response = deploy("gate-reflection", Map.of("reflection.bpmn", model));

        assertRefused(response, "reflection.bpmn", "Activity_Step", "getClass");
        assertNothingDeployed("gate-reflection", "gateReflection");
        // the process cannot be started, so the expression never runs
        assertThat(new ChainClient(port)
                        .post("/engine-rest/process-definition/key/gateReflection/start", DESIGNER, Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void expressionNamingASpringBeanNotOnTheListIsRefused() {
        String model = ProbeModels.process("gateBean", "serviceTask", "camunda:expression=\"${dataSource}\"");

        Response response = deploy("gate-bean", Map.of("bean.bpmn", model));

        assertRefused(response, "bean.bpmn", "Activity_Step", "'dataSource'");
        assertNothingDeployed("gate-bean", "gateBean");
    }

    @Test
    void engineServiceBehindExecutionIsRefused() {
        String model = ProbeModels.process(
                "gateEngine",
                "serviceTask",
                "camunda:expression=\"${execution.processEngineServices.identityService}\"");

        Response response = deploy("gate-engine", Map.of("engine.bpmn", model));

        assertRefused(response, "engine.bpmn", "Activity_Step", "processEngineServices");
        assertNothingDeployed("gate-engine", "gateEngine");
    }

    @Test
    void scriptTaskIsRefused() {
        String model = ProbeModels.process(
                "gateScript",
                "scriptTask",
                "scriptFormat=\"javascript\"",
                "",
                "<bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>");

        Response response = deploy("gate-script", Map.of("script.bpmn", model));

        assertRefused(response, "script.bpmn", "Activity_Step", "script task");
        assertNothingDeployed("gate-script", "gateScript");
    }

    @Test
    void scriptListenerIsRefused() {
        String model = ProbeModels.process("gateScriptListener", "task", "", """
                <bpmn:extensionElements><camunda:executionListener event="start">
                <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                </camunda:executionListener></bpmn:extensionElements>""", "");

        Response response = deploy("gate-script-listener", Map.of("listener.bpmn", model));

        assertRefused(response, "listener.bpmn", "Activity_Step", "camunda:script");
        assertNothingDeployed("gate-script-listener", "gateScriptListener");
    }

    @Test
    void javaClassIsRefused() {
        String model = ProbeModels.process("gateClass", "serviceTask", "camunda:class=\"java.lang.ProcessBuilder\"");

        Response response = deploy("gate-class", Map.of("class.bpmn", model));

        assertRefused(response, "class.bpmn", "Activity_Step", "camunda:class");
        assertNothingDeployed("gate-class", "gateClass");
    }

    @Test
    void userTaskWithoutCandidateGroupIsRefused() {
        String model = ProbeModels.process(
                "gateNoGroup",
                "userTask",
                "camunda:dueDate=\"${dueDate}\" camunda:formRef=\"mainInterview\" camunda:formRefBinding=\"latest\"");

        Response response = deploy("gate-no-group", Map.of("nogroup.bpmn", model));

        assertRefused(response, "nogroup.bpmn", "Activity_Step", "candidateGroups");
        assertNothingDeployed("gate-no-group", "gateNoGroup");
    }

    @Test
    void oneRefusedFileRefusesTheWholeDeployment() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("good.bpmn", ProbeModels.validUserTask("gateGoodHalf"));
        files.put("bad.bpmn", ProbeModels.process("gateBadHalf", "serviceTask", "camunda:class=\"java.io.File\""));

        Response response = deploy("gate-half", files);

        assertRefused(response, "bad.bpmn", "Activity_Step", "camunda:class");
        assertNothingDeployed("gate-half", "gateGoodHalf");
        assertNothingDeployed("gate-half", "gateBadHalf");
    }

    @Test
    void modelThatKeepsTheRulesDeploysForAProcessDesigner() {
        Response response = deploy("gate-valid", Map.of("valid.bpmn", ProbeModels.validUserTask("gateValid")));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("gateValid")
                        .count())
                .isEqualTo(1);
    }

    private Response deploy(String name, Map<String, String> files) {
        return ProbeModels.deploy(port, DESIGNER, name, files);
    }

    private static void assertRefused(Response response, String file, String element, String reason) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<JsonNode> errors = new java.util.ArrayList<>();
        response.body().path("errors").forEach(errors::add);
        assertThat(errors).as(response.body().toString()).anySatisfy(error -> {
            assertThat(error.path("resource").asText()).isEqualTo(file);
            assertThat(error.path("element").asText()).isEqualTo(element);
            assertThat(error.path("message").asText()).contains(reason);
        });
        // the problems list only: no engine exception text or class names
        assertThat(response.body().toString()).doesNotContain("ENGINE-").doesNotContain("Exception");
    }

    private void assertNothingDeployed(String deploymentName, String processKey) {
        assertThat(repositoryService
                        .createDeploymentQuery()
                        .deploymentName(deploymentName)
                        .count())
                .isZero();
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .count())
                .isZero();
    }
}

package nl.asylumchain.platform;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.TasklistBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL (production) models come from the release: nobody deploys through the REST API, not even an
 * administrator, while the application's own models are deployed at start-up through the same gate.
 */
class ModelDeploymentInProductionIT extends PostgresIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void restDeploymentIsOffForDesignersAndAdministrators() {
        for (String user : new String[] {"ontwerper", "demo"}) {
            Response response = ProbeModels.deploy(
                    port, user, "production-probe", Map.of("valid.bpmn", ProbeModels.validUserTask("productionProbe")));

            assertThat(response.status()).as(user).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().path("detail").asText()).contains("asylumchain.models.rest-deployment");
        }
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("productionProbe")
                        .count())
                .isZero();
    }

    @Test
    void deployingThroughTheWebappsEngineApiIsOffToo() throws Exception {
        TasklistBrowser cockpit = TasklistBrowser.login(port, "demo");
        String boundary = "probe";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + "webapp-probe\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"valid.bpmn\"; "
                + "filename=\"valid.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + ProbeModels.validUserTask("webappProbe") + "\r\n--" + boundary + "--\r\n";

        Response response = TasklistBrowser.response(cockpit.post(
                "/camunda/api/engine/engine/default/deployment/create",
                "multipart/form-data; boundary=" + boundary,
                body));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().path("detail").asText()).contains("asylumchain.models.rest-deployment");
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("webappProbe")
                        .count())
                .isZero();
    }

    @Test
    void theReleasedModelsAreDeployedAtStartUp() {
        assertThat(repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("asylumCase")
                        .count())
                .isPositive();
        assertThat(client.get("/engine-rest/deployment", "demo").status()).isEqualTo(200);
    }
}

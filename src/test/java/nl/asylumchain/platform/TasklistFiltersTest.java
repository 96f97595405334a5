package nl.asylumchain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;

/** The Tasklist filters: created once, shared per organisation, sorted and with the handler's columns. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:tasklistfilters;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
class TasklistFiltersTest {

    @LocalServerPort
    int port;

    @Autowired
    TasklistFilters filters;
    @Autowired
    FilterService filterService;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void provisioningAgainCreatesNoSecondFilterAndNoSecondGrant() {
        long filtersBefore = filterService.createFilterQuery().count();
        long grantsBefore = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();

        filters.provision();
        filters.provision();

        assertThat(filterService.createFilterQuery().count()).isEqualTo(filtersBefore)
                .isEqualTo(TasklistFilters.DEFINITIONS.size());
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count())
                .isEqualTo(grantsBefore);
        for (TasklistFilters.Definition definition : TasklistFilters.DEFINITIONS) {
            assertThat(filterService.createFilterQuery().filterName(definition.name()).count())
                    .as(definition.name()).isEqualTo(1);
        }
    }

    @Test
    void eachFilterIsReadableByExactlyTheGroupsItIsSharedWith() {
        for (TasklistFilters.Definition definition : TasklistFilters.DEFINITIONS) {
            Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
            List<String> readers = new ArrayList<>();
            for (Authorization grant : authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).list()) {
                if (grant.isPermissionGranted(Permissions.READ)) {
                    readers.add(grant.getGroupId());
                }
            }
            assertThat(readers).as(definition.name()).containsExactlyInAnyOrderElementsOf(definition.groups());
        }
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(Authorization.ANY).list()).extracting(Authorization::getGroupId)
                .containsOnly(Groups.CAMUNDA_ADMIN);
    }

    @Test
    void aMunicipalityUserSeesOnlyTheMunicipalityFiltersAndMyTasks() {
        JsonNode visible = new ChainClient(port).get("/engine-rest/filter", "gemeente").body();
        Set<String> names = new HashSet<>();
        visible.forEach(filter -> names.add(filter.path("name").asText()));

        assertThat(names).containsExactlyInAnyOrder("Mijn taken", "Gemeente – Woning aanbieden",
                "Gemeente – Verhuizing bevestigen", "Gemeente – alle taken");
    }

    @Test
    void everyFilterSortsByPriorityThenDueDateAndShowsTheCaseColumnButNoVNumber() {
        ChainClient client = new ChainClient(port);
        JsonNode all = client.get("/engine-rest/filter", "demo").body();
        assertThat(all.size()).isEqualTo(TasklistFilters.DEFINITIONS.size());
        for (JsonNode filter : all) {
            String name = filter.path("name").asText();
            JsonNode sorting = filter.path("query").path("sorting");
            assertThat(sorting.get(0).path("sortBy").asText()).as(name).isEqualTo("priority");
            assertThat(sorting.get(0).path("sortOrder").asText()).as(name).isEqualTo("desc");
            assertThat(sorting.get(1).path("sortBy").asText()).as(name).isEqualTo("dueDate");
            assertThat(sorting.get(1).path("sortOrder").asText()).as(name).isEqualTo("asc");
            assertThat(filter.path("properties").path("variables").findValuesAsText("name")).as(name)
                    .contains("caseId").doesNotContain("vNumber");
        }
    }

    @Test
    void theSpoor4FilterListsTheMainInterviewOfASpoor4CaseWithItsCaseColumnForTheIndButNotForTheMunicipality()
            throws Exception {
        ChainClient client = new ChainClient(port);
        CaseDriver driver = new CaseDriver(client);
        String caseId = driver.register();
        String taskId = driver.workToTask(caseId, "Activity_MainInterview", CaseDriver.SPOOR_4_ANSWERS);
        String spoor4 = filterService.createFilterQuery().filterName("IND – Spoor 4 op prioriteit").singleResult()
                .getId();
        String spoor2 = filterService.createFilterQuery().filterName("IND – Spoor 2 (versneld)").singleResult()
                .getId();

        JsonNode listed = client.post("/engine-rest/filter/" + spoor4 + "/list", "beslismedewerker", Map.of()).body();
        assertThat(listed.findValuesAsText("id")).contains(taskId);
        JsonNode columns = listAsTasklistDoes(spoor4, "beslismedewerker").path("_embedded");
        assertThat(columns.findValues("variable").stream().flatMap(v -> java.util.stream.StreamSupport
                .stream(v.spliterator(), false)).filter(v -> v.path("name").asText().equals("caseId"))
                .map(v -> v.path("value").asText())).contains(caseId);
        JsonNode notSpoor2 = client.post("/engine-rest/filter/" + spoor2 + "/list", "beslismedewerker", Map.of())
                .body();
        assertThat(notSpoor2.findValuesAsText("id")).doesNotContain(taskId);
        assertThat(client.post("/engine-rest/filter/" + spoor4 + "/list", "gemeente", Map.of()).status())
                .isEqualTo(403);
    }

    /** Tasklist asks for HAL, which embeds the filter's column variables with each task. */
    private JsonNode listAsTasklistDoes(String filterId, String user) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId + "/list"))
                .header("Accept", "application/hal+json").header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        String body = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    @Test
    void everyTaskKeyAFilterSelectsOnIsAUserTaskOfAModel() {
        Set<String> userTasks = new HashSet<>();
        for (File model : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            Bpmn.readModelFromFile(model).getModelElementsByType(UserTask.class)
                    .forEach(task -> userTasks.add(task.getId()));
        }
        assertThat(userTasks).contains(TasklistFilters.IDENTIFY_AND_REGISTER, TasklistFilters.REGISTRATION_INTERVIEW,
                TasklistFilters.SUBMIT_DUBLIN_CLAIM, TasklistFilters.LINK_MUNICIPALITY, TasklistFilters.OFFER_HOUSING,
                TasklistFilters.CONFIRM_MOVE, TasklistFilters.ASSESS_REUNIFICATION,
                TasklistFilters.DEPARTURE_INTERVIEW, TasklistFilters.ARRANGE_INDEPENDENT_DEPARTURE);
    }
}

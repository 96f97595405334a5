package nl.asylumchain.platform;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Tasklist filters: created once, shared per organisation, sorted and with the handler's columns. */
@ChainTestContext
class TasklistFiltersTest {

    @LocalServerPort
    int port;

    @Autowired
    TasklistFilters filters;

    @Autowired
    List<TasklistFilter.Source> sources;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    AuthorizationService authorizationService;

    @Test
    void provisioningAgainCreatesNoSecondFilterAndNoSecondGrant() {
        long filtersBefore = filterService.createFilterQuery().count();
        long grantsBefore = authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.FILTER)
                .count();

        filters.provision();
        filters.provision();

        assertThat(filterService.createFilterQuery().count())
                .isEqualTo(filtersBefore)
                .isEqualTo(definitions().size());
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.FILTER)
                        .count())
                .isEqualTo(grantsBefore);
        for (TasklistFilter definition : definitions()) {
            assertThat(filterService
                            .createFilterQuery()
                            .filterName(definition.name())
                            .count())
                    .as(definition.name())
                    .isEqualTo(1);
        }
    }

    @Test
    void eachFilterIsReadableByExactlyTheGroupsItIsSharedWith() {
        for (TasklistFilter definition : definitions()) {
            Filter filter = filterService
                    .createFilterQuery()
                    .filterName(definition.name())
                    .singleResult();
            List<String> readers = new ArrayList<>();
            for (Authorization grant : authorizationService
                    .createAuthorizationQuery()
                    .resourceType(Resources.FILTER)
                    .resourceId(filter.getId())
                    .list()) {
                if (grant.isPermissionGranted(Permissions.READ)) {
                    readers.add(grant.getGroupId());
                }
            }
            assertThat(readers).as(definition.name()).containsExactlyInAnyOrderElementsOf(definition.groups());
        }
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.FILTER)
                        .resourceId(Authorization.ANY)
                        .list())
                .extracting(Authorization::getGroupId)
                .containsOnly(Groups.CAMUNDA_ADMIN);
    }

    @Test
    void aMunicipalityUserSeesOnlyTheMunicipalityFiltersAndMyTasks() {
        JsonNode visible =
                new ChainClient(port).get("/engine-rest/filter", "gemeente").body();
        Set<String> names = new HashSet<>();
        visible.forEach(filter -> names.add(filter.path("name").asText()));

        assertThat(names)
                .containsExactlyInAnyOrder(
                        "Mijn taken",
                        "Gemeente – Woning aanbieden",
                        "Gemeente – Verhuizing bevestigen",
                        "Gemeente – alle taken");
    }

    @Test
    void everyFilterSortsByPriorityThenDueDateAndShowsTheCaseColumnButNoVNumber() {
        ChainClient client = new ChainClient(port);
        JsonNode all = client.get("/engine-rest/filter", "demo").body();
        assertThat(all.size()).isEqualTo(definitions().size());
        for (JsonNode filter : all) {
            String name = filter.path("name").asText();
            JsonNode sorting = filter.path("query").path("sorting");
            assertThat(sorting.get(0).path("sortBy").asText()).as(name).isEqualTo("priority");
            assertThat(sorting.get(0).path("sortOrder").asText()).as(name).isEqualTo("desc");
            assertThat(sorting.get(1).path("sortBy").asText()).as(name).isEqualTo("dueDate");
            assertThat(sorting.get(1).path("sortOrder").asText()).as(name).isEqualTo("asc");
            assertThat(filter.path("properties").path("variables").findValuesAsText("name"))
                    .as(name)
                    .contains("caseId")
                    .doesNotContain("vNumber");
        }
    }

    @Test
    void theSpoor4FilterListsTheMainInterviewOfASpoor4CaseWithItsCaseColumnForTheIndButNotForTheMunicipality()
            throws Exception {
        ChainClient client = new ChainClient(port);
        CaseDriver driver = new CaseDriver(client);
        String caseId = driver.register();
        String taskId = driver.workToTask(caseId, "Activity_MainInterview", CaseDriver.SPOOR_4_ANSWERS);
        String spoor4 = filterService
                .createFilterQuery()
                .filterName("IND – Spoor 4 op prioriteit")
                .singleResult()
                .getId();
        String spoor2 = filterService
                .createFilterQuery()
                .filterName("IND – Spoor 2 (versneld)")
                .singleResult()
                .getId();

        JsonNode listed = client.post("/engine-rest/filter/" + spoor4 + "/list", "beslismedewerker", Map.of())
                .body();
        assertThat(listed.findValuesAsText("id")).contains(taskId);
        JsonNode columns = listAsTasklistDoes(spoor4, "beslismedewerker").path("_embedded");
        assertThat(columns.findValues("variable").stream()
                        .flatMap(v -> java.util.stream.StreamSupport.stream(v.spliterator(), false))
                        .filter(v -> v.path("name").asText().equals("caseId"))
                        .map(v -> v.path("value").asText()))
                .contains(caseId);
        JsonNode notSpoor2 = client.post("/engine-rest/filter/" + spoor2 + "/list", "beslismedewerker", Map.of())
                .body();
        assertThat(notSpoor2.findValuesAsText("id")).doesNotContain(taskId);
        assertThat(client.post("/engine-rest/filter/" + spoor4 + "/list", "gemeente", Map.of())
                        .status())
                .isEqualTo(403);
    }

    /**
     * Tasklist shows a filter's columns from the variables the list embeds with each task, which the engine reads
     * with the user's own rights (READ_INSTANCE on the task's process definition): a missing grant leaves a column
     * blank without any error. Cases are driven so that every handler group has a task in its filters; each column
     * of each filter must then show a value for every task listed. ‘Mijn taken’ is left out: it spans every
     * process, and its track and nationality show only where the task's process carries them.
     */
    @Test
    void everyGroupSeesAValueInEveryColumnOfItsFiltersForTheTasksListed() throws Exception {
        ChainClient client = new ChainClient(port);
        CaseDriver driver = new CaseDriver(client);
        Map<String, Map<String, Object>> grant = CaseDriver.answers("GRANT");

        driver.register();
        Map<String, Object> schiphol = ChainClient.application();
        ChainClient.section(schiphol, "arrival").put("location", "SCHIPHOL");
        driver.register(schiphol);
        driver.workToTask(driver.register(), RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW, grant);
        driver.workToTask(driver.register(), "Activity_MainInterview", grant);
        driver.workToTask(driver.register(), HousingModel.ACTIVITY_LINK_MUNICIPALITY, grant);
        driver.workToTask(driver.register(), FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION, grant);
        driver.workToTask(driver.register(), HousingModel.ACTIVITY_OFFER_HOUSING, grant);
        // the appeal window's timers also pass the decision deadline: the team lead handles that on the way
        Map<String, Map<String, Object>> reject = CaseDriver.answers("REJECT");
        reject.put("Activity_ReviewDecisionDeadline", Map.of("extendDeadline", false, "extensionReason", ""));
        reject.put("Activity_HandleDeadlinePassed", Map.of("deadlinePassedNotes", ""));
        driver.workToTask(driver.register(), DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, reject);
        Map<String, Map<String, Object>> dublin = CaseDriver.answers("GRANT");
        dublin.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "documentsPresent",
                        true,
                        "eurodacHitMemberState",
                        "DE",
                        "visaMemberState",
                        ""));
        driver.workToTask(driver.register(), IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM, dublin);
        Map<String, Object> minor = ChainClient.application();
        ChainClient.section(minor, "person").put("birthDate", "2012-05-01");
        minor.put("unaccompaniedMinor", true);
        minor.put("familyMembersAbroad", List.of());
        driver.workToTask(driver.register(minor), "Activity_AppointGuardian", grant);
        String deadlineCase = driver.register();
        driver.workToTask(deadlineCase, "Activity_MainInterview", grant);
        driver.fire(deadlineCase, "Event_DeadlineNear");

        List<String> blanks = new ArrayList<>();
        Map<String, Integer> tasksPerGroup = new TreeMap<>();
        for (TasklistFilter definition : definitions()) {
            if (MyTasksFilter.NAME.equals(definition.name())) {
                continue;
            }
            String filterId = filterService
                    .createFilterQuery()
                    .filterName(definition.name())
                    .singleResult()
                    .getId();
            for (String group : definition.groups()) {
                String user = ChainClient.USER_OF_GROUP.get(group);
                JsonNode tasks =
                        listAsTasklistDoes(filterId, user).path("_embedded").path("task");
                tasksPerGroup.merge(group, tasks.size(), Integer::sum);
                for (JsonNode task : tasks) {
                    Map<String, JsonNode> shown = new HashMap<>();
                    task.path("_embedded")
                            .path("variable")
                            .forEach(v -> shown.put(v.path("name").asText(), v.path("value")));
                    for (TasklistFilter.Column column : definition.columns()) {
                        JsonNode value = shown.get(column.variable());
                        if (value == null || value.isNull()) {
                            blanks.add(user + " / " + definition.name() + " / "
                                    + task.path("taskDefinitionKey").asText() + ": " + column.variable());
                        }
                    }
                }
            }
        }
        assertThat(tasksPerGroup)
                .as("tasks listed per group")
                .allSatisfy((group, listed) -> assertThat(listed).as(group).isPositive());
        assertThat(blanks.stream().distinct().toList())
                .as("user / filter / task: blank column")
                .isEmpty();
    }

    /** A filter whose criteria do not evaluate (a function the expression manager does not know) answers 500. */
    @Test
    void everyFilterAnswersEveryGroupItIsSharedWith() throws Exception {
        List<String> failing = new ArrayList<>();
        for (TasklistFilter definition : definitions()) {
            String filterId = filterService
                    .createFilterQuery()
                    .filterName(definition.name())
                    .singleResult()
                    .getId();
            List<String> groups =
                    MyTasksFilter.NAME.equals(definition.name()) ? List.of(Groups.IND_DECISION) : definition.groups();
            for (String group : groups) {
                JsonNode answer = listAsTasklistDoes(filterId, ChainClient.USER_OF_GROUP.get(group));
                if (!answer.has("_embedded")) {
                    failing.add(definition.name() + " / " + group + ": " + answer);
                }
            }
        }
        assertThat(failing).isEmpty();
    }

    /** Tasklist asks for HAL, which embeds the filter's column variables with each task. */
    private JsonNode listAsTasklistDoes(String filterId, String user) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId + "/list"))
                .header("Accept", "application/hal+json")
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        String body = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    /** The filters the modules contribute, as {@link TasklistFilters} provisions them. */
    private List<TasklistFilter> definitions() {
        return TasklistFilters.collect(sources);
    }

    @Test
    void everyTaskKeyAFilterSelectsOnIsAUserTaskOfAModel() {
        Set<String> userTasks = new HashSet<>();
        for (File model : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            Bpmn.readModelFromFile(model)
                    .getModelElementsByType(UserTask.class)
                    .forEach(task -> userTasks.add(task.getId()));
        }
        Map<String, String> keys = new TreeMap<>();
        for (TasklistFilter definition : definitions()) {
            TaskQueryImpl query = (TaskQueryImpl) definition.criteria().apply(taskService.createTaskQuery());
            if (query.getKey() != null) {
                keys.put(definition.name(), query.getKey());
            }
        }
        assertThat(keys).as("filters that select one task").hasSizeGreaterThanOrEqualTo(9);
        assertThat(keys)
                .allSatisfy((name, key) -> assertThat(userTasks).as(name).contains(key));
    }

    @Test
    void twoFiltersWithOneNameAreRefused() {
        TasklistFilter.Source first = () -> List.of(new TasklistFilter(
                "COA – alle taken", List.of(Groups.COA), 0, "", q -> q, List.of(TasklistFilter.CASE)));
        TasklistFilter.Source second = () -> List.of(new TasklistFilter(
                "COA – alle taken", List.of(Groups.NIDOS), 1, "", q -> q, List.of(TasklistFilter.CASE)));

        assertThatThrownBy(() -> TasklistFilters.collect(List.of(first, second)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COA – alle taken");
    }

    @Test
    void eachStageModuleContributesItsOwnFilters() {
        Map<String, List<String>> namesByModule = new TreeMap<>();
        for (TasklistFilter.Source source : sources) {
            String module = source.getClass().getPackageName().replace("nl.asylumchain.", "");
            source.filters()
                    .forEach(filter -> namesByModule
                            .computeIfAbsent(module, m -> new ArrayList<>())
                            .add(filter.name()));
        }
        assertThat(namesByModule)
                .containsOnlyKeys(
                        "platform",
                        "registration.process",
                        "decision.process",
                        "reunification.process",
                        "reception.process",
                        "housing.process",
                        "departure.process");
        assertThat(namesByModule.get("platform")).containsExactly(MyTasksFilter.NAME);
        assertThat(namesByModule.get("housing.process")).contains("COA – Koppelen", "Gemeente – Woning aanbieden");
        assertThat(namesByModule.get("departure.process")).contains("DT&V – Vertrekgesprekken");
    }
}

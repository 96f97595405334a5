package nl.asylumchain.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The Tasklist filters of each organisation, created at every start-up (idempotently: found by name, brought up
 * to date, never duplicated) and shared only with the groups that work them: a handler sees the filters of their
 * own organisation and ‘Mijn taken’, nothing else. Every filter sorts by priority (highest first), then by due
 * date (soonest first), and shows as columns the process variables a handler picks work by.
 *
 * <p>The V-number is personal data and therefore no process variable: the filters show the case id (a random
 * UUID, no personal data) and every form links it to the case view {@code /cases/{caseId}}, which shows the
 * V-number and the person to authenticated users from our own tables.
 *
 * <p>Task definition keys are written out here, not taken from the stage modules' {@code *Model} classes: the
 * platform sits below every module and must not depend on them. {@code TasklistFiltersTest} checks that each key
 * names a user task of a model, so a rename in Modeler fails the build instead of emptying a filter.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    static final String MY_TASKS = "Mijn taken";

    // user tasks of the stage models (registration, indDecision, housing, familyReunification, departure)
    static final String IDENTIFY_AND_REGISTER = "Activity_IdentifyAndRegister";
    static final String REGISTRATION_INTERVIEW = "Activity_RegistrationInterview";
    static final String SUBMIT_DUBLIN_CLAIM = "Activity_SubmitDublinClaim";
    static final String LINK_MUNICIPALITY = "Activity_LinkMunicipality";
    static final String OFFER_HOUSING = "Activity_OfferHousing";
    static final String CONFIRM_MOVE = "Activity_ConfirmMove";
    static final String ASSESS_REUNIFICATION = "Activity_AssessReunification";
    static final String DEPARTURE_INTERVIEW = "Activity_DepartureInterview";
    static final String ARRANGE_INDEPENDENT_DEPARTURE = "Activity_ArrangeIndependentDeparture";

    /** A column of a filter: a process variable and its Dutch heading. */
    record Column(String variable, String label) {
    }

    private static final Column CASE = new Column("caseId", "Zaak");
    private static final Column TRACK = new Column("track", "Spoor");
    private static final Column TRACK_REASON = new Column("trackReason", "Reden spoor");
    private static final Column NATIONALITY = new Column("nationality", "Nationaliteit");
    // indDecision keeps the statutory deadline as decisionDueDate; the deadline watch (decisionDeadline) as deadlineAt
    private static final Column DECISION_DEADLINE = new Column("decisionDueDate", "Beslistermijn");
    private static final Column DEADLINE_AT = new Column("deadlineAt", "Beslistermijn");
    // a family member's application has its own deadline, set when the application is registered
    private static final Column REUNIFICATION_DEADLINE = new Column("decisionDeadline", "Beslistermijn");
    private static final Column ARRIVAL = new Column("arrivalLocation", "Aankomst");
    private static final Column MUNICIPALITY = new Column("municipalityCode", "Gemeente");
    private static final Column PLACEMENT = new Column("proposedPlacement", "Voorgestelde opvang");
    private static final Column DEPARTURE_PERIOD = new Column("departurePeriod", "Vertrektermijn");

    /**
     * One filter: its name, the groups it is shared with, its place in Tasklist's list (lower first), what it
     * selects on top of ‘open, sorted by priority and due date’, and its columns.
     */
    record Definition(String name, List<String> groups, int order, String description,
            UnaryOperator<TaskQuery> criteria, List<Column> columns) {
    }

    static final List<Definition> DEFINITIONS = List.of(
            new Definition(MY_TASKS, Groups.ALL, -10, "Taken die aan mij zijn toegewezen",
                    q -> q.taskAssigneeExpression("${currentUser()}"),
                    List.of(CASE, TRACK, NATIONALITY)),

            new Definition("Politie – Identificeren en registreren", List.of(Groups.POLICE_AVIM), 0,
                    "Aanmeldingen in Ter Apel en Budel: vingerafdrukken, Eurodac, VIS, documenten",
                    q -> q.taskCandidateGroup(Groups.POLICE_AVIM).taskDefinitionKey(IDENTIFY_AND_REGISTER),
                    List.of(CASE, NATIONALITY, ARRIVAL)),
            new Definition("KMar – Identificeren en registreren", List.of(Groups.KMAR), 0,
                    "Aanmeldingen op Schiphol",
                    q -> q.taskCandidateGroup(Groups.KMAR).taskDefinitionKey(IDENTIFY_AND_REGISTER),
                    List.of(CASE, NATIONALITY, ARRIVAL)),

            new Definition("IND – Aanmeldgehoren", List.of(Groups.IND_REGISTRATION), 0,
                    "Aanmeldgehoren: identiteit, nationaliteit, reisroute",
                    q -> q.taskCandidateGroup(Groups.IND_REGISTRATION).taskDefinitionKey(REGISTRATION_INTERVIEW),
                    List.of(CASE, NATIONALITY, ARRIVAL)),
            new Definition("IND – Aanmelding: alle taken", List.of(Groups.IND_REGISTRATION), 1,
                    "Alle taken van IND Aanmelding",
                    q -> q.taskCandidateGroup(Groups.IND_REGISTRATION),
                    // the track is chosen after the aanmeldgehoor: no task of this group has one yet
                    List.of(CASE, NATIONALITY, ARRIVAL)),

            new Definition("IND – Spoor 4 op prioriteit", List.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD), 0,
                    "Algemene asielprocedure (spoor 4), hoogste prioriteit eerst",
                    q -> q.taskCandidateGroup(Groups.IND_DECISION).processVariableValueEquals("track", 4),
                    List.of(CASE, NATIONALITY, TRACK_REASON, DECISION_DEADLINE)),
            new Definition("IND – Spoor 2 (versneld)", List.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD), 1,
                    "Veilig land van herkomst of bescherming in een lidstaat: beslissen binnen 8 dagen",
                    q -> q.taskCandidateGroup(Groups.IND_DECISION).processVariableValueEquals("track", 2),
                    List.of(CASE, NATIONALITY, TRACK_REASON, DECISION_DEADLINE)),
            new Definition("IND – Termijn verloopt binnen 4 weken",
                    List.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD), 2,
                    "Taken van IND Beslissen met een vervaldatum binnen 4 weken (of al verlopen)",
                    q -> q.taskCandidateGroup(Groups.IND_DECISION).dueBeforeExpression("${dateTime().plusWeeks(4)}"),
                    List.of(CASE, TRACK, NATIONALITY, DECISION_DEADLINE)),
            new Definition("IND – Beslissen: alle taken", List.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD), 3,
                    "Alle taken van IND Beslissen",
                    q -> q.taskCandidateGroup(Groups.IND_DECISION),
                    List.of(CASE, TRACK, NATIONALITY, DECISION_DEADLINE)),
            new Definition("IND – Teamleider: alle taken", List.of(Groups.IND_TEAM_LEAD), 4,
                    "Taken voor teamleiders: termijnen, verlengingen, aanhoudingen",
                    q -> q.taskCandidateGroup(Groups.IND_TEAM_LEAD),
                    // these tasks live in the deadline watch, which carries the case and its deadline only
                    List.of(CASE, DEADLINE_AT)),

            new Definition("Dublin – Claims indienen", List.of(Groups.IND_DUBLIN), 0,
                    "Spoor 1: claim bij de verantwoordelijke lidstaat indienen",
                    q -> q.taskCandidateGroup(Groups.IND_DUBLIN).taskDefinitionKey(SUBMIT_DUBLIN_CLAIM),
                    List.of(CASE, NATIONALITY, TRACK_REASON)),
            // waiting itself is no task; these are the Dublin unit's tasks on cases whose claim has gone out
            new Definition("Dublin – wacht op antwoord", List.of(Groups.IND_DUBLIN), 1,
                    "Taken in zaken waarvan de claim is ingediend (antwoord lidstaat, overdracht)",
                    q -> q.taskCandidateGroup(Groups.IND_DUBLIN).processVariableValueLike("claimType", "%"),
                    List.of(CASE, NATIONALITY, TRACK_REASON)),
            new Definition("Dublin – alle taken", List.of(Groups.IND_DUBLIN), 2, "Alle taken van de Dublin-unit",
                    q -> q.taskCandidateGroup(Groups.IND_DUBLIN),
                    List.of(CASE, NATIONALITY, TRACK_REASON)),

            new Definition("IND – Nareis beoordelen", List.of(Groups.IND_REUNIFICATION), 0,
                    "Nareisaanvragen van vergunninghouders",
                    q -> q.taskCandidateGroup(Groups.IND_REUNIFICATION).taskDefinitionKey(ASSESS_REUNIFICATION),
                    List.of(CASE, REUNIFICATION_DEADLINE)),
            new Definition("IND – Nareis: alle taken", List.of(Groups.IND_REUNIFICATION), 1,
                    "Alle taken van IND Nareis",
                    q -> q.taskCandidateGroup(Groups.IND_REUNIFICATION),
                    List.of(CASE)),

            new Definition("COA – Koppelen", List.of(Groups.COA), 0,
                    "Vergunninghouders koppelen aan een gemeente (binnen 2 weken)",
                    q -> q.taskCandidateGroup(Groups.COA).taskDefinitionKey(LINK_MUNICIPALITY),
                    List.of(CASE)),
            new Definition("COA – alle taken", List.of(Groups.COA), 1, "Alle taken van het COA",
                    q -> q.taskCandidateGroup(Groups.COA), List.of(CASE)),

            new Definition("Nidos – Taken", List.of(Groups.NIDOS), 0, "Voogdij en opvang van amv",
                    q -> q.taskCandidateGroup(Groups.NIDOS), List.of(CASE, PLACEMENT)),

            new Definition("Gemeente – Woning aanbieden", List.of(Groups.MUNICIPALITY), 0,
                    "Gekoppelde vergunninghouders: woning aanbieden binnen 10 weken",
                    q -> q.taskCandidateGroup(Groups.MUNICIPALITY).taskDefinitionKey(OFFER_HOUSING),
                    List.of(CASE, MUNICIPALITY)),
            new Definition("Gemeente – Verhuizing bevestigen", List.of(Groups.MUNICIPALITY), 1,
                    "Verhuizing binnen 2 weken na het aanbod",
                    q -> q.taskCandidateGroup(Groups.MUNICIPALITY).taskDefinitionKey(CONFIRM_MOVE),
                    List.of(CASE, MUNICIPALITY)),
            new Definition("Gemeente – alle taken", List.of(Groups.MUNICIPALITY), 2, "Alle taken van de gemeente",
                    q -> q.taskCandidateGroup(Groups.MUNICIPALITY), List.of(CASE, MUNICIPALITY)),

            new Definition("DT&V – Vertrekgesprekken", List.of(Groups.DTV), 0,
                    "Vertrekgesprekken: zelfstandig vertrek of gedwongen vertrek",
                    q -> q.taskCandidateGroup(Groups.DTV).taskDefinitionKey(DEPARTURE_INTERVIEW),
                    List.of(CASE, DEPARTURE_PERIOD)),
            new Definition("DT&V – Zelfstandig vertrek", List.of(Groups.DTV), 1,
                    "Zelfstandig vertrek met IOM regelen en vastleggen",
                    q -> q.taskCandidateGroup(Groups.DTV).taskDefinitionKey(ARRANGE_INDEPENDENT_DEPARTURE),
                    List.of(CASE, DEPARTURE_PERIOD)),
            new Definition("DT&V – alle taken", List.of(Groups.DTV), 2, "Alle taken van DT&V",
                    q -> q.taskCandidateGroup(Groups.DTV), List.of(CASE, DEPARTURE_PERIOD)));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        provision();
    }

    /**
     * Creates or updates every filter and its grants; running it again changes nothing. Reading the columns'
     * variables needs READ_INSTANCE on the task's process definition, which {@link IdentitySetup} grants from the
     * {@link WorkScope}.
     */
    void provision() {
        for (Definition definition : DEFINITIONS) {
            Filter filter = filterService.createFilterQuery().filterResourceType(Resources.TASK.resourceName())
                    .filterName(definition.name()).list().stream().findFirst().orElse(null);
            boolean created = filter == null;
            if (created) {
                filter = filterService.newTaskFilter(definition.name());
            }
            TaskQuery query = definition.criteria().apply(taskService.createTaskQuery().active());
            if (!MY_TASKS.equals(definition.name())) {
                // a claimed task stays in its organisation's list, showing who has it
                query.includeAssignedTasks();
            }
            query.orderByTaskPriority().desc().orderByDueDate().asc();
            filter.setQuery(query);
            filter.setProperties(properties(definition));
            filter = filterService.saveFilter(filter);
            for (String groupId : definition.groups()) {
                share(filter.getId(), groupId);
            }
            if (created) {
                log.info("Created Tasklist filter '{}' for {}", definition.name(), definition.groups());
            }
        }
        revokeBlanketFilterRead();
    }

    private static Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.order());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        List<Map<String, String>> variables = new ArrayList<>();
        for (Column column : definition.columns()) {
            variables.add(Map.of("name", column.variable(), "label", column.label()));
        }
        properties.put("variables", variables);
        return properties;
    }

    private void share(String filterId, String groupId) {
        grant(groupId, Resources.FILTER, filterId, Permissions.READ);
    }

    private void grant(String groupId, Resources resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Databases from before these filters granted every group READ on all filters; that would show each
     * organisation the filters of all others. Only the administrators keep it.
     */
    private void revokeBlanketFilterRead() {
        for (String groupId : Groups.ALL) {
            if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
                continue;
            }
            Authorization blanket = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                    .resourceType(Resources.FILTER).resourceId(ANY).singleResult();
            if (blanket != null) {
                authorizationService.deleteAuthorization(blanket.getId());
            }
        }
    }
}

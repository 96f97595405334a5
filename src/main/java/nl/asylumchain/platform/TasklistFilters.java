package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * Provisions the Tasklist filters the modules contribute ({@link TasklistFilter.Source}, one per stage module, in its
 * {@code process} package, naming task keys through its {@code *Model} constants; ‘Mijn taken’ is the platform's
 * own, {@link MyTasksFilter}). They are created at every start-up (idempotently: found by name, brought up to date,
 * never duplicated) and shared only with the groups that work them: a handler sees the filters of their own
 * organisation and ‘Mijn taken’, nothing else. Every filter sorts by priority (highest first), then by due date
 * (soonest first), and shows as columns the process variables a handler picks work by.
 *
 * <p>The V-number is personal data and therefore no process variable: the filters show the case id (a random
 * UUID, no personal data) and every form links it to the case view {@code /cases/{caseId}}, which shows the
 * V-number and the person to authenticated users from our own tables.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final List<TasklistFilter> definitions;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    TasklistFilters(
            List<TasklistFilter.Source> sources,
            FilterService filterService,
            TaskService taskService,
            AuthorizationService authorizationService) {
        this.definitions = collect(sources);
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    /** A filter is found again by its name, so two modules must not contribute the same one. */
    static List<TasklistFilter> collect(List<TasklistFilter.Source> sources) {
        Map<String, TasklistFilter> byName = new LinkedHashMap<>();
        for (TasklistFilter.Source source : sources) {
            for (TasklistFilter filter : source.filters()) {
                if (byName.putIfAbsent(filter.name(), filter) != null) {
                    throw new IllegalStateException("Two Tasklist filters are called '" + filter.name()
                            + "'; the second comes from " + source.getClass().getName());
                }
            }
        }
        return List.copyOf(byName.values());
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
        for (TasklistFilter definition : definitions) {
            Filter filter = filterService
                    .createFilterQuery()
                    .filterResourceType(Resources.TASK.resourceName())
                    .filterName(definition.name())
                    .list()
                    .stream()
                    .findFirst()
                    .orElse(null);
            boolean created = filter == null;
            if (created) {
                filter = filterService.newTaskFilter(definition.name());
            }
            TaskQuery query =
                    definition.criteria().apply(taskService.createTaskQuery().active());
            if (!MyTasksFilter.NAME.equals(definition.name())) {
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

    private static Map<String, Object> properties(TasklistFilter definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.order());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        List<Map<String, String>> variables = new ArrayList<>();
        for (TasklistFilter.Column column : definition.columns()) {
            variables.add(Map.of("name", column.variable(), "label", column.label()));
        }
        properties.put("variables", variables);
        return properties;
    }

    private void share(String filterId, String groupId) {
        grant(groupId, Resources.FILTER, filterId, Permissions.READ);
    }

    private void grant(String groupId, Resources resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        Authorization authorization =
                existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
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
            Authorization blanket = authorizationService
                    .createAuthorizationQuery()
                    .groupIdIn(groupId)
                    .resourceType(Resources.FILTER)
                    .resourceId(ANY)
                    .singleResult();
            if (blanket != null) {
                authorizationService.deleteAuthorization(blanket.getId());
            }
        }
    }
}

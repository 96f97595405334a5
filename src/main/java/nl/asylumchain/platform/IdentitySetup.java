package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * Creates the chain's groups and their authorizations at start-up, idempotently, before the web server takes
 * requests, then the first administrator when one is configured ({@link FirstAdministrator}) and the users other
 * modules bring ({@link InitialUsers}: the demo users when they are switched on). Groups are part of the models
 * (user tasks name them as candidate groups), so they exist with or without demo data.
 *
 * <p>The grants follow the {@link WorkScope}: handlers work the tasks of their own process definitions in Tasklist;
 * team leads also see the IND's definitions in Cockpit and hand out IND tasks; process designers deploy and read
 * models; {@code camunda-admin} may do everything. See docs/authorization.md.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final Map<String, String> GROUP_NAMES = Map.ofEntries(
            Map.entry(Groups.POLICE_AVIM, "Politie – AVIM"),
            Map.entry(Groups.KMAR, "Koninklijke Marechaussee"),
            Map.entry(Groups.IND_REGISTRATION, "IND – Aanmelding"),
            Map.entry(Groups.IND_DECISION, "IND – Beslissen"),
            Map.entry(Groups.IND_DUBLIN, "IND – Dublin"),
            Map.entry(Groups.IND_REUNIFICATION, "IND – Nareis"),
            Map.entry(Groups.COA, "COA"),
            Map.entry(Groups.NIDOS, "Nidos"),
            Map.entry(Groups.MUNICIPALITY, "Gemeente"),
            Map.entry(Groups.DTV, "DT&V"),
            Map.entry(Groups.IND_TEAM_LEAD, "IND – Teamleiders"),
            Map.entry(Groups.PROCESS_DESIGNER, "Procesontwerpers"),
            Map.entry(Groups.PLANNER, "Planners (ketenprognose)"),
            Map.entry(Groups.PRIVACY_OFFICER, "Privacy officer / FG"),
            Map.entry(Groups.CAMUNDA_ADMIN, "Beheerders"));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    private final ObjectProvider<InitialUsers> initialUsers;
    private final FirstAdministrator firstAdministrator;
    private final JdbcClient jdbc;
    private final String tablePrefix;

    IdentitySetup(
            IdentityService identityService,
            AuthorizationService authorizationService,
            ObjectProvider<InitialUsers> initialUsers,
            FirstAdministrator firstAdministrator,
            JdbcClient jdbc,
            ProcessEngineConfigurationImpl engine) {
        this.initialUsers = initialUsers;
        this.firstAdministrator = firstAdministrator;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.jdbc = jdbc;
        this.tablePrefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
    }

    @Override
    public void afterSingletonsInstantiated() {
        createGroupsAndAuthorizations();
        firstAdministrator.ensure();
        UserAccounts accounts = new UserAccounts(identityService);
        initialUsers.orderedStream().forEach(users -> users.createWith(accounts));
    }

    void createGroupsAndAuthorizations() {
        for (String groupId : Groups.ALL) {
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identityService.newGroup(groupId);
                group.setName(GROUP_NAMES.get(groupId));
                group.setType(Groups.CASE_HANDLERS.contains(groupId) ? "WORKFLOW" : "SYSTEM");
                identityService.saveGroup(group);
                log.info("Created group {}", groupId);
            }
        }
        for (Resources resource : Resources.values()) {
            Authorization all = find(Groups.CAMUNDA_ADMIN, resource, ANY);
            if (all == null || !all.isPermissionGranted(Permissions.ALL)) {
                save(all, new Grant(Groups.CAMUNDA_ADMIN, resource, ANY, allPermissions()));
            }
        }
        removePerTaskAuthorizations();
        Map<String, Map<Resources, Map<String, Integer>>> wanted = new LinkedHashMap<>();
        for (Grant grant : grants()) {
            wanted.computeIfAbsent(grant.groupId(), g -> new EnumMap<>(Resources.class))
                    .computeIfAbsent(grant.resource(), r -> new LinkedHashMap<>())
                    .merge(grant.resourceId(), grant.permissions(), (a, b) -> a | b);
        }
        for (String groupId : Groups.ALL) {
            if (!Groups.CAMUNDA_ADMIN.equals(groupId)) {
                reconcile(groupId, wanted.getOrDefault(groupId, Map.of()));
            }
        }
    }

    /** One grant: a group, a resource (id or {@code *}) and its permissions as the engine's bit mask. */
    record Grant(String groupId, Resources resource, String resourceId, int permissions) {

        static Grant of(String groupId, Resources resource, String resourceId, Permission... permissions) {
            int mask = 0;
            for (Permission permission : permissions) {
                mask |= permission.getValue();
            }
            return new Grant(groupId, resource, resourceId, mask);
        }
    }

    /**
     * Every grant of every group but {@code camunda-admin}, derived from the {@link WorkScope}: a handler group works
     * the tasks of its definitions (READ_TASK, TASK_WORK: read, claim, complete, submit the form and read its
     * variables), reads their instances for Tasklist's columns and their history; a team lead reads and assigns
     * within the IND's definitions. Nobody but administrators holds a wildcard on a process definition.
     */
    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (String groupId : Groups.ALL) {
            // the privacy officer reads the access log and the planner runs forecasts through our API only: no
            // webapp, no engine resource
            if (Groups.CAMUNDA_ADMIN.equals(groupId)
                    || Groups.PRIVACY_OFFICER.equals(groupId)
                    || Groups.PLANNER.equals(groupId)) {
                continue;
            }
            grants.add(Grant.of(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            // Tasklist shows who has a task and which group it is for
            grants.add(Grant.of(groupId, Resources.USER, ANY, Permissions.READ));
            grants.add(Grant.of(groupId, Resources.GROUP, ANY, Permissions.READ));
        }
        for (WorkScope.Scope scope : WorkScope.TABLE) {
            scope.work()
                    .forEach(definition -> grants.add(Grant.of(
                            scope.group(),
                            Resources.PROCESS_DEFINITION,
                            definition,
                            Permissions.READ,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.TASK_WORK,
                            ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY)));
            scope.lead()
                    .forEach(definition -> grants.add(Grant.of(
                            scope.group(),
                            Resources.PROCESS_DEFINITION,
                            definition,
                            Permissions.READ,
                            ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.TASK_ASSIGN,
                            ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY)));
        }
        grants.add(Grant.of(Groups.IND_TEAM_LEAD, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        // designers deploy and see models, deployments and decisions in Cockpit, but no instance and no history:
        // instance variables hold what handlers entered (hearing notes, decision reasons)
        grants.add(Grant.of(Groups.PROCESS_DESIGNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(Grant.of(Groups.PROCESS_DESIGNER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
        grants.add(Grant.of(Groups.PROCESS_DESIGNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
        grants.add(
                Grant.of(Groups.PROCESS_DESIGNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(Grant.of(Groups.PROCESS_DESIGNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
        return grants;
    }

    /**
     * Brings one group's grant rows to exactly what is wanted: missing rows created, permissions set (not only
     * added), rows nobody wants deleted. An upgraded database so loses the wildcards older versions granted
     * (PROCESS_DEFINITION '*' READ_HISTORY for everyone, TASK '*' UPDATE for team leads). Filters are
     * {@link TasklistFilters}' business.
     */
    private void reconcile(String groupId, Map<Resources, Map<String, Integer>> wanted) {
        List<Authorization> rows = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .list();
        for (Authorization existing : rows) {
            Resources resource = resourceOf(existing.getResourceType());
            if (resource == null
                    || resource == Resources.FILTER
                    || existing.getAuthorizationType() != AUTH_TYPE_GRANT
                    || wanted.getOrDefault(resource, Map.of()).containsKey(existing.getResourceId())) {
                continue;
            }
            authorizationService.deleteAuthorization(existing.getId());
            log.info("Removed grant of {} on {} {}", groupId, resource.resourceName(), existing.getResourceId());
        }
        wanted.forEach((resource, wantedRows) -> {
            wantedRows.forEach((resourceId, permissions) -> {
                Authorization existing = rows.stream()
                        .filter(row -> row.getResourceType() == resource.resourceType()
                                && resourceId.equals(row.getResourceId())
                                && row.getAuthorizationType() == AUTH_TYPE_GRANT)
                        .findFirst()
                        .orElse(null);
                if (existing == null || ((AuthorizationEntity) existing).getPermissions() != permissions) {
                    save(existing, new Grant(groupId, resource, resourceId, permissions));
                }
            });
        });
    }

    private static Resources resourceOf(int type) {
        for (Resources resource : Resources.values()) {
            if (resource.resourceType() == type) {
                return resource;
            }
        }
        return null;
    }

    private Authorization find(String groupId, Resource resource, String resourceId) {
        return authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .list()
                .stream()
                .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
                .findFirst()
                .orElse(null);
    }

    private void save(Authorization existing, Grant grant) {
        Authorization authorization =
                existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.groupId());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        ((AuthorizationEntity) authorization).setPermissions(grant.permissions());
        authorizationService.saveAuthorization(authorization);
    }

    private static int allPermissions() {
        return Permissions.ALL.getValue();
    }

    /**
     * Older versions let the engine write one TASK and one HISTORIC_TASK row per task and candidate group, assignee
     * or owner; the work scope replaces them, and left in place they keep Tasklist's plan quadratic. They are
     * removed in one statement, by resource type and id, at start-up (nothing else runs yet); the wildcard rows
     * ({@code *}, administrators) stay.
     */
    private void removePerTaskAuthorizations() {
        int removed = jdbc.sql("delete from " + tablePrefix + "ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ in (?, ?)"
                        + " and RESOURCE_ID_ <> ?")
                .params(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType(), ANY)
                .update();
        if (removed > 0) {
            log.info("Removed {} per-task authorizations written by an older version", removed);
        }
    }
}

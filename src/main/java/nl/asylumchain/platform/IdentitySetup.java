package nl.asylumchain.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the chain's groups and their authorizations at start-up, idempotently, before the web server takes
 * requests, and then the demo users when they are switched on. Groups are part of the models
 * (user tasks name them as candidate groups), so they exist with or without demo data.
 *
 * <p>Case handlers see Tasklist and their own tasks (the engine grants a candidate group each task it is a
 * candidate for); team leads and process designers also see Cockpit; {@code camunda-admin} may do everything.
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
            Map.entry(Groups.PRIVACY_OFFICER, "Privacy officer / FG"),
            Map.entry(Groups.CAMUNDA_ADMIN, "Beheerders"));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    private final ObjectProvider<DemoData> demoData;

    IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            ObjectProvider<DemoData> demoData) {
        this.demoData = demoData;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        createGroupsAndAuthorizations();
        demoData.ifAvailable(DemoData::createDemoUsers);
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
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String groupId : Groups.ALL) {
            if (Groups.PRIVACY_OFFICER.equals(groupId)) {
                // reads the access log through our API only: no webapp, no process definition, no history
                continue;
            }
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.USER, ANY, Permissions.READ);
            grant(groupId, Resources.GROUP, ANY, Permissions.READ);
            grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        for (String groupId : List.of(Groups.IND_TEAM_LEAD, Groups.PROCESS_DESIGNER)) {
            grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(groupId, Resources.TASK, ANY, Permissions.READ);
            grant(groupId, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
            grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
            grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        }
        // team leads redistribute work within the IND
        grant(Groups.IND_TEAM_LEAD, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE, Permissions.TASK_ASSIGN);
        grant(Groups.PROCESS_DESIGNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}

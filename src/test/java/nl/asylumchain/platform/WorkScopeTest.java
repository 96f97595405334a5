package nl.asylumchain.platform;

import java.io.File;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work scope table against the models: every user task's candidate group works that task's process definition,
 * and every definition a group works holds a task of that group. A candidate group added in Modeler without a line
 * in the table, or a grant left behind when a task moves, fails here.
 */
class WorkScopeTest {

    /** Candidate group expressions and the groups they resolve to (from the decision that sets them). */
    private static final Map<String, String> EXPRESSIONS =
            Map.of("${identificationGroup}", "dmn/identificationAuthority.dmn");

    /** process definition key → candidate groups of its user tasks, read from bpmn/*.bpmn. */
    private static Map<String, Set<String>> candidateGroupsByDefinition() {
        Map<String, Set<String>> byDefinition = new HashMap<>();
        for (File model : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
            for (UserTask task : Bpmn.readModelFromFile(model).getModelElementsByType(UserTask.class)) {
                String definition = processOf(task);
                for (String group : task.getCamundaCandidateGroupsList()) {
                    byDefinition
                            .computeIfAbsent(definition, d -> new HashSet<>())
                            .addAll(resolve(group.trim()));
                }
            }
        }
        return byDefinition;
    }

    private static String processOf(UserTask task) {
        org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return ((Process) parent).getId();
    }

    private static Set<String> resolve(String group) {
        if (!group.startsWith("${")) {
            return Set.of(group);
        }
        String decision = EXPRESSIONS.get(group);
        assertThat(decision)
                .as("a decision that resolves candidate group " + group)
                .isNotNull();
        Set<String> groups = new HashSet<>();
        Dmn.readModelFromFile(new File(decision))
                .getModelElementsByType(OutputEntry.class)
                .forEach(entry -> groups.add(entry.getTextContent().trim().replace("\"", "")));
        assertThat(groups).as(group).isNotEmpty();
        return groups;
    }

    @Test
    void everyCandidateGroupOfAUserTaskWorksThatTasksDefinition() {
        candidateGroupsByDefinition()
                .forEach((definition, groups) -> groups.forEach(group -> {
                    assertThat(Groups.ALL)
                            .as("candidate group " + group + " in " + definition)
                            .contains(group);
                    assertThat(WorkScope.of(group)).as("work scope of " + group).isPresent();
                    assertThat(WorkScope.of(group).get().work())
                            .as(group + " works " + definition)
                            .contains(definition);
                    assertThat(WorkScope.of(group).get().taskGroups())
                            .as(group + " reaches its own tasks")
                            .contains(group);
                }));
    }

    @Test
    void everyDefinitionAGroupWorksOrLeadsHoldsATaskItReaches() {
        Map<String, Set<String>> tasks = candidateGroupsByDefinition();
        for (WorkScope.Scope scope : WorkScope.TABLE) {
            for (String definition : scope.work()) {
                assertThat(tasks.getOrDefault(definition, Set.of()))
                        .as(scope.group() + " works " + definition)
                        .contains(scope.group());
            }
            for (String definition : scope.lead()) {
                assertThat(tasks.getOrDefault(definition, Set.of()))
                        .as(scope.group() + " leads " + definition)
                        .containsAnyElementsOf(scope.taskGroups());
            }
        }
    }

    @Test
    void theIdentificationGroupResolvesToPoliceKmarOrTheIndsRegistration() {
        // the IND does the I&R of repeat applicants and of those back after a Dublin transfer
        // (dmn/identificationAuthority)
        assertThat(resolve("${identificationGroup}"))
                .containsExactlyInAnyOrder(Groups.POLICE_AVIM, Groups.KMAR, Groups.IND_REGISTRATION);
    }

    @Test
    void aTeamLeadReachesTheIndsTasksAndNoOtherOrganisations() {
        assertThat(WorkScope.reaches(List.of(Groups.IND_TEAM_LEAD), Set.of(Groups.IND_DECISION)))
                .isTrue();
        assertThat(WorkScope.reaches(List.of(Groups.IND_TEAM_LEAD), Set.of(Groups.IND_REUNIFICATION)))
                .isTrue();
        for (String other :
                List.of(Groups.POLICE_AVIM, Groups.KMAR, Groups.COA, Groups.NIDOS, Groups.MUNICIPALITY, Groups.DTV)) {
            assertThat(WorkScope.reaches(List.of(Groups.IND_TEAM_LEAD), Set.of(other)))
                    .as(other)
                    .isFalse();
        }
        assertThat(WorkScope.reaches(List.of(Groups.MUNICIPALITY), Set.of(Groups.IND_DECISION)))
                .isFalse();
        assertThat(WorkScope.reaches(List.of(Groups.PROCESS_DESIGNER), Set.of(Groups.IND_DECISION)))
                .isFalse();
        assertThat(WorkScope.reaches(List.of(Groups.CAMUNDA_ADMIN), Set.of(Groups.MUNICIPALITY)))
                .isTrue();
    }

    @Test
    void noGroupButTheAdministratorsHoldsAWildcardOnWorkOrHistory() {
        for (IdentitySetup.Grant grant : IdentitySetup.grants()) {
            if (grant.resource() == Resources.PROCESS_DEFINITION && Authorization.ANY.equals(grant.resourceId())) {
                assertThat(grant.permissions())
                        .as(grant.toString())
                        .isEqualTo(ProcessDefinitionPermissions.READ.getValue());
            }
            assertThat(grant.resource())
                    .as(grant.toString())
                    .isNotIn(
                            Resources.TASK,
                            Resources.HISTORIC_TASK,
                            Resources.PROCESS_INSTANCE,
                            Resources.HISTORIC_PROCESS_INSTANCE);
        }
    }

    @Test
    void onlyTeamLeadsAssignAndOnlyTheCandidateGroupWorksATask() {
        for (IdentitySetup.Grant grant : IdentitySetup.grants()) {
            if (grant.resource() != Resources.PROCESS_DEFINITION) {
                continue;
            }
            boolean assigns = (grant.permissions() & ProcessDefinitionPermissions.TASK_ASSIGN.getValue()) != 0;
            boolean works = (grant.permissions() & ProcessDefinitionPermissions.TASK_WORK.getValue()) != 0;
            if (assigns) {
                assertThat(grant.groupId()).as(grant.toString()).isEqualTo(Groups.IND_TEAM_LEAD);
            }
            if (works) {
                assertThat(candidateGroupsByDefinition().get(grant.resourceId()))
                        .as(grant.toString())
                        .contains(grant.groupId());
            }
        }
    }
}

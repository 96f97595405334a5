package nl.asylumchain.platform;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which queries the tally answers: a group filter's, as the filter stores it and as Tasklist extends it (its sorting
 * appended, an empty list of process instances copied along), and no query with a criterion more.
 */
class TaskGroupTallyQueryTest {

    private static TaskQueryImpl groupFilter() {
        TaskQueryImpl query = new TaskQueryImpl();
        query.taskCandidateGroup(Groups.NIDOS)
                .includeAssignedTasks()
                .active()
                .orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc();
        return query;
    }

    @Test
    void aGroupFiltersQueryIsAnsweredFromTheTally() {
        assertThat(TaskGroupTally.groupFilterOf(groupFilter())).isEqualTo(Groups.NIDOS);
    }

    @Test
    void tasklistsExtensionSortingAndAnEmptyListOfProcessInstancesChangeNothing() {
        TaskQueryImpl query = groupFilter();
        query.processInstanceIdIn();
        query.orderByTaskCreateTime().desc();
        assertThat(TaskGroupTally.groupFilterOf(query)).isEqualTo(Groups.NIDOS);
    }

    @Test
    void aQueryWithACriterionMoreIsCountedByTheEngine() {
        TaskQueryImpl oneInstance = groupFilter();
        oneInstance.processInstanceIdIn("one");
        TaskQueryImpl named = groupFilter();
        named.taskName("Voogd benoemen");
        TaskQueryImpl assigned = groupFilter();
        assigned.taskAssignee("voogd");
        // only the list an extension copies along may be empty: an empty list of tenants is the engine's to judge
        TaskQueryImpl noTenants = groupFilter();
        noTenants.tenantIdIn();
        assertThat(TaskGroupTally.groupFilterOf(oneInstance)).isNull();
        assertThat(TaskGroupTally.groupFilterOf(named)).isNull();
        assertThat(TaskGroupTally.groupFilterOf(assigned)).isNull();
        assertThat(TaskGroupTally.groupFilterOf(noTenants)).isNull();
    }
}

package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.housing.process.HousingModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group filter counted from the open tasks per candidate group gives every user exactly the engine's own count of
 * the filter, with tasks claimed, a case suspended, a task made by hand and a candidate group added by an
 * administrator; the changes fold into the tally and a recount finds the same; and the count really is the tally's.
 */
@ChainTestContext
class TaskGroupTallyTest {

    @LocalServerPort
    int port;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskGroupTallyFold fold;

    @Autowired
    JdbcClient jdbc;

    private final List<String> madeByHand = new ArrayList<>();

    @BeforeEach
    void casesAtSeveralTasks() {
        CaseDriver driver = new CaseDriver(new ChainClient(port));
        driver.register();
        driver.register();
        String interviewing = driver.register();
        driver.workToTask(interviewing, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, CaseDriver.answers("GRANT"));
        String housing = driver.register();
        driver.workToTask(housing, HousingModel.ACTIVITY_OFFER_HOUSING, CaseDriver.answers("GRANT"));
        String suspended = driver.register();

        // a claimed task stays in its group's filter
        Task interview = tasks.createTaskQuery()
                .processInstanceBusinessKey(interviewing)
                .taskDefinitionKey(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW)
                .singleResult();
        tasks.claim(interview.getId(), "beslismedewerker");
        // a suspended case's tasks are not active: the filters leave them out
        runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(suspended)
                .list()
                .forEach(instance -> runtime.suspendProcessInstanceById(instance.getId()));
        // an administrator adds a second candidate group to a task, and makes a task by hand for a group
        identity.setAuthentication("demo", List.of(Groups.CAMUNDA_ADMIN));
        try {
            Task offer = tasks.createTaskQuery()
                    .processInstanceBusinessKey(housing)
                    .taskDefinitionKey(HousingModel.ACTIVITY_OFFER_HOUSING)
                    .singleResult();
            tasks.addCandidateGroup(offer.getId(), Groups.COA);
            Task byHand = tasks.newTask();
            byHand.setName("Handmatige taak");
            tasks.saveTask(byHand);
            tasks.addCandidateGroup(byHand.getId(), Groups.IND_DECISION);
            madeByHand.add(byHand.getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    @AfterEach
    void cleanUp() {
        madeByHand.forEach(id -> tasks.deleteTask(id, true));
        TaskGroupTally.enable(true);
    }

    @Test
    void everyUserGetsTheEnginesOwnCountOfEveryFilterTheyRead() {
        Map<String, Long> fromTally = countsOfEveryUser();
        TaskGroupTally.enable(false);
        Map<String, Long> exact = countsOfEveryUser();
        TaskGroupTally.enable(true);

        assertThat(fromTally).isEqualTo(exact);
        assertThat(fromTally.keySet()).anyMatch(key -> key.startsWith("beslismedewerker "));
        assertThat(fromTally.values()).anyMatch(count -> count > 0);
    }

    @Test
    void theChangesFoldIntoTheTallyAndARecountFindsTheSame() {
        Map<String, Long> before = countsOfEveryUser();

        fold.fold();
        assertThat(jdbc.sql("select count(*) from task_group_tally_changes")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(countsOfEveryUser()).isEqualTo(before);

        fold.recount();
        assertThat(countsOfEveryUser()).isEqualTo(before);
    }

    @Test
    void aGroupFilterIsCountedFromTheTallyAndAnyOtherQueryByTheEngine() {
        Filter decisions = groupFilter(Groups.IND_DECISION);
        long exact = as("beslismedewerker", () -> filters.count(decisions.getId()));

        jdbc.sql("insert into task_group_tally_changes (group_id, delta) values ('ind-decision', 1000)")
                .update();
        try {
            assertThat(as("beslismedewerker", () -> filters.count(decisions.getId())))
                    .isEqualTo(exact + 1000);
            // the same query with one criterion more is the engine's
            assertThat(as(
                            "beslismedewerker",
                            () -> tasks.createTaskQuery()
                                    .taskCandidateGroup(Groups.IND_DECISION)
                                    .includeAssignedTasks()
                                    .active()
                                    .taskNameLike("%")
                                    .count()))
                    .isEqualTo(exact);
            // and so is an administrator's count (no bound: tasks made by hand count too)
            assertThat(as("demo", () -> filters.count(decisions.getId()))).isLessThan(exact + 1000);
        } finally {
            // a change that takes the 1,000 back, not a delete of the one made: the scheduled fold may have moved it
            // into the tally meanwhile, and a later test of the same context would count 1,000 tasks too many
            jdbc.sql("insert into task_group_tally_changes (group_id, delta) values ('ind-decision', -1000)")
                    .update();
        }
    }

    /** Every user's count of every task filter they may read, keyed "user filter". */
    private Map<String, Long> countsOfEveryUser() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (User user : identity.createUserQuery().orderByUserId().asc().list()) {
            as(user.getId(), () -> {
                for (Filter filter :
                        filters.createTaskFilterQuery().orderByFilterId().asc().list()) {
                    counts.put(user.getId() + " " + filter.getName(), filters.count(filter.getId()));
                }
                return null;
            });
        }
        return counts;
    }

    private Filter groupFilter(String group) {
        return filters.createTaskFilterQuery().list().stream()
                .filter(filter -> group.equals(TaskGroupTally.groupFilterOf((TaskQueryImpl) filter.getQuery())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group filter of " + group));
    }

    private <T> T as(String userId, java.util.function.Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        identity.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}

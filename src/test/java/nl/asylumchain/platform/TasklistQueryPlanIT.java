package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.ChainClient;
import nl.asylumchain.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's guard: Tasklist must not go quadratic in open tasks again. A Nidos handler opens the group filter
 * "Nidos – Taken" as Tasklist does ({@link ChainClient#TASKLIST_EXTENSION}: first page of 50 by priority, due date
 * and then the newest, as HAL with the filter's columns; and its count) with authorization checks on, at two task
 * counts; the statements the engine actually sends are taken from its MyBatis log, run again under
 * {@code EXPLAIN (ANALYZE, FORMAT JSON)}, and the rows every plan node touches (returned and removed, over all
 * loops) are summed. Doubling the tasks may at most double the engine's count's work (with a little slack for the few
 * rows that do not grow). No timing: the machine is shared, plans are not. With the engine's default per-task
 * authorization rows the authorization join makes the work grow with tasks × rows, and this test fails.
 *
 * <p>The count Tasklist gets for a group filter comes from the open tasks per candidate group ({@link
 * TaskGroupTally}): its statements must not grow at all. The engine's own count (what any other filter gets) is
 * measured with the tally switched off.
 *
 * <p>Nor may the page's one query for the values of the filter's columns (its 50 tasks' variables, with the engine's
 * authorization check through each task's execution and process instance): with PostgreSQL's default
 * {@code random_page_cost} of 4 it hashed every execution to check 50 (docs/postgresql.md, "Planner settings").
 *
 * <p>The page must not grow at all: with our index on the filter's order ({@code db/engine}, {@code
 * AC_IDX_TASK_PRIORITY_DUE}) PostgreSQL 16 walks the tasks by priority and due date and stops after the first 50 that
 * pass, however many the group has. Without it (or on PostgreSQL 14, which cannot use an index's order under the
 * engine's {@code select distinct}) it joins and sorts every task of the group, and the page's work doubles too.
 */
class TasklistQueryPlanIT extends PostgresIntegrationTest {

    private static final String STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    /** The HAL page's one query for the values of the filter's columns (the page's tasks' variables). */
    private static final String COLUMNS =
            "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariableInstanceByQueryCriteria";

    private static final int TASKS = 2000;
    private static final double ALLOWED_GROWTH = 2.2;
    /** The page reads the top of the filter's order: a few rows more or less, never twice as many. */
    private static final double ALLOWED_PAGE_GROWTH = 1.1;
    /**
     * The page's column values are looked up by each of its 50 instances and the columns' names. After other tests'
     * instances came and went, PostgreSQL at times checks the names in a filter instead of the index: it then reads the
     * page's instances' other variables too (two each for guardianship) — bounded by the page, not by the tasks.
     */
    private static final int PAGE_OTHER_VARIABLES = 50 * 3;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    FilterService filterService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TaskGroupTallyFold fold;

    private final List<String> seeded = new ArrayList<>();

    @Test
    void doublingTheOpenTasksAtMostDoublesTheCountsWorkAndLeavesTheFirstPagesWorkAsItWas() {
        String filterId = filterService
                .createFilterQuery()
                .filterName("Nidos – Taken")
                .singleResult()
                .getId();

        seed(TASKS);
        Work first = measure(filterId);
        seed(TASKS);
        Work second = measure(filterId);
        LoggerFactory.getLogger(TasklistQueryPlanIT.class)
                .info("Tasklist plan work at {} and {} tasks: {} / {}", TASKS, 2 * TASKS, first, second);

        assertThat(second.listed())
                .as("the page is full both times")
                .isEqualTo(first.listed())
                .isEqualTo(50);
        assertThat(second.counted() - first.counted())
                .as("the count sees the new tasks")
                .isEqualTo(TASKS);
        assertThat((double) second.pageRows())
                .as("rows the page's plan touches: %s then %s", first.pageRows(), second.pageRows())
                .isLessThanOrEqualTo(ALLOWED_PAGE_GROWTH * first.pageRows());
        assertThat((double) second.countRows())
                .as("rows the engine's count's plan touches: %s then %s", first.countRows(), second.countRows())
                .isLessThanOrEqualTo(ALLOWED_GROWTH * first.countRows());
        assertThat((double) second.columnRows())
                .as(
                        "rows the plan of the page's column values touches: %s then %s",
                        first.columnRows(), second.columnRows())
                .isLessThanOrEqualTo(ALLOWED_PAGE_GROWTH * first.columnRows() + PAGE_OTHER_VARIABLES);
        assertThat(second.tallyRows())
                .as("rows the tally's count touches: %s then %s", first.tallyRows(), second.tallyRows())
                .isLessThanOrEqualTo(first.tallyRows() + 2)
                .isLessThan(20);
    }

    /** Open Nidos tasks, started through the engine like the reception module does (guardianship, by case). */
    private void seed(int tasks) {
        // a few hundred starts per transaction: the engine's work per start, without a commit for each
        for (int done = 0; done < tasks; done += 250) {
            int batch = Math.min(250, tasks - done);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    String caseId = "00000000-0000-0000-0000-" + String.format("%012d", seeded.size());
                    // the case id, as reception starts it: one of the filter's columns, whose values the page shows
                    ProcessInstance instance =
                            runtimeService.startProcessInstanceByKey("guardianship", caseId, Map.of("caseId", caseId));
                    seeded.add(instance.getId());
                }
            });
        }
        jdbc.sql("analyze").update();
    }

    record Work(int listed, long counted, long pageRows, long countRows, long tallyRows, long columnRows) {}

    private Work measure(String filterId) {
        List<String> page = capture("selectTaskByQueryCriteria", () -> tasklistPage(filterId));
        List<String> columns = capture(COLUMNS, () -> tasklistPage(filterId));
        // the changes the seeding wrote folded into the tally, as the scheduled fold does
        fold.fold();
        long counted = countOverRest(filterId);
        assertThat(captured("selectTaskCountByQueryCriteria", () -> tasklistPage(filterId))
                        .get(1))
                .as("the count the page carries comes from the tally: the engine counts nothing")
                .isNull();
        assertThat(halCount)
                .as("the count the page carries, for Tasklist's extended query")
                .isEqualTo(counted);
        TaskGroupTally.enable(false);
        List<String> count;
        try {
            count = capture("selectTaskCountByQueryCriteria", () -> countOverRest(filterId));
        } finally {
            TaskGroupTally.enable(true);
        }
        assertThat(Long.parseLong(count.get(0)))
                .as("the engine's count and the tally's")
                .isEqualTo(counted);
        long tallyRows = rowsTouched(TaskGroupTally.OPEN_TASKS.replace("?", "'" + Groups.NIDOS + "'"))
                + rowsTouched(TaskGroupTally.SUSPENDED_TASKS.replace("?", "'" + Groups.NIDOS + "'"));
        logPlan("The filter's page", page.get(1));
        logPlan("The page's column values", columns.get(1));
        return new Work(
                Integer.parseInt(page.get(0)),
                counted,
                rowsTouched(page.get(1)),
                rowsTouched(count.get(1)),
                tallyRows,
                rowsTouched(columns.get(1)));
    }

    private void logPlan(String what, String sql) {
        LoggerFactory.getLogger(TasklistQueryPlanIT.class)
                .info("{}, as planned:\n{}", what, EngineStatements.plan(jdbc, sql));
    }

    /** Tasklist opening the filter: its first page (50 here, 15 in Tasklist) as HAL; returns the tasks listed. */
    private int tasklistPage(String filterId) {
        var response = client.post(
                "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=50",
                "voogd",
                ChainClient.TASKLIST_EXTENSION,
                Map.of("Accept", "application/hal+json"));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        halCount = response.body().path("count").asLong(-1);
        return response.body().path("_embedded").path("task").size();
    }

    /** The count the last HAL page carried (Tasklist shows it under the list). */
    private long halCount;

    private int countOverRest(String filterId) {
        var response = client.post("/engine-rest/filter/" + filterId + "/count", "voogd", Map.of());
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return (int) response.body().path("count").asLong();
    }

    /**
     * Runs the request with the engine's statement log on and returns the request's result and the one statement
     * with this id it sent, parameters filled in. The request runs on one of the web server's threads ({@code
     * http-nio-...}); statements other threads send meanwhile are left out.
     */
    private List<String> capture(String statementId, java.util.function.IntSupplier request) {
        List<String> captured = captured(statementId, request);
        assertThat(captured.get(1))
                .as("the engine's " + statementId + " statement")
                .isNotNull();
        return captured;
    }

    /**
     * As {@link #capture}, the statement null when the request sent none with this id. Only the request's own
     * statement, sent on one of the web server's threads ({@code http-nio-...}): the backlog gauges count tasks per
     * group on a schedule with the same statement id, and one of theirs (a group with no tasks: three rows) once stood
     * in for the count.
     */
    private List<String> captured(String statementId, java.util.function.IntSupplier request) {
        return EngineStatements.captured(
                statementId.contains(".") ? statementId : STATEMENTS + "." + statementId,
                thread -> thread.startsWith("http-"),
                request);
    }

    private long rowsTouched(String sql) {
        return EngineStatements.rowsTouched(jdbc, sql);
    }

    @AfterEach
    void removeSeededCases() {
        if (!seeded.isEmpty()) {
            runtimeService.deleteProcessInstancesIfExists(seeded, "plan guard done", true, true, true);
            historyService.deleteHistoricProcessInstancesIfExists(seeded);
            seeded.clear();
        }
    }
}

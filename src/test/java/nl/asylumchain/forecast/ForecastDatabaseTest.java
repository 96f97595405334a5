package nl.asylumchain.forecast;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.asylumchain.forecast.persistence.DueJobsRepository;
import nl.asylumchain.forecast.persistence.TasklistOrderRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements the forecast runs at every step are answered in its H2 database through an index, not by walking a
 * table (docs/forecast.md, "The start stock"). Without the forecast's own indexes H2 takes an index on a null-tested
 * column that nearly every row matches ({@code TASK_ID_}, {@code PARENT_ID_}, {@code ASSIGNEE_}) or has none ({@code PARENT_TASK_ID_}),
 * and placing a stock of tens of thousands of cases takes time in the square of its size.
 */
class ForecastDatabaseTest {

    private final JdbcTemplate database = ForecastLab.database(ForecastLab.scenario("small"));

    @Test
    void anExecutionsOwnVariablesAreFoundThroughTheIndexOverExecutionAndTask() {
        assertThat(plan("select * from ACT_RU_VARIABLE where EXECUTION_ID_ = 'e' and TASK_ID_ is null"))
                .contains("FORECAST_IDX_VAR_EXECUTION");
    }

    @Test
    void aTasksSubTasksAreFoundThroughAnIndexNotByReadingEveryTask() {
        assertThat(plan("select * from ACT_RU_TASK where PARENT_TASK_ID_ = 't'"))
                .contains("FORECAST_IDX_TASK_PARENT");
    }

    /**
     * The plan H2 takes once the tables are large: with the statistics of 4,000 process instances (and as many child
     * executions) it walks every instance through the index of {@code PARENT_ID_} unless ours is there.
     */
    @Test
    void aProcessInstanceIsFoundByBusinessKeyThroughAnIndexAlsoAmongThousandsOfInstances() {
        String definition = database.queryForObject("select min(ID_) from ACT_RE_PROCDEF", String.class);
        try {
            database.batchUpdate(
                    "insert into ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, PARENT_ID_, PROC_DEF_ID_,"
                            + " IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_)"
                            + " values (?, 1, ?, ?, ?, ?, true, false, true, false, 1)",
                    java.util.stream.IntStream.range(0, 4_000)
                            .boxed()
                            .flatMap(i -> java.util.stream.Stream.of(
                                    new Object[] {"plan-" + i, "plan-" + i, "case-" + i / 2, null, definition},
                                    new Object[] {"plan-" + i + "-child", "plan-" + i, null, "plan-" + i, definition}))
                            .toList());
            database.execute("analyze");
            // the engine's process instance query by business key, and the deadline watch's own lookup
            assertThat(plan("select distinct RES.* from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF P"
                            + " on RES.PROC_DEF_ID_ = P.ID_ where RES.PARENT_ID_ is null and P.KEY_ = 'k'"
                            + " and RES.BUSINESS_KEY_ = 'case-7' and RES.SUSPENSION_STATE_ = 1"
                            + " order by RES.ID_ asc limit 1 offset 0"))
                    .contains("FORECAST_IDX_EXEC_BUSKEY");
            assertThat(plan("select RES.* from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF P"
                            + " on RES.PROC_DEF_ID_ = P.ID_ where RES.BUSINESS_KEY_ = 'case-7'"
                            + " and RES.PARENT_ID_ is null and P.KEY_ = 'k' and RES.SUSPENSION_STATE_ = 1"))
                    .contains("FORECAST_IDX_EXEC_BUSKEY");
        } finally {
            database.update("delete from ACT_RU_EXECUTION where ID_ like 'plan-%-child'");
            database.update("delete from ACT_RU_EXECUTION where ID_ like 'plan-%'");
            database.execute("analyze");
        }
    }

    @Test
    void aGroupsFirstTasksInTasklistOrderAreReadFromAnIndexInThatOrder() {
        for (boolean oneTrack : new boolean[] {false, true}) {
            assertThat(plan(TasklistOrderRepository.statement(oneTrack)
                            .replace(":group", "'g'")
                            .replace(":max", "5")
                            .replace(":variable", "'track'")
                            .replace(":value", "4")))
                    .contains("FORECAST_IDX_TASK_ORDER")
                    .contains("index sorted");
        }
    }

    @Test
    void aSmallGroupsTasksAreGatheredThroughItsCandidateLinksNotByReadingEveryOpenTask() {
        for (boolean oneTrack : new boolean[] {false, true}) {
            String plan = plan(TasklistOrderRepository.statementForFew(oneTrack)
                    .replace(":group", "'g'")
                    .replace(":max", "5")
                    .replace(":variable", "'track'")
                    .replace(":value", "4"));
            assertThat(plan)
                    .contains("ACT_IDX_IDENT_LNK_GROUP")
                    .containsPattern("/\\* PUBLIC\\.PRIMARY_KEY_\\d+: ID_ IN\\(SELECT")
                    .doesNotContain("ACT_IDX_TASK_ASSIGNEE");
        }
    }

    @Test
    void theJobsDueByNowAreReadFromTheIndexOfTheDueDateInThatOrder() {
        assertThat(plan(DueJobsRepository.statement()
                        .replace(":now", "timestamp '2024-01-01 09:00:00'")
                        .replace(":max", "500")))
                .contains("FORECAST_IDX_JOB_DUE")
                .contains("index sorted");
    }

    /**
     * The indexes and foreign keys a forecast never reads through are gone (each changed row cost their upkeep at
     * every step), and with them no statement above lost its index.
     */
    @Test
    void indexesNoForecastStatementReadsThroughAreDropped() {
        java.util.List<String> names = database.queryForList(
                "select INDEX_NAME from INFORMATION_SCHEMA.INDEXES where TABLE_NAME like 'ACT_%'"
                        + " union select CONSTRAINT_NAME from INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                        + " where TABLE_NAME like 'ACT_%'",
                String.class);
        assertThat(names)
                .as("dropped")
                .doesNotContain(
                        "ACT_IDX_TASK_LAST_UPDATED",
                        "ACT_IDX_TASK_OWNER",
                        "ACT_IDX_TASK_TENANT_ID",
                        "ACT_IDX_TASK_ASSIGNEE",
                        "ACT_FK_TASK_CASE_EXE",
                        "ACT_FK_TASK_CASE_DEF",
                        "ACT_IDX_VARIABLE_TENANT_ID",
                        "ACT_FK_VAR_CASE_EXE",
                        "ACT_FK_VAR_CASE_INST",
                        "ACT_FK_VAR_BATCH",
                        "ACT_IDX_BATCH_ID",
                        "ACT_IDX_EXEC_TENANT_ID",
                        "ACT_IDX_JOB_TENANT_ID",
                        "ACT_IDX_EVENT_SUBSCR_TENANT_ID",
                        "ACT_IDX_IDENT_LNK_USER",
                        "ACT_IDX_EXEC_ROOT_PI",
                        "ACT_IDX_JOB_ROOT_PROCINST",
                        "ACT_IDX_BYTEARRAY_ROOT_PI",
                        "ACT_IDX_BYTEARRAY_RM_TIME",
                        "ACT_IDX_TASK_CREATE",
                        "ACT_IDX_VARIABLE_TASK_ID",
                        "ACT_IDX_JOB_HANDLER_TYPE",
                        "ACT_IDX_EXEC_BUSKEY")
                .as("unchecked: the foreign and unique keys of the tables a step changes")
                .doesNotContain(
                        "ACT_FK_VAR_EXE",
                        "ACT_FK_VAR_PROCINST",
                        "ACT_FK_VAR_BYTEARRAY",
                        "ACT_UNIQ_VARIABLE",
                        "ACT_FK_EXE_PARENT",
                        "ACT_FK_EXE_PROCINST",
                        "ACT_FK_EXE_SUPER",
                        "ACT_FK_EXE_PROCDEF",
                        "ACT_FK_TASK_EXE",
                        "ACT_FK_TASK_PROCINST",
                        "ACT_FK_TASK_PROCDEF",
                        "ACT_FK_TSKASS_TASK",
                        "ACT_FK_ATHRZ_PROCEDEF",
                        "ACT_FK_EVENT_EXEC",
                        "ACT_FK_JOB_EXCEPTION",
                        "ACT_FK_BYTEARR_DEPL",
                        "ACT_IDX_ATHRZ_PROCEDEF",
                        "ACT_IDX_JOB_JOB_DEF_ID",
                        "ACT_IDX_BYTEARRAY_NAME")
                .as("kept: read by the engine at every step")
                .contains("ACT_IDX_VARIABLE_TASK_NAME_TYPE", "ACT_IDX_IDENT_LNK_GROUP", "ACT_IDX_JOB_HANDLER");
    }

    /** The columns a step reads by whose foreign key is gone are read through a plain index of their own. */
    @Test
    void theColumnsOfTheUncheckedForeignKeysThatAStepReadsByKeepAnIndex() {
        assertThat(plan("select * from ACT_RU_VARIABLE where PROC_INST_ID_ = 'p'"))
                .contains("FORECAST_IDX_VAR_BY_PROCINST");
        assertThat(plan("select * from ACT_RU_VARIABLE where EXECUTION_ID_ = 'e'"))
                .contains("FORECAST_IDX_VAR_EXECUTION");
        assertThat(plan("select * from ACT_RU_EXECUTION where PARENT_ID_ = 'e'"))
                .contains("FORECAST_IDX_EXE_BY_PARENT");
        assertThat(plan("select * from ACT_RU_EXECUTION where PROC_INST_ID_ = 'p'"))
                .contains("FORECAST_IDX_EXE_BY_PROCINST");
        assertThat(plan("select * from ACT_RU_EXECUTION where SUPER_EXEC_ = 'e'"))
                .contains("FORECAST_IDX_EXE_BY_SUPER");
        assertThat(plan("select * from ACT_RU_TASK where EXECUTION_ID_ = 'e'")).contains("FORECAST_IDX_TASK_BY_EXE");
        assertThat(plan("select * from ACT_RU_TASK where PROC_INST_ID_ = 'p'"))
                .contains("FORECAST_IDX_TASK_BY_PROCINST");
        assertThat(plan("select * from ACT_RU_IDENTITYLINK where TASK_ID_ = 't'"))
                .contains("FORECAST_IDX_IDENT_BY_TASK");
        assertThat(plan("select * from ACT_RU_EVENT_SUBSCR where EXECUTION_ID_ = 'e'"))
                .contains("FORECAST_IDX_EVENT_BY_EXE");
        assertThat(plan("select * from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ = 'd' and NAME_ = 'n'"))
                .contains("FORECAST_IDX_BYTEARRAY_BY_DEPL");
    }

    /** What a refused event says the case waits for: its processes' message subscriptions. */
    @Test
    void aProcessInstancesMessageSubscriptionsAreFoundThroughAnIndex() {
        assertThat(plan("select * from ACT_RU_EVENT_SUBSCR where EVENT_TYPE_ = 'message' and PROC_INST_ID_ = 'p'"))
                .contains("FORECAST_IDX_EVENT_BY_PROCINST");
    }

    /** A task's own variables, read at every completion, still come through an index once its own is gone. */
    @Test
    void aTasksOwnVariablesAreFoundThroughTheWiderIndexOfTheirTask() {
        assertThat(plan("select * from ACT_RU_VARIABLE where TASK_ID_ = 't'"))
                .contains("ACT_IDX_VARIABLE_TASK_NAME_TYPE");
    }

    /**
     * Tasklist's open tasks per group are not kept in the forecast: nothing there counts a filter or folds the changes,
     * which piled up at two rows per task (90,071 after eight weeks of the high scenario).
     */
    @Test
    void theEngineKeepsNoOpenTasksPerGroupForATasklistItDoesNotHave() {
        ForecastLab.run(ForecastLab.scenario("small"));

        assertThat(database.queryForObject("select count(*) from ACT_RU_TASK", Long.class))
                .as("open tasks")
                .isPositive();
        assertThat(database.queryForObject("select count(*) from task_group_tally_changes", Long.class))
                .isZero();
    }

    private String plan(String sql) {
        return String.join("\n", database.queryForList("explain " + sql, String.class));
    }
}

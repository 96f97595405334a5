package nl.asylumchain.forecast.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Settings of the forecast's isolated engine that make a simulated year fast without changing what the models and
 * rules do (docs/forecast.md, "Speed"): no CMMN (the chain has no case models), no history cleanup (there is no
 * history), ids counted in memory ({@link ForecastIds}, which also keeps runs repeatable) and the latest definition
 * of each key remembered between deployments ({@link LatestDefinitions}). FEEL texts are parsed once, as in the
 * live engine ({@code platform.ParsedFeelCache}). History level, metrics and the job executor are set as properties by the forecast command.
 */
@Component
@Profile("forecast")
class ForecastEngineSettings extends AbstractProcessEnginePlugin {

    /**
     * Indexes and foreign keys of the engine's schema that no statement of a forecast reads through, on columns that
     * are null in every row of a forecast (tenants, task owners, CMMN, batches), that only Tasklist's own queries
     * use (a task's last update and creation, its assignee; {@link TasklistOrder} reads its own index) or history
     * needs (the root instance and removal time), and indexes whose columns begin a wider index of their table.
     * Every row a step inserts, updates or deletes changes each index of its table, and the commit goes over each
     * change again: H2's index upkeep and commits were a quarter of a run's time (docs/forecast.md, "Seventh round").
     */
    static final List<String> UNREAD_INDEXES = List.of(
            "drop index if exists ACT_IDX_TASK_LAST_UPDATED",
            "drop index if exists ACT_IDX_TASK_OWNER",
            "drop index if exists ACT_IDX_TASK_TENANT_ID",
            "drop index if exists ACT_IDX_TASK_ASSIGNEE",
            "alter table ACT_RU_TASK drop constraint if exists ACT_FK_TASK_CASE_EXE",
            "alter table ACT_RU_TASK drop constraint if exists ACT_FK_TASK_CASE_DEF",
            "drop index if exists ACT_IDX_VARIABLE_TENANT_ID",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_FK_VAR_CASE_EXE",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_FK_VAR_CASE_INST",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_FK_VAR_BATCH",
            "drop index if exists ACT_IDX_BATCH_ID",
            "drop index if exists ACT_IDX_EXEC_TENANT_ID",
            "drop index if exists ACT_IDX_JOB_TENANT_ID",
            "drop index if exists ACT_IDX_EVENT_SUBSCR_TENANT_ID",
            "drop index if exists ACT_IDX_IDENT_LNK_USER",
            // read only to stamp or clean up history (root instance, removal time), which a forecast has none of
            "drop index if exists ACT_IDX_EXEC_ROOT_PI",
            "drop index if exists ACT_IDX_JOB_ROOT_PROCINST",
            "drop index if exists ACT_IDX_BYTEARRAY_ROOT_PI",
            "drop index if exists ACT_IDX_BYTEARRAY_RM_TIME",
            // a task's creation time: Tasklist's sort, which TasklistOrder walks in its own index
            "drop index if exists ACT_IDX_TASK_CREATE",
            // the first column of a wider index of the same table, which answers the same lookups
            "drop index if exists ACT_IDX_VARIABLE_TASK_ID",
            "drop index if exists ACT_IDX_JOB_HANDLER_TYPE",
            "drop index if exists ACT_IDX_EXEC_BUSKEY");

    /**
     * The foreign keys and the unique key of the tables a step changes. Each checked every row a step inserts (a
     * variable: its execution, process instance and byte array looked up) and deletes (an execution: its variables,
     * tasks, subscriptions and child executions looked up), and each kept an index of its own, a copy of its column
     * for every row; the engine writes its rows in an order that keeps them anyway. A column a step reads by gets a
     * plain index of its own first ({@code FORECAST_IDX_*_BY_*}); the others (a process definition, a byte array,
     * a job definition, an exception) no step reads by, and the variable's unique key nobody reads.
     */
    static final List<String> UNCHECKED_REFERENCES = List.of(
            "create index if not exists FORECAST_IDX_VAR_BY_PROCINST on ACT_RU_VARIABLE(PROC_INST_ID_)",
            "create index if not exists FORECAST_IDX_EXE_BY_PARENT on ACT_RU_EXECUTION(PARENT_ID_)",
            "create index if not exists FORECAST_IDX_EXE_BY_PROCINST on ACT_RU_EXECUTION(PROC_INST_ID_)",
            "create index if not exists FORECAST_IDX_EXE_BY_SUPER on ACT_RU_EXECUTION(SUPER_EXEC_)",
            "create index if not exists FORECAST_IDX_TASK_BY_EXE on ACT_RU_TASK(EXECUTION_ID_)",
            "create index if not exists FORECAST_IDX_TASK_BY_PROCINST on ACT_RU_TASK(PROC_INST_ID_)",
            "create index if not exists FORECAST_IDX_IDENT_BY_TASK on ACT_RU_IDENTITYLINK(TASK_ID_)",
            "create index if not exists FORECAST_IDX_EVENT_BY_EXE on ACT_RU_EVENT_SUBSCR(EXECUTION_ID_)",
            "create index if not exists FORECAST_IDX_BYTEARRAY_BY_DEPL on ACT_GE_BYTEARRAY(DEPLOYMENT_ID_)",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_FK_VAR_EXE",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_FK_VAR_PROCINST",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_FK_VAR_BYTEARRAY",
            "alter table ACT_RU_VARIABLE drop constraint if exists ACT_UNIQ_VARIABLE",
            "alter table ACT_RU_EXECUTION drop constraint if exists ACT_FK_EXE_PARENT",
            "alter table ACT_RU_EXECUTION drop constraint if exists ACT_FK_EXE_PROCINST",
            "alter table ACT_RU_EXECUTION drop constraint if exists ACT_FK_EXE_SUPER",
            "alter table ACT_RU_EXECUTION drop constraint if exists ACT_FK_EXE_PROCDEF",
            "alter table ACT_RU_TASK drop constraint if exists ACT_FK_TASK_EXE",
            "alter table ACT_RU_TASK drop constraint if exists ACT_FK_TASK_PROCINST",
            "alter table ACT_RU_TASK drop constraint if exists ACT_FK_TASK_PROCDEF",
            "alter table ACT_RU_IDENTITYLINK drop constraint if exists ACT_FK_TSKASS_TASK",
            "alter table ACT_RU_IDENTITYLINK drop constraint if exists ACT_FK_ATHRZ_PROCEDEF",
            "alter table ACT_RU_EVENT_SUBSCR drop constraint if exists ACT_FK_EVENT_EXEC",
            "alter table ACT_RU_JOB drop constraint if exists ACT_FK_JOB_EXCEPTION",
            "alter table ACT_GE_BYTEARRAY drop constraint if exists ACT_FK_BYTEARR_DEPL",
            "drop index if exists ACT_IDX_ATHRZ_PROCEDEF",
            "drop index if exists ACT_IDX_JOB_JOB_DEF_ID",
            "drop index if exists ACT_IDX_BYTEARRAY_NAME");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCmmnEnabled(false);
        configuration.setHistoryCleanupEnabled(false);
        new LatestDefinitions().addTo(configuration);
    }

    /**
     * Indexes in the forecast's own in-memory database only, each for a statement the engine runs at every step
     * that H2 otherwise answers by walking a table, so that placing a start stock of tens of thousands of cases
     * took time in the square of its size ({@code ForecastDatabaseTest} checks the plans):
     *
     * <ul>
     * <li>"an execution's own variables" ({@code EXECUTION_ID_ = ? and TASK_ID_ is null}): H2 takes the engine's
     * index on {@code TASK_ID_} for the {@code IS NULL}, which nearly every variable matches; an index over both
     * columns is the one its planner prefers;</li>
     * <li>"a task's sub-tasks" ({@code PARENT_TASK_ID_ = ?}), asked when a task is deleted, that is at every
     * completion: the engine's H2 and PostgreSQL schemas have no index on the column (only its SQL Server schema
     * has);</li>
     * <li>a process instance by business key ({@code PARENT_ID_ is null and BUSINESS_KEY_ = ?}, the decision
     * deadline's watch of a case at every deadline change): once the tables hold tens of thousands of instances H2
     * takes the foreign key's index on the null-tested {@code PARENT_ID_}, which every process instance matches, and
     * reads them all (42 ms a lookup at 20,000 cases); an index over both columns is the one it prefers (0.4 ms);</li>
     * <li>Tasklist order ({@code PRIORITY_ desc, DUE_DATE_, CREATE_TIME_, ID_}): {@link TasklistOrder} walks it to
     * a group's first open tasks of the day and stops there, instead of sorting all of them;</li>
     * <li>the due date ({@code DUEDATE_, ID_}): {@link DueJobs} walks it to the jobs due by now, oldest first, which
     * the engine's job query finds by reading every job (its schemas have no index on the column);</li>
     * <li>a process instance's message subscriptions ({@code PROC_INST_ID_ = ?}): what a refused event says the
     * case waits for ({@code platform.ProcessMessages.waitingFor}), asked at every Dublin reply that comes after its
     * timer; the live engine has the same index ({@code AC_IDX_EVENT_SUBSCR_PROCINST}).</li>
     * </ul>
     *
     * <p>Then the {@link #UNREAD_INDEXES} and the {@link #UNCHECKED_REFERENCES} go.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "create index if not exists FORECAST_IDX_VAR_EXECUTION on ACT_RU_VARIABLE(EXECUTION_ID_, TASK_ID_)");
            statement.execute("create index if not exists FORECAST_IDX_TASK_PARENT on ACT_RU_TASK(PARENT_TASK_ID_)");
            statement.execute("create index if not exists FORECAST_IDX_EXEC_BUSKEY"
                    + " on ACT_RU_EXECUTION(BUSINESS_KEY_, PARENT_ID_)");
            statement.execute("create index if not exists FORECAST_IDX_TASK_ORDER"
                    + " on ACT_RU_TASK(PRIORITY_ desc, DUE_DATE_, CREATE_TIME_, ID_)");
            statement.execute("create index if not exists FORECAST_IDX_JOB_DUE on ACT_RU_JOB(DUEDATE_, ID_)");
            statement.execute("create index if not exists FORECAST_IDX_EVENT_BY_PROCINST"
                    + " on ACT_RU_EVENT_SUBSCR(PROC_INST_ID_)");
            for (String drop : UNREAD_INDEXES) {
                statement.execute(drop);
            }
            for (String change : UNCHECKED_REFERENCES) {
                statement.execute(change);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not index the forecast's database", e);
        }
    }
}

package nl.asylumchain.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our indexes on the engine's tables exist on a new database: their migrations run after the engine created its
 * tables (in the application's own sequence they would run before, and fail), in a history of their own.
 */
@ChainTestContext
class EngineIndexesTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewDatabaseGetsOurIndexesOnTheEnginesTablesInTheirOwnHistory() {
        assertThat(jdbc.sql("select index_name from information_schema.indexes where index_name like 'AC_IDX_%'")
                        .query(String.class)
                        .list())
                .contains(
                        "AC_IDX_TASK_PRIORITY_DUE",
                        "AC_IDX_IDENT_LNK_GROUP_TASK",
                        "AC_IDX_TASK_PARENT",
                        "AC_IDX_JOB_DUE_DATE",
                        "AC_IDX_EVENT_SUBSCR_PROCINST",
                        "AC_IDX_VARIABLE_BACKLOG",
                        "AC_IDX_JOB_NO_RETRIES",
                        "AC_IDX_EXE_ROOT_DEF");
        assertThat(jdbc.sql("select \"version\" from \"" + EngineIndexes.HISTORY_TABLE
                                + "\" where \"success\" and \"version\" is not null")
                        .query(String.class)
                        .list())
                .contains("1", "2", "3", "4", "5", "6", "7");
    }
}

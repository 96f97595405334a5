package nl.asylumchain.forecast.process;

import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast's H2 reads an execution's variables through the execution's index and a process instance by business
 * key through the business key index, whatever selectivity the statistics had given the columns the engine asks to be
 * null: otherwise every read walks all variables or all process instances, and the start stock's placement grows with
 * the square of its size.
 */
class ForecastH2PlansTest {

    /** The engine's read of an execution's own variables (VariableInstance.xml, selectVariablesByExecutionId). */
    private static final String VARIABLES_OF_AN_EXECUTION = "explain select RES.* from ACT_RU_VARIABLE RES"
            + " left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_"
            + " left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_"
            + " where EXECUTION_ID_ = 'e1' and TASK_ID_ is null";

    /** The core of a process instance query by business key (Execution.xml). */
    private static final String INSTANCE_BY_BUSINESS_KEY = "explain select RES.* from ACT_RU_EXECUTION RES"
            + " where RES.PARENT_ID_ is null and RES.BUSINESS_KEY_ = 'case-1'";

    private JdbcTemplate h2;

    @BeforeEach
    void camundaSchemaWithStatisticsThatFavourTheNullColumns() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:plans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;ANALYZE_AUTO=0");
        h2 = new JdbcTemplate(dataSource);
        h2.execute("runscript from 'classpath:/org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql'");
        // what statistics taken from the non-null values (task ids, parent ids: all different) say of the columns
        h2.execute("alter table ACT_RU_VARIABLE alter column TASK_ID_ selectivity 100");
        h2.execute("alter table ACT_RU_VARIABLE alter column EXECUTION_ID_ selectivity 2");
        h2.execute("alter table ACT_RU_EXECUTION alter column PARENT_ID_ selectivity 100");
        h2.execute("alter table ACT_RU_EXECUTION alter column BUSINESS_KEY_ selectivity 2");
    }

    @Test
    void anExecutionsVariablesAreReadThroughTheExecutionsIndexNotTheTaskIndex() {
        ForecastEngineSettings.H2_PLANS.forEach(h2::execute);
        assertThat(plan(VARIABLES_OF_AN_EXECUTION)).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK");
    }

    @Test
    void aProcessInstanceByBusinessKeyIsReadThroughTheBusinessKeyIndexNotTheParentIndex() {
        ForecastEngineSettings.H2_PLANS.forEach(h2::execute);
        assertThat(plan(INSTANCE_BY_BUSINESS_KEY))
                .contains("ACT_IDX_EXEC_BUSKEY")
                .doesNotContain("ACT_FK_EXE_PARENT");
    }

    @Test
    void withoutThePinsH2WalksTheTaskIndexForTheNullTaskId() {
        // the situation the pins are for: the same statistics, no pins
        assertThat(plan(VARIABLES_OF_AN_EXECUTION)).contains("ACT_IDX_VARIABLE_TASK");
    }

    private String plan(String explain) {
        List<String> rows = h2.queryForList(explain, String.class);
        return String.join("\n", rows);
    }
}

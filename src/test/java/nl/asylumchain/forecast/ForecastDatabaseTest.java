package nl.asylumchain.forecast;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.asylumchain.forecast.process.TasklistOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements the forecast runs at every step are answered in its H2 database through an index, not by walking a
 * table (docs/forecast.md, "The start stock"). Without the forecast's own indexes H2 takes an index on a null-tested
 * column that nearly every row matches ({@code TASK_ID_}, {@code ASSIGNEE_}) or has none ({@code PARENT_TASK_ID_}),
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

    @Test
    void aGroupsFirstTasksInTasklistOrderAreReadFromAnIndexInThatOrder() {
        for (boolean oneTrack : new boolean[] {false, true}) {
            assertThat(plan(TasklistOrder.statement(oneTrack)
                            .replace(":group", "'g'")
                            .replace(":max", "5")
                            .replace(":variable", "'track'")
                            .replace(":track", "4")))
                    .contains("FORECAST_IDX_TASK_ORDER")
                    .contains("index sorted");
        }
    }

    private String plan(String sql) {
        return String.join("\n", database.queryForList("explain " + sql, String.class));
    }
}

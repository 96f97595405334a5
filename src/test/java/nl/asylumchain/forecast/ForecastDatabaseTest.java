package nl.asylumchain.forecast;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An execution's own variables, read at every step, are found in the forecast's H2 database through an index over
 * both conditions of the engine's statement. Through the engine's index on the null-tested {@code TASK_ID_} alone,
 * which nearly every variable matches (H2's choice without ours), H2 walks the table, and placing a stock of tens of
 * thousands of cases takes time in the square of its size (docs/forecast.md, "The start stock").
 */
class ForecastDatabaseTest {

    private final JdbcTemplate database = ForecastLab.database(ForecastLab.scenario("small"));

    @Test
    void anExecutionsOwnVariablesAreFoundThroughTheIndexOverExecutionAndTask() {
        assertThat(plan("select * from ACT_RU_VARIABLE where EXECUTION_ID_ = 'e' and TASK_ID_ is null"))
                .contains("FORECAST_IDX_VAR_EXECUTION");
    }

    private String plan(String sql) {
        return String.join("\n", database.queryForList("explain " + sql, String.class));
    }
}

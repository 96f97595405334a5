package nl.asylumchain.forecast.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Settings of the forecast's isolated engine that make a simulated year fast without changing what the models and
 * rules do (docs/forecast.md, "Speed"): FEEL expressions parsed once ({@link ParsedFeelCache}), ids taken from the
 * database in large blocks (the same consecutive numbers, so runs stay repeatable, with a hundredth of the
 * round trips), no CMMN (the chain has no case models) and no history cleanup (there is no history). History level,
 * metrics and the job executor are set as properties by the forecast command.
 */
@Component
@Profile("forecast")
class ForecastEngineSettings extends AbstractProcessEnginePlugin {

    /**
     * H2 can plan {@code column IS NULL} as a lookup in that column's index, costed with the selectivity its automatic
     * statistics give the column; when that selectivity is high, the variables of an execution ({@code EXECUTION_ID_ =
     * ? and TASK_ID_ is null}) are read through the task id index, walking every process variable of every case, and
     * a process instance by business key ({@code PARENT_ID_ is null}) through the parent index. Then each read grows
     * with the number of cases, and placing the start stock (tens of thousands of cases) grows with its square
     * (docs/forecast.md, "Speed"). Pinned: those null columns are unselective, and the statistics are not recomputed
     * over the pins ({@code ANALYZE_AUTO=0} on the forecast's database URL, ForecastCommand). Only the plans change, not which rows a query finds.
     */
    static final List<String> H2_PLANS = List.of(
            "ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 1",
            "ALTER TABLE ACT_RU_EXECUTION ALTER COLUMN PARENT_ID_ SELECTIVITY 1");

    /** Ids per round trip to the id table; the engine's default is 100. */
    static final int ID_BLOCK_SIZE = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() == null
                ? (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                : configuration.getDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new ParsedFeelCache(configuration::getDmnFeelCustomFunctionProviders));
        configuration.setDmnEngineConfiguration(dmn);
        configuration.setIdBlockSize(ID_BLOCK_SIZE);
        configuration.setCmmnEnabled(false);
        configuration.setHistoryCleanupEnabled(false);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"h2".equals(configuration.getDatabaseType())) {
            return;
        }
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : H2_PLANS) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the forecast database's query plans", e);
        }
    }
}

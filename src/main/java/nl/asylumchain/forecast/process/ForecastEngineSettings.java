package nl.asylumchain.forecast.process;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
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
}

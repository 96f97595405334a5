package nl.asylumchain.platform;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.dmn.engine.impl.DmnDecisionImpl;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain's history level drops exactly the two kinds of detail and the evaluations of the decisions it is told, and a database that ran at {@code full} (every
 * installation before it) starts at it without the engine's "historyLevel mismatch", while a node configured
 * differently from what the database records is still refused.
 */
class ChainHistoryLevelTest {

    @Test
    void onlyVariableUpdateDetailsAndFormPropertyDetailsAreDropped() {
        for (HistoryEventTypes type : HistoryEventTypes.values()) {
            boolean dropped = type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    || type == HistoryEventTypes.FORM_PROPERTY_UPDATE;
            assertThat(ChainHistoryLevel.INSTANCE.isHistoryEventProduced(type, null))
                    .as(type.name())
                    .isEqualTo(!dropped);
        }
    }

    @Test
    void theEvaluationsOfTheNamedDecisionsAreNotRecordedAndEveryOtherDecisionsAre() {
        ChainHistoryLevel level = ChainHistoryLevel.withUnrecordedDecisions(List.of("taskPeriods"));
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, decision("taskPeriods")))
                .isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, decision("asylumTrack")))
                .isTrue();
        assertThat(ChainHistoryLevel.INSTANCE.isHistoryEventProduced(
                        HistoryEventTypes.DMN_DECISION_EVALUATE, decision("taskPeriods")))
                .as("the level without unrecorded decisions")
                .isTrue();
        // the same level for the engine's check of the recorded one: equal by id
        assertThat(level).isEqualTo(ChainHistoryLevel.INSTANCE);
    }

    private static DmnDecisionImpl decision(String key) {
        DmnDecisionImpl decision = new DmnDecisionImpl();
        decision.setKey(key);
        return decision;
    }

    @Test
    void aDatabaseThatRanAtFullStartsAtTheChainLevel() {
        String url = newDatabase();
        engine(url, ProcessEngineConfiguration.HISTORY_FULL, false).close();

        ProcessEngine chain = engine(url, ChainHistoryLevel.NAME, true);
        try {
            assertThat(((ProcessEngineConfigurationImpl) chain.getProcessEngineConfiguration())
                            .getHistoryLevel()
                            .getName())
                    .isEqualTo(ChainHistoryLevel.NAME);
            assertThat(chain.getManagementService().getProperties())
                    .containsEntry("historyLevel", Integer.toString(ChainHistoryLevel.ID));
        } finally {
            chain.close();
        }
    }

    @Test
    void aDatabaseAtAnotherLevelStillRefusesTheChainLevel() {
        String url = newDatabase();
        engine(url, ProcessEngineConfiguration.HISTORY_AUDIT, false).close();

        assertThatThrownBy(() -> engine(url, ChainHistoryLevel.NAME, true).close())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("historyLevel mismatch");
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static ProcessEngine engine(String url, String history, boolean withPlugin) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration
                .setProcessEngineName("chain-history-" + UUID.randomUUID())
                .setJdbcUrl(url)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(history)
                .setJobExecutorActivate(false);
        if (withPlugin) {
            configuration.getProcessEnginePlugins().add(new ChainHistoryLevelPlugin());
        }
        return configuration.buildProcessEngine();
    }
}

package nl.asylumchain.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes {@link ChainHistoryLevel} known to the engine, so that {@code camunda.bpm.history-level: chain} names it.
 *
 * <p>The engine records its level in the database and refuses to start when the configured one differs ("historyLevel
 * mismatch"). A database that ran at {@code full} before this level existed (every installation so far) is switched
 * to {@code chain} once, on the first start with it: the history already written stays as it is, only what is
 * written from then on is less. Any other recorded level is left alone, so the engine's own check still stops a node
 * configured differently from the others.
 */
@Component
class ChainHistoryLevelPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ChainHistoryLevelPlugin.class);

    private final ChainHistoryLevel level;

    /** The level recording every decision's evaluations. */
    ChainHistoryLevelPlugin() {
        this(List.of());
    }

    /** The level recording no evaluation of the decisions named in {@code asylumchain.history.unrecorded-decisions}. */
    @Autowired
    ChainHistoryLevelPlugin(@Value("${asylumchain.history.unrecorded-decisions:}") List<String> unrecordedDecisions) {
        this.level = ChainHistoryLevel.withUnrecordedDecisions(unrecordedDecisions.stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .toList());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        register(configuration);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after the data source exists, before the engine checks the recorded level (in ProcessEngineImpl)
        if (configuration.getHistoryLevel() instanceof ChainHistoryLevel) {
            int switched = switchFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
            if (switched > 0) {
                log.warn(
                        "History level switched from full to {} in the database: variable update details and form"
                                + " property details are no longer written (docs/production.md)",
                        ChainHistoryLevel.NAME);
            }
        }
    }

    /** Adds the chain's level to the engine's custom levels, keeping any other plugin's. */
    private void register(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        // levels are equal by their id: this one replaces another configuration's of the same level
        levels.remove(level);
        levels.add(level);
        configuration.setCustomHistoryLevels(levels);
    }

    /**
     * Sets the recorded history level from {@code full} to {@code chain}; returns the rows changed (0 on a new database,
     * whose engine tables do not exist yet, and on one already switched).
     */
    private static int switchFromFull(DataSource dataSource, String tablePrefix) {
        String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            if (!engineTablesExist(connection, table)) {
                return 0;
            }
            boolean autoCommit = connection.getAutoCommit();
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
                update.setString(1, Integer.toString(ChainHistoryLevel.ID));
                update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
                int rows = update.executeUpdate();
                if (!autoCommit) {
                    connection.commit();
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new ProcessEngineException(
                    "Could not switch the recorded history level to " + ChainHistoryLevel.NAME, e);
        }
    }

    private static boolean engineTablesExist(Connection connection, String table) throws SQLException {
        var metaData = connection.getMetaData();
        // PostgreSQL keeps names in lower case, H2 in upper case
        for (String name : List.of(table.toLowerCase(), table.toUpperCase())) {
            try (var tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}

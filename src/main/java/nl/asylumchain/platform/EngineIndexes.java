package nl.asylumchain.platform;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Our indexes on the engine's tables (docs/postgresql.md, "Indexes on the engine's tables"): Flyway migrations of their
 * own, in {@code db/engine/{engine database type}}, with their own history table {@value #HISTORY_TABLE}, run once the
 * engine has created or updated its schema. They cannot be in the application's sequence ({@code db/migration}):
 * Spring Boot runs that before the engine is built, so on a new database the engine's tables do not exist yet.
 *
 * <p>Not in the forecast's own context: its throwaway H2 engine serves no Tasklist.
 */
@Component
@Profile("!forecast")
class EngineIndexes {

    static final String HISTORY_TABLE = "flyway_engine_history";

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    EngineIndexes(ProcessEngine engine, DataSource dataSource) {
        String databaseType =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine/" + databaseType)
                .table(HISTORY_TABLE)
                // the schema already holds our tables and the engine's: start this history at nothing applied
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info(
                    "Engine indexes: {} migration(s) applied, now at {}",
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }
}

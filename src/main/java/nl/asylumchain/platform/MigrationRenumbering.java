package nl.asylumchain.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our migrations are one sequence ({@code V1__casefile_case_file} … {@code V23__decision_moratorium_extension_days}),
 * numbered in the order they were written, the module the first word of each name. Until this change each module
 * numbered its own ({@code V1_x} case file, {@code V2_x} registration …) and Flyway ran {@code out-of-order}.
 * <p>
 * A database migrated under the old numbering records the old versions and file names in its schema history;
 * Flyway would see every new file as pending and every old row as missing. Before {@code migrate}, this strategy
 * rewrites those rows to the new version, description and file name in one transaction; the files' contents, and so
 * their checksums, did not change. A database without old rows (new, or repaired before) is left alone. The new
 * numbers follow the order the old files were written, so a database of any earlier release only lacks migrations
 * that sort after the ones it has: it migrates in order.
 */
@Configuration(proxyBeanMethods = false)
class MigrationRenumbering {

    private static final Logger log = LoggerFactory.getLogger(MigrationRenumbering.class);

    /** An applied migration's old version and file name, and its new version and description. */
    record Renumbered(String oldVersion, String oldScript, String version, String description) {

        String script() {
            return "V" + version.replace('.', '_') + "__" + description.replace(' ', '_') + ".sql";
        }
    }

    static final List<Renumbered> RENUMBERED = List.of(
            new Renumbered("1.1", "V1_1__case_file.sql", "1", "casefile case file"),
            new Renumbered("2.1", "V2_1__registration.sql", "2", "registration track assignments"),
            new Renumbered("3.1", "V3_1__ind_decision.sql", "3", "decision ind decisions"),
            new Renumbered("1.3", "V1_3__case_events.sql", "4", "casefile case events"),
            new Renumbered("1.2", "V1_2__case_links.sql", "5", "casefile case links"),
            new Renumbered("6.1", "V6_1__family_reunification.sql", "6", "reunification family reunification"),
            new Renumbered("4.1", "V4_1__reception_ledger.sql", "7", "reception ledger"),
            new Renumbered("5.1", "V5_1__housing.sql", "8", "housing"),
            new Renumbered("3.2", "V3_2__decision_deadline_holds_appeals.sql", "9", "decision deadline holds appeals"),
            new Renumbered("7.1", "V7_1__departure.sql", "10", "departure"),
            new Renumbered("3.3", "V3_3__interim_relief_redecision.sql", "11", "decision interim relief redecision"),
            new Renumbered("1.4", "V1_4__idempotency_per_user.sql", "12", "casefile idempotency per user"),
            new Renumbered("1.5", "V1_5__access_log.sql", "13", "casefile access log"),
            new Renumbered("1.5.1", "V1_5_1__access_log_append_only.sql", "13.1", "casefile access log append only"),
            new Renumbered("2.2", "V2_2__track_change_by.sql", "14", "registration track change by"),
            new Renumbered("3.4", "V3_4__responsibility_assumed.sql", "15", "decision responsibility assumed"),
            new Renumbered("7.2", "V7_2__transfer_period_from.sql", "16", "departure transfer period from"),
            new Renumbered("1.6", "V1_6__returned_after_dublin.sql", "17", "casefile returned after dublin"),
            new Renumbered("6.2", "V6_2__reunification_eligibility.sql", "18", "reunification eligibility"),
            new Renumbered(
                    "7.50",
                    "V7_50__decision_deadline_extension_ground.sql",
                    "19",
                    "decision deadline extension ground"),
            new Renumbered("7.6", "V7_6__ind_procedure_aa_plus.sql", "20", "decision ind procedure aa plus"),
            new Renumbered("1.7", "V1_7__application_signed_on.sql", "21", "casefile application signed on"),
            new Renumbered("7.60", "V7_60__departure_suspension.sql", "22", "departure suspension"),
            new Renumbered("7.61", "V7_61__moratorium_extension_days.sql", "23", "decision moratorium extension days"));

    @Bean
    FlywayMigrationStrategy renumberThenMigrate() {
        return flyway -> {
            repair(flyway);
            flyway.migrate();
        };
    }

    /** Rewrites the rows of the old numbering in the schema history; returns how many. */
    static int repair(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        String table = flyway.getConfiguration().getTable();
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, table)) {
                return 0;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            int rows = 0;
            try (PreparedStatement update = connection.prepareStatement("update \"" + table
                    + "\" set \"version\" = ?, \"description\" = ?, \"script\" = ? where \"version\" = ? "
                    + "and \"script\" = ?")) {
                for (Renumbered migration : RENUMBERED) {
                    update.setString(1, migration.version());
                    update.setString(2, migration.description());
                    update.setString(3, migration.script());
                    update.setString(4, migration.oldVersion());
                    update.setString(5, migration.oldScript());
                    rows += update.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            if (rows > 0) {
                log.info(
                        "Schema history: {} migrations of the old per-module numbering renamed to the one sequence",
                        rows);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renumber the schema history", e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase()}) {
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}

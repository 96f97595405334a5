package nl.asylumchain.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.asylumchain.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL database migrated under the old per-module numbering ({@code V1_1__case_file} …, out of order) starts
 * on the one sequence: its schema history is renamed, nothing runs twice, and a database of an older release gets
 * only what it lacks.
 */
class MigrationRenumberingPostgresIT {

    @TempDir
    Path oldScripts;

    @Test
    void aDatabaseOfTheOldNumberingIsRenamedAndRunsNothingAgain() throws IOException {
        String url = freshDatabase("renumbering_old");
        writeOldScripts(Set.of());
        MigrateResult old = oldNumbering(url).migrate();
        assertThat(old.migrationsExecuted).isEqualTo(MigrationRenumbering.RENUMBERED.size());

        Flyway current = currentNumbering(url);
        assertThat(MigrationRenumbering.repair(current)).isEqualTo(MigrationRenumbering.RENUMBERED.size());
        // what it had is not run again; migrations added after the renumbering (V24 on) are
        assertThat(current.migrate().migrations)
                .extracting(migration -> migration.version)
                .noneMatch(renumberedVersions()::contains);
        assertThat(current.validateWithResult().validationSuccessful).isTrue();
        assertThat(current.info().applied())
                .extracting(info -> info.getVersion().getVersion())
                .containsAll(renumberedVersions());
        assertThat(MigrationRenumbering.repair(current))
                .as("a second start renames nothing")
                .isZero();
    }

    @Test
    void aDatabaseOfAnOlderReleaseGetsOnlyTheMigrationsItLacksInOrder() throws IOException {
        String url = freshDatabase("renumbering_older_release");
        // the release before the application's signature date was kept (old V1_7, new V21) and what came after it
        writeOldScripts(Set.of("1.7", "7.60", "7.61"));
        oldNumbering(url).migrate();

        Flyway current = currentNumbering(url);
        MigrationRenumbering.repair(current);
        MigrateResult result = current.migrate();
        List<String> run =
                result.migrations.stream().map(migration -> migration.version).toList();
        assertThat(run).startsWith("21", "22", "23");
        assertThat(run.subList(3, run.size())).noneMatch(renumberedVersions()::contains);
        assertThat(JdbcClient.create(TestPostgres.server().getDatabase("postgres", "renumbering_older_release"))
                        .sql("select count(*) from information_schema.columns where table_name = 'cases' "
                                + "and column_name = 'application_signed_on'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void withoutTheRenamingTheOldHistoryDoesNotValidate() throws IOException {
        String url = freshDatabase("renumbering_unrepaired");
        writeOldScripts(Set.of());
        oldNumbering(url).migrate();

        assertThatThrownBy(() -> currentNumbering(url).migrate())
                .as("the reason MigrationRenumbering runs before migrate")
                .hasMessageContaining("Validate failed");
    }

    @Test
    void aNewDatabaseMigratesInOneSequenceWithTheModuleFirstInEachName() {
        String url = freshDatabase("renumbering_new");
        Flyway current = currentNumbering(url);
        assertThat(MigrationRenumbering.repair(current)).isZero();
        current.migrate();
        for (MigrationInfo applied : current.info().applied()) {
            assertThat(applied.getDescription())
                    .matches(
                            "(casefile|registration|decision|reception|housing|reunification|departure|platform)\\b.*");
        }
    }

    private static List<String> renumberedVersions() {
        return MigrationRenumbering.RENUMBERED.stream()
                .map(MigrationRenumbering.Renumbered::version)
                .toList();
    }

    private static String freshDatabase(String name) {
        JdbcClient server = JdbcClient.create(TestPostgres.server().getPostgresDatabase());
        server.sql("drop database if exists " + name).update();
        server.sql("create database " + name).update();
        return TestPostgres.server().getJdbcUrl("postgres", name);
    }

    /** Our migration files under their names before the renumbering (same content, so the same checksums). */
    private void writeOldScripts(Set<String> leftOut) throws IOException {
        for (MigrationRenumbering.Renumbered migration : MigrationRenumbering.RENUMBERED) {
            if (leftOut.contains(migration.oldVersion())) {
                continue;
            }
            String location = migration.version().contains(".") ? "db/vendor/postgresql/" : "db/migration/";
            try (InputStream script = getClass().getClassLoader().getResourceAsStream(location + migration.script())) {
                assertThat(script).as(location + migration.script()).isNotNull();
                Files.copy(script, oldScripts.resolve(migration.oldScript()));
            }
        }
    }

    private Flyway oldNumbering(String url) {
        return Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("filesystem:" + oldScripts)
                .outOfOrder(true)
                .load();
    }

    private static Flyway currentNumbering(String url) {
        return Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load();
    }
}

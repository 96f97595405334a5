package nl.asylumchain;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the integration tests, started once per test JVM by the tests themselves
 * (zonky's embedded binaries); zonky stops it when the JVM ends. No Docker, no mock.
 */
public final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {}

    /**
     * Set (before the first test starts the server) to load {@code pg_stat_statements}: a benchmark then reads which
     * statements a request ran and how long each took. Off for the tests, which need no statistics.
     */
    public static final String STATEMENT_STATISTICS = "asylumchain.test.pg-stat-statements";

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                // as production is configured (docs/postgresql.md, "Planner settings"): storage where a page read at
                // random costs about what one read in order does, so the planner looks up a page's 50 rows by index
                builder.setServerConfig("random_page_cost", "1.1");
                // where a benchmark's database time goes: read pg_stat_statements while it runs (ApiScaleBenchmark
                // sets the property itself; -Dbench.statements=true asks for it from the command line)
                if (Boolean.getBoolean(STATEMENT_STATISTICS) || Boolean.getBoolean("bench.statements")) {
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                    builder.setServerConfig("pg_stat_statements.track", "all");
                }
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /**
     * Points the application at a database of its own on the test server, created empty (dropped first if a
     * previous run left it), for tests whose counts must not see other tests' rows.
     */
    public static void registerOwnDatabase(DynamicPropertyRegistry registry, String database) {
        register(registry);
        JdbcClient postgres = JdbcClient.create(server().getPostgresDatabase());
        postgres.sql("drop database if exists " + database).update();
        postgres.sql("create database " + database).update();
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", database));
    }

    /** Points the application at the test server. */
    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedPostgres server = server();
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}

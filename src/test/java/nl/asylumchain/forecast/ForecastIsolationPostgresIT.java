package nl.asylumchain.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forecast never touches the production database: run from the command line, in its own JVM, with the
 * environment pointing Spring's datasource at the running system's PostgreSQL, it leaves every table's row count
 * (engine runtime and history included) as it was, and still writes its results.
 */
class ForecastIsolationPostgresIT extends PostgresIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aForecastLeavesTheProductionDatabaseAndItsHistoryUntouched(@TempDir Path out) throws Exception {
        String caseId = driver.register();
        assertThat(caseId).isNotBlank();
        // the application's own background work first: the case's tasks' changes to the open tasks per group are
        // folded every few seconds (platform.TaskGroupTallyFold), which would change a row count during the forecast
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(1))
                .until(() -> jdbc.queryForObject("select count(*) from task_group_tally_changes", Long.class) == 0);
        Map<String, Long> before = rowCounts();
        assertThat(before.get("act_hi_procinst")).isPositive();

        String url = TestPostgres.server().getJdbcUrl("postgres", "postgres");
        ProcessBuilder forecast = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        ForecastJobs.withoutEmptyEntries(System.getProperty("java.class.path")),
                        "nl.asylumchain.AsylumChainApplication",
                        "forecast",
                        "--scenario",
                        testScenario().toString(),
                        "--out",
                        out.toString(),
                        "--weeks",
                        "1"))
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("console.txt").toFile());
        // what an operator's environment could carry: the production database
        forecast.environment().put("SPRING_DATASOURCE_URL", url);
        forecast.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        forecast.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        Process process = forecast.start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES))
                .as("forecast finished")
                .isTrue();
        String console = Files.readString(out.resolve("console.txt"));
        assertThat(process.exitValue()).as(console).isZero();
        assertThat(console)
                .contains("PROGRESS date=2023-01-08 week=1 weeks=1")
                .contains("REPORT " + out.resolve(ForecastFiles.JSON));
        assertThat(ForecastFiles.read(out).weeks()).hasSize(1);

        assertThat(rowCounts()).isEqualTo(before);
    }

    private static Path testScenario() throws IOException {
        Path file = Files.createTempFile("forecast-small", ".yml");
        try (var in = ForecastIsolationPostgresIT.class.getClassLoader().getResourceAsStream("forecast/small.yml")) {
            Files.write(file, in.readAllBytes());
        }
        file.toFile().deleteOnExit();
        return file;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList(
                "select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE'",
                String.class)) {
            counts.put(table.toLowerCase(), jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }
}

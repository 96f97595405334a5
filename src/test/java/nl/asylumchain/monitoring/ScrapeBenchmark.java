package nl.asylumchain.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Sex;

/**
 * How long a scrape of {@code /actuator/prometheus} and a background refresh take with many open cases, on
 * PostgreSQL. Not part of the build; run it with
 * {@code ./mvnw -o -q test -Dtest=ScrapeBenchmark -Dbench=true [-Dbench.cases=1000]} and read the printed figures.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.monitoring.initial-delay=1h",
            "asylumchain.monitoring.refresh-interval=1h"
        })
@AutoConfigureObservability
class ScrapeBenchmark {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        TestPostgres.register(registry);
        String database = "monitoring_bench_" + System.currentTimeMillis();
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        registry.add("spring.datasource.url", () -> TestPostgres.server().getJdbcUrl("postgres", database));
    }

    @LocalServerPort
    int port;

    @Autowired
    CaseIntake intake;

    @Autowired
    BacklogGauges gauges;

    @Autowired
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry;

    @Test
    void scrapeAndRefreshWithManyOpenCases() {
        int cases = Integer.getInteger("bench.cases", 1000);
        long registering = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            intake.register(
                    new NewCase(
                            new NewCase.Person("Bench", "Case " + i, LocalDate.of(1990, 1, 1), Sex.X, "SYR"),
                            ApplicationType.FIRST,
                            new NewCase.Arrival(ArrivalLocation.TER_APEL, LocalDate.of(2026, 1, 5)),
                            false,
                            false,
                            false,
                            List.of()),
                    null);
        }
        System.out.printf("registered %d open cases in %d ms%n", cases, (System.nanoTime() - registering) / 1_000_000);

        double[] refresh = new double[10];
        for (int i = 0; i < refresh.length; i++) {
            long start = System.nanoTime();
            gauges.refresh();
            refresh[i] = (System.nanoTime() - start) / 1e6;
        }
        ChainClient client = new ChainClient(port);
        String body = client.scrape();
        if (Scrape.parse(body).sum("asylum_cases_open", "stage", "registration") != cases) {
            throw new AssertionError("the refresh did not count the open cases");
        }
        for (int i = 0; i < 50; i++) {
            client.scrape(); // warm-up
        }
        double[] scrape = new double[200];
        for (int i = 0; i < scrape.length; i++) {
            long start = System.nanoTime();
            client.scrape();
            scrape[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] inProcess = new double[200];
        for (int i = 0; i < inProcess.length; i++) {
            long start = System.nanoTime();
            registry.scrape();
            inProcess[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(
                "BENCH %d open cases: registry.scrape() alone median %.2f ms, p95 %.2f ms%n",
                cases, percentile(inProcess, 50), percentile(inProcess, 95));
        System.out.printf(
                "BENCH %d open cases: HTTP scrape (%d bytes, %d samples) median %.2f ms, p95 %.2f ms, max %.2f ms;"
                        + " background refresh median %.1f ms, max %.1f ms%n",
                cases,
                body.length(),
                Scrape.parse(body).samples().size(),
                percentile(scrape, 50),
                percentile(scrape, 95),
                max(scrape),
                percentile(refresh, 50),
                max(refresh));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}

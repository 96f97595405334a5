package nl.asylumchain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.RegisteredCase;
import nl.asylumchain.casefile.StageDurations;
import nl.asylumchain.monitoring.BacklogGauges;
import nl.asylumchain.platform.BacklogFigures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the case API and the Prometheus scrape at scale. Seeds {@code bench.api.cases} open cases (default
 * 100,000) through the case file (each registered and waiting for its identification, as at intake), then measures
 * over HTTP, after a warm-up, {@code GET /api/cases/{id}} and {@code GET /api/cases?vNumber=} for random cases and
 * {@code /actuator/prometheus}, p50 and p99. The gauges that need the database are refreshed in the background:
 * the benchmark times each refresher on its own, and proves that the scrape path queries nothing by counting the
 * database's transactions during the scrapes. No stock counterpart: a stock engine has neither. Run:
 * {@code ./mvnw -Pbench verify -Dtest=ApiScaleBenchmark [-Dbench.api.cases=100000 -Dbench.rounds=200]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camunda.bpm.job-execution.enabled=false",
            // the refreshers run only when the benchmark calls them, so that none runs during a measurement
            "asylumchain.monitoring.initial-delay=1h",
            "asylumchain.monitoring.refresh-interval=1h"
        })
@AutoConfigureObservability
class ApiScaleBenchmark {

    static final int CASES = Integer.getInteger("bench.api.cases", 100_000);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 200);
    static final int THREADS = Integer.getInteger("bench.threads", 2);
    static final String DATABASE = "bench_api";

    static {
        // where the time of a request goes: the statements it ran, counted by PostgreSQL (loaded at the server's start)
        System.setProperty(TestPostgres.STATEMENT_STATISTICS, "true");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    CaseIntake intake;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient db;

    @Test
    void caseApiAndScrapeAtScale() throws Exception {
        long seeding = System.nanoTime();
        List<RegisteredCase> cases = seed();
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        db.sql("analyze").update();
        StatementWork statements = StatementWork.of(db, DATABASE);

        statements.reset();
        Latency backlog = Latency.measure(10, () -> {
            context.getBean(BacklogGauges.class).refresh();
            return null;
        });
        List<String> refreshStatements = statements.per(backlog.calls(), "refresh", 12);
        Latency reception = Latency.measure(
                10, () -> ReflectionTestUtils.invokeMethod(context.getBean("receptionMetrics"), "refresh"));
        Latency housing = Latency.measure(
                10, () -> ReflectionTestUtils.invokeMethod(context.getBean("housingMetrics"), "refresh"));
        Map<String, Latency> backlogSources = refreshBySource(context);

        ChainClient client = new ChainClient(port);
        SplittableRandom random = new SplittableRandom(14);
        statements.reset();
        // a JFR recording of the case API's requests (server and client share this JVM): where the time goes
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        Latency byId = Latency.measure(ROUNDS, () -> {
            ChainClient.Response response = client.get(
                    "/api/cases/" + cases.get(random.nextInt(cases.size())).caseId(), "demo");
            assertThat(response.status()).isEqualTo(200);
            return response;
        });
        List<String> byIdStatements = statements.per(byId.calls(), "request", 25);
        statements.reset();
        Latency byVNumber = Latency.measure(ROUNDS, () -> {
            ChainClient.Response response = client.get(
                    "/api/cases?vNumber="
                            + cases.get(random.nextInt(cases.size())).vNumber(),
                    "demo");
            assertThat(response.status()).isEqualTo(200);
            return response;
        });

        List<String> byVNumberStatements = statements.per(byVNumber.calls(), "request", 25);
        recording.stop();
        Path recordingFile = Path.of("target", "api-scale.jfr");
        recording.dump(recordingFile);
        recording.close();
        String body = client.scrape();
        Path scrapeFile = Path.of("target", "api-scale-scrape.txt");
        Files.createDirectories(scrapeFile.getParent());
        Files.writeString(scrapeFile, body);
        assertThat(body).as("the refresh counted the open cases").contains("asylum_cases_open");
        long transactionsBefore = transactions(db, DATABASE);
        Latency scrape = Latency.measure(ROUNDS, client::scrape);
        long scrapeTransactions = transactions(db, DATABASE) - transactionsBefore;
        // a query on the scrape path would add at least one transaction per scrape (warm-up included); what else
        // shows up is pooled connections reporting their earlier work late (PostgreSQL sends a backend's counters
        // when it next goes idle) and the count's own query
        assertThat(scrapeTransactions)
                .as("database transactions during %d scrapes (the scrape path queries nothing)", ROUNDS)
                .isLessThan(ROUNDS);

        System.out.printf(
                "%n=== ApiScaleBenchmark: %,d open cases, PostgreSQL %s ===%n",
                CASES, db.sql("show server_version").query(String.class).single());
        System.out.printf(
                "seeded through the case file in %.0f s (%.0f cases/s, %d threads)%n",
                seedSeconds, CASES / seedSeconds, THREADS);
        System.out.printf("%-44s %21s %s%n", "figure (p50 / p99, ms)", "ours", "  goal p99");
        System.out.printf("%-44s %21s %s%n", "GET /api/cases/{id}", byId, "  <= 20 ms");
        System.out.printf("%-44s %21s %s%n", "GET /api/cases?vNumber=", byVNumber, "  <= 20 ms");
        System.out.printf(
                "%-44s %21s %s%n", "GET /actuator/prometheus (" + body.length() / 1024 + " kB)", scrape, "  <= 20 ms");
        System.out.printf(
                "database transactions during %d scrapes, their warm-up included: %d (a query on the scrape path would make"
                        + " at least one per scrape)%n",
                scrape.calls(), scrapeTransactions);
        System.out.printf("%-44s %21s%n", "background refresh: backlog gauges", backlog);
        System.out.printf("%-44s %21s%n", "background refresh: reception gauges", reception);
        System.out.printf("%-44s %21s%n", "background refresh: housing gauges", housing);
        backlogSources.forEach(
                (source, latency) -> System.out.printf("%-44s %21s%n", "  backlog gauges from " + source, latency));
        System.out.println("statements per backlog refresh (calls, mean ms, rows per call, statement):");
        refreshStatements.forEach(System.out::println);
        System.out.println();
        System.out.printf("JFR recording of the case API requests: %s%n", recordingFile);
        System.out.println("statements per GET /api/cases/{id} (calls, mean ms, rows per call, statement):");
        byIdStatements.forEach(System.out::println);
        System.out.println("statements per GET /api/cases?vNumber=:");
        byVNumberStatements.forEach(System.out::println);
        System.out.printf(
                "scrape: %d series, the largest metrics (written to %s):%n",
                series(body).values().stream().mapToInt(Integer::intValue).sum(), scrapeFile);
        series(body).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
        System.out.println();
    }

    /**
     * The backlog gauges' refresh by source, five runs each: which module's counts take its time, and the stage lead
     * times read from the engine's history (the refresh's part that is not a module's count).
     */
    static Map<String, Latency> refreshBySource(ApplicationContext context) {
        Map<String, Latency> sources = new TreeMap<>();
        context.getBeansOfType(BacklogFigures.class)
                .forEach((name, source) -> sources.put(
                        source.getClass().getSimpleName(), Latency.measure(5, () -> source.count(Instant.now()))));
        sources.put(
                "StageDurations (the stage lead times from the history)",
                Latency.measure(
                        5,
                        () -> context.getBean(StageDurations.class)
                                .finishedSince(Instant.now().minusSeconds(15))));
        return sources;
    }

    /** Series per metric name in a scrape (comments left out). */
    private static Map<String, Integer> series(String scrape) {
        Map<String, Integer> counts = new TreeMap<>();
        scrape.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(name -> counts.merge(name, 1, Integer::sum));
        return counts;
    }

    /** Transactions committed in our database so far (the statistics collector's count, settled first). */
    static long transactions(JdbcClient db, String database) throws InterruptedException {
        Thread.sleep(1_000); // the statistics reach pg_stat_database within half a second
        return db.sql("select xact_commit + xact_rollback from pg_stat_database where datname = ?")
                .param(database)
                .query(Long.class)
                .single();
    }

    /**
     * Open cases as intake leaves them, registered through the case file on {@link #THREADS} threads: faster than the
     * national data set ({@code NationalDataSet}), whose cases are spread over the stages.
     */
    private List<RegisteredCase> seed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<RegisteredCase>>> shares = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = t;
                shares.add(threads.submit(() -> {
                    List<RegisteredCase> registered = new ArrayList<>();
                    for (int i = share; i < CASES; i += THREADS) {
                        registered.add(intake.register(
                                HandlerWork.applicant(
                                        "Api",
                                        i,
                                        LocalDate.now(),
                                        HandlerWork.NATIONALITY_MIX.get(i % HandlerWork.NATIONALITY_MIX.size())),
                                null));
                    }
                    return registered;
                }));
            }
            List<RegisteredCase> all = new ArrayList<>();
            for (Future<List<RegisteredCase>> share : shares) {
                all.addAll(share.get());
            }
            return Collections.unmodifiableList(all);
        } finally {
            threads.shutdownNow();
        }
    }
}

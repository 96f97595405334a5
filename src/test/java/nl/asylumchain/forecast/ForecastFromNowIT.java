package nl.asylumchain.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.forecast.ForecastJob.Status;
import nl.asylumchain.forecast.report.ForecastReport;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.monitoring.BacklogGauges;
import nl.asylumchain.reception.ReceptionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forecast "from now": the running system (the whole application on PostgreSQL) with cases at known positions
 * hands its snapshot to the real child JVM, which places every open case where it waits in its own engine; the
 * forecast's week 0 has, per stage, the open cases the live {@code asylum.cases.open} gauges count, and reception holds
 * whom the live reception holds, as asylum seekers, permit holders and amv. Divided over two shards, each placing its
 * part of the cases, the merged week 0 is the same.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
class ForecastFromNowIT {

    /**
     * Its own database (not the one {@link nl.asylumchain.PostgresIntegrationTest}s share): the live gauges and the
     * snapshot then hold exactly the cases this test placed, not whatever the integration tests before it left
     * there.
     */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, "forecast_from_now_it");
    }

    @LocalServerPort
    int port;

    private CaseDriver driver;

    @BeforeEach
    void connect() {
        driver = new CaseDriver(new ChainClient(port));
    }

    private final Path workDir = Path.of("target", "forecast-from-now-it");

    @Autowired
    SnapshotSource snapshots;

    @Autowired
    BacklogGauges gauges;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ReceptionService reception;

    private ForecastJobs jobs;

    @AfterEach
    void stopChild() {
        if (jobs != null) {
            jobs.stopChild();
        }
    }

    @Test
    void aForecastFromNowStartsWithTheLiveBacklogOfEveryStage() throws IOException, InterruptedException {
        driver.register();
        String interviewing = driver.register();
        driver.workToTask(interviewing, IndDecisionModel.ACTIVITY_MAIN_INTERVIEW, CaseDriver.answers("GRANT"));
        String housing = driver.register();
        driver.workToTask(housing, HousingModel.ACTIVITY_OFFER_HOUSING, CaseDriver.answers("GRANT"));
        // a safe-country applicant (spoor 2) goes to DT&V at the rejection
        Map<String, Object> safeCountry = ChainClient.application();
        ChainClient.section(safeCountry, "person").put("nationality", "GEO");
        safeCountry.put("familyMembersAbroad", List.of());
        String departing = driver.register(safeCountry);
        driver.workUntil(
                departing,
                DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                CaseDriver.answers("REJECT"),
                Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED));

        gauges.refresh();
        Map<String, Long> live = Map.of(
                "REGISTRATION", open("registration") + open("rest_period"),
                "IND_DECISION",
                        open("ind_track_1") + open("ind_track_2") + open("ind_track_4") + open("va") + open("appeal"),
                "HOUSING", open("housing"),
                "FAMILY_REUNIFICATION", open("family_reunification"),
                "DEPARTURE", open("departure"));
        assertThat(live.get("REGISTRATION")).isPositive();
        assertThat(live.get("IND_DECISION")).isPositive();
        assertThat(live.get("HOUSING")).isPositive();
        assertThat(live.get("DEPARTURE")).isPositive();

        jobs = new ForecastJobs(
                new ForecastProperties(
                        workDir, List.of("-Xmx1g"), Duration.ofMinutes(20), List.of(), ForecastSizing.MEASURED),
                new ForecastReport(),
                snapshots,
                Clock.systemUTC(),
                JSON);
        Files.createDirectories(workDir);
        jobs.markInterruptedRuns();

        ForecastResult.Coa liveCoa = ForecastRun.coa(reception.occupancy());
        assertThat(liveCoa.asylumSeekers() + liveCoa.permitHolders()).isPositive();

        JsonNode whole = weekZero(new ForecastRequest(null, ForecastApiIT.SMALL, null, 1, true));
        live.forEach((stage, count) -> assertThat(
                        whole.path("startBacklog").path(stage).asLong(-1))
                .as(stage)
                .isEqualTo(count));
        assertThat(JSON.treeToValue(whole.path("startCoa"), ForecastResult.Coa.class))
                .as("each person in reception where the running system has them (the places are the scenario's)")
                .usingRecursiveComparison()
                .ignoringFields("capacity")
                .isEqualTo(liveCoa);

        // divided over two shards, each placing its part of the open cases: together every one of them
        JsonNode divided = weekZero(new ForecastRequest(null, ForecastApiIT.SMALL, null, 1, true, 2));
        live.forEach((stage, count) -> assertThat(
                        divided.path("startBacklog").path(stage).asLong(-1))
                .as("two shards: " + stage)
                .isEqualTo(count));
        assertThat(JSON.treeToValue(divided.path("startCoa"), ForecastResult.Coa.class))
                .as("two shards: reception")
                .usingRecursiveComparison()
                .ignoringFields("capacity")
                .isEqualTo(liveCoa);
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Runs the request in the real child and returns its result, whose week 0 is the state it placed. */
    private JsonNode weekZero(ForecastRequest request) throws IOException, InterruptedException {
        ForecastJob started = jobs.start(request, "planner");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        ForecastJob job = started;
        while (job.status() == Status.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            job = jobs.find(started.id()).orElseThrow();
        }
        Path dir = workDir.resolve(started.id()).toAbsolutePath();
        assertThat(job.status())
                .as(job.message() + "\nstderr: " + tail(dir.resolve("stderr.log")))
                .isEqualTo(Status.DONE);
        assertThat(Files.readString(dir.resolve("stderr.log")))
                .as("every open case placed, every timer found")
                .doesNotContain("snapshot ");
        return JSON.readTree(dir.resolve("forecast.json").toFile());
    }

    private long open(String stage) {
        return Math.round(
                registry.get("asylum.cases.open").tag("stage", stage).gauge().value());
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String text = Files.readString(file);
        return text.substring(Math.max(0, text.length() - 3000));
    }
}

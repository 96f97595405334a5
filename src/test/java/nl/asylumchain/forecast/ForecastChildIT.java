package nl.asylumchain.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.asylumchain.forecast.ForecastJob.Status;
import nl.asylumchain.forecast.report.ForecastReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher with the real child: this application's class path in a JVM of its own, with {@code forecast} as its
 * first argument, running the forecast's small test scenario for two weeks through the real models.
 */
class ForecastChildIT {

    /** Under target/, not a temporary directory: a failed run's logs stay for reading. */
    private final Path workDir = Path.of("target", "forecast-child-it");

    private ForecastJobs jobs;

    @AfterEach
    void stopChild() {
        if (jobs != null) {
            jobs.stopChild();
        }
    }

    @Test
    void theRealChildRunsTheScenarioAndLeavesItsFiguresAndReport() throws IOException, InterruptedException {
        jobs = new ForecastJobs(
                new ForecastProperties(
                        workDir, List.of("-Xmx1g"), Duration.ofMinutes(20), List.of(), ForecastSizing.MEASURED),
                new ForecastReport(),
                () -> null,
                Clock.systemUTC(),
                JsonMapper.builder()
                        .findAndAddModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build());
        Files.createDirectories(workDir);
        jobs.markInterruptedRuns();

        ForecastJob started = jobs.start(new ForecastRequest(null, ForecastApiIT.SMALL, null, 2, null), "planner");

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
        assertThat(job.progress().weeks()).isEqualTo(2);
        assertThat(job.progress().week()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("forecast.json"))).containsPattern("\"name\"\\s*:\\s*\"small\"");
        assertThat(dir.resolve("weekly.csv")).isRegularFile();
        assertThat(Files.readString(dir.resolve("stdout.log"))).contains("REPORT " + dir.resolve("forecast.json"));
        assertThat(Files.readString(dir.resolve("report.html"))).contains("small");
        assertThat(dir.resolve("charts").resolve("voorraad.png")).isRegularFile();
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String text = Files.readString(file);
        return text.substring(Math.max(0, text.length() - 3000));
    }
}

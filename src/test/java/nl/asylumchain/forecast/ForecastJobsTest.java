package nl.asylumchain.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.asylumchain.AsylumChainApplication;
import nl.asylumchain.forecast.ForecastJob.Status;
import nl.asylumchain.forecast.report.ForecastReport;
import nl.asylumchain.platform.ConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher without the web: the child's command, its results on disk, a restart, the "from now" snapshot. */
class ForecastJobsTest {

    static final List<String> FAKE_CHILD = List.of("bash", "src/test/resources/forecast/fake-child.sh");

    @TempDir
    Path workDir;

    private final List<ForecastJobs> started = new java.util.ArrayList<>();

    private ForecastJobs jobs(List<String> command, SnapshotSource snapshots) throws IOException {
        ForecastJobs jobs = new ForecastJobs(
                new ForecastProperties(
                        workDir, List.of("-Xmx2g"), Duration.ofMinutes(5), command, ForecastSizing.MEASURED),
                new ForecastReport(),
                snapshots,
                Clock.systemUTC(),
                JsonMapper.builder()
                        .findAndAddModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build());
        jobs.markInterruptedRuns();
        started.add(jobs);
        return jobs;
    }

    @AfterEach
    void stopChildren() {
        started.forEach(ForecastJobs::stopChild);
    }

    @Test
    void theChildIsThisApplicationWithForecastAsItsFirstArgumentInItsOwnJvm() throws IOException {
        List<String> command = jobs(List.of(), () -> null).command(List.of("forecast", "--scenario", "x"));

        assertThat(command.get(0))
                .isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(command).contains("-Xmx2g", "-Djava.awt.headless=true");
        // under Maven the tests run from a class path, not from the packaged jar
        String classPath = command.get(command.indexOf("-cp") + 1);
        assertThat(command)
                .containsSubsequence(
                        "-cp", classPath, AsylumChainApplication.class.getName(), "forecast", "--scenario", "x");
        assertThat(classPath).isEqualTo(ForecastJobs.withoutEmptyEntries(System.getProperty("java.class.path")));
        assertThat(ForecastJobs.isBootJar(System.getProperty("java.class.path")))
                .isFalse();
    }

    @Test
    void theChildsClassPathHasNoEmptyEntryThatWouldAddTheWorkingDirectory() {
        assertThat(ForecastJobs.withoutEmptyEntries("/a/classes::/b/x.jar:")).isEqualTo("/a/classes:/b/x.jar");
    }

    @Test
    void aFinishedForecastIsStillListedWithItsReportAfterARestart() throws IOException {
        ForecastJobs before = jobs(FAKE_CHILD, () -> null);
        ForecastJob job = before.start(new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null), "planner");
        await(before, job.id(), Status.DONE::equals);

        ForecastJobs after = jobs(FAKE_CHILD, () -> null);

        assertThat(after.list())
                .extracting(ForecastJob::id, ForecastJob::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(job.id(), Status.DONE));
        // the stand-in child writes no report: the launcher renders it from forecast.json
        assertThat(after.file(job.id(), "report.html")).isPresent();
        assertThat(after.file(job.id(), "../" + job.id() + "/run.json"))
                .as("only result files")
                .isEmpty();
    }

    @Test
    void aForecastThatRanWhenTheApplicationStoppedIsMarkedInterrupted() throws IOException {
        ForecastJobs before = jobs(FAKE_CHILD, () -> null);
        ForecastJob job = before.start(new ForecastRequest(null, ForecastApiIT.SMALL, 99L, null, null), "planner");

        ForecastJobs after = jobs(FAKE_CHILD, () -> null);

        ForecastJob interrupted = after.find(job.id()).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(Status.INTERRUPTED);
        assertThat(interrupted.message()).contains("start it again");
        Files.writeString(workDir.resolve(job.id()).resolve("release"), "go");
        // the first instance still watches its child: let it record the end before the work directory is removed,
        // or its last files land in a directory being deleted
        await(before, job.id(), Status.DONE::equals);
    }

    @Test
    void aSecondForecastOnTheSameNodeIsRefusedWhileOneRuns() throws IOException {
        ForecastJobs jobs = jobs(FAKE_CHILD, () -> null);
        ForecastJob first = jobs.start(new ForecastRequest(null, ForecastApiIT.SMALL, 99L, null, null), "planner");

        assertThatThrownBy(
                        () -> jobs.start(new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null), "planner"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(first.id());

        Files.writeString(workDir.resolve(first.id()).resolve("release"), "go");
        await(jobs, first.id(), Status.DONE::equals);
    }

    @Test
    void fromNowHandsTheChildTheSnapshotOfTheOpenCases() throws IOException {
        ForecastSnapshot snapshot = new ForecastSnapshot(
                Instant.parse("2026-12-01T09:00:00Z"),
                List.of(new ForecastSnapshot.OpenCase(
                        "c-1",
                        List.of(new ForecastSnapshot.ProcessPosition(
                                "indDecision",
                                "p-1",
                                null,
                                Instant.parse("2026-11-01T09:00:00Z"),
                                List.of("Activity_MainInterview"),
                                List.of(new ForecastSnapshot.Variable("track", "integer", 4)),
                                List.of())))));
        ForecastJobs jobs = jobs(FAKE_CHILD, () -> snapshot);

        ForecastJob job = jobs.start(new ForecastRequest(null, ForecastApiIT.SMALL, null, 12, true), "planner");
        await(jobs, job.id(), Status.DONE::equals);

        Path dir = workDir.resolve(job.id());
        assertThat(Files.readString(dir.resolve("arguments.txt")))
                .contains("--from-now " + dir.toAbsolutePath().resolve("snapshot.json"))
                .contains("--weeks 12");
        assertThat(Files.readString(dir.resolve("snapshot.json")))
                .contains("\"caseId\" : \"c-1\"")
                .contains("Activity_MainInterview")
                .contains("\"type\" : \"integer\"");
    }

    @Test
    void aScenarioSentAsYamlIsWrittenIntoTheRunAndPassedAsAPath() throws IOException {
        ForecastJobs jobs = jobs(FAKE_CHILD, () -> null);

        String mine = ForecastApiIT.SMALL.replace("name: small", "name: mine");
        ForecastJob job = jobs.start(new ForecastRequest(null, mine, null, null, null), "planner");
        await(jobs, job.id(), Status.DONE::equals);

        Path dir = workDir.resolve(job.id()).toAbsolutePath();
        assertThat(job.scenario()).isEqualTo("mine");
        assertThat(Files.readString(dir.resolve("arguments.txt"))).contains("scenario " + dir.resolve("scenario.yaml"));
        assertThat(Files.readString(dir.resolve("scenario.yaml"))).isEqualTo(mine);
    }

    private static ForecastJob await(ForecastJobs jobs, String id, Predicate<Status> status) throws IOException {
        Instant deadline = Instant.now().plusSeconds(120);
        ForecastJob job = null;
        while (Instant.now().isBefore(deadline)) {
            job = jobs.find(id).orElseThrow();
            if (status.test(job.status())) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("forecast " + id + " is still, after 120 s, " + job);
    }
}

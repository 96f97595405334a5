package nl.asylumchain.forecast;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.asylumchain.forecast.report.ForecastReport;
import nl.asylumchain.platform.FieldError;
import nl.asylumchain.platform.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --shards} and the request's {@code shards}: 1 to 16; {@code --sample} and the request's {@code sample}: 1
 * to 100; both also from now.
 */
class ForecastShardsOptionTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            value = {
                "--shards, 0, from 1 to 16",
                "--shards, -1, from 1 to 16",
                "--shards, 17, from 1 to 16",
                "--shards, two, from 1 to 16",
                "--shards, 1.5, from 1 to 16",
                "--shards, '', from 1 to 16",
                "--sample, 0, from 1 (every case) to 100",
                "--sample, -1, from 1 (every case) to 100",
                "--sample, 101, from 1 (every case) to 100",
                "--sample, half, from 1 (every case) to 100",
                "--sample, 0.5, from 1 (every case) to 100",
                "--sample, '', from 1 (every case) to 100"
            },
            emptyValue = "")
    void aBadOptionExitsTwoNamingTheOption(String option, String value, String range) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = command(err, "--scenario", "mpp-2023-min", "--out", dir.toString(), option, value);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith(option + ": ")
                .contains(range + ", not " + value);
    }

    @Test
    void aSampleOutsideOneToAHundredIsRefusedOverRestNamingTheField() throws Exception {
        ForecastJobs jobs = jobs();
        assertRefusedNaming("sample", jobs, new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null, null, 0));
        assertRefusedNaming(
                "sample", jobs, new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null, null, 101));
    }

    @Test
    void theRequestsSampleReachesTheChildsCommandLine() throws Exception {
        ForecastRequest request = JsonMapper.builder()
                .findAndAddModules()
                .build()
                .readValue(
                        "{\"yaml\": " + JsonMapper.builder().build().writeValueAsString(ForecastApiIT.SMALL)
                                + ", \"sample\": 10}",
                        ForecastRequest.class);

        assertThat(childArguments(request)).contains("--sample 10");
    }

    @Test
    void aForecastFromNowMayBeDividedAndSampled() throws Exception {
        ForecastCommand.Arguments arguments = ForecastCommand.Arguments.parse(new String[] {
            "--scenario",
            "mpp-2023-min",
            "--out",
            dir.toString(),
            "--from-now",
            "snapshot.json",
            "--shards",
            "2",
            "--sample",
            "10"
        });

        assertThat(arguments.fromNow()).isEqualTo(Path.of("snapshot.json"));
        assertThat(arguments.shards()).isEqualTo(2);
        assertThat(arguments.sample()).isEqualTo(10);
    }

    @Test
    void theChildOfADividedRunTakesItsShardsAsAList() {
        ForecastCommand.Arguments arguments = ForecastCommand.Arguments.parse(
                new String[] {"--scenario", "mpp-2023-min", "--out", dir.toString(), "--shard", "0,1,2/20"});

        assertThat(arguments.shard()).isEqualTo(new ForecastCommand.Shards(List.of(0, 1, 2), 20));
        assertThat(ForecastCommand.Shards.parse("3/4")).isEqualTo(new ForecastCommand.Shards(List.of(3), 4));
    }

    @Test
    void eachShardsEngineHasANameCamundaTakesSoNoTwoShareTheDefault() {
        // Camunda's starter ignores a name with a hyphen and registers the engine as "default"
        assertThat(List.of(ForecastCommand.engineName(0), ForecastCommand.engineName(1)))
                .doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9_]+"));
        assertThatThrownBy(() -> ForecastCommand.start(ForecastLab.scenario("small"), "forecast-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forecast-1");
        assertThat(ForecastLab.bean(ForecastLab.scenario("small"), ProcessEngine.class)
                        .getName())
                .isEqualTo("forecast");
    }

    @ParameterizedTest
    @CsvSource({"0,0/2", "2/2", "-1/2", "0/1", "0,1", "a/2", "0,,1/2", "0/2/3"})
    void aShardListOutsideItsCountIsRefusedNamingTheOption(String value) {
        assertThatThrownBy(() -> ForecastCommand.Shards.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--shard takes INDEX[,INDEX...]/COUNT")
                .hasMessageEndingWith("not " + value);
    }

    @Test
    void eachShardsProgressLinesArriveWholeAndNamed() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        PrintStream shared = new PrintStream(target, true, StandardCharsets.UTF_8);
        Thread[] writers = new Thread[2];
        for (int shard = 0; shard < writers.length; shard++) {
            PrintStream lines = ShardThreads.shardLines(shared, shard);
            int index = shard;
            writers[shard] = new Thread(() -> {
                for (int week = 1; week <= 500; week++) {
                    lines.printf("PROGRESS week=%d cases=%d%n", week, week * 10 + index);
                }
            });
        }
        for (Thread writer : writers) {
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        List<String> lines = target.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1000);
        assertThat(lines)
                .allMatch(line -> line.matches("PROGRESS week=(\\d+) cases=\\1[01] shard=[01]")
                        && line.endsWith("shard=" + line.charAt(line.indexOf(" shard=") - 1)));
    }

    @Test
    void shardsOutsideOneToSixteenAreRefusedOverRestNamingTheField() throws Exception {
        ForecastJobs jobs = jobs();
        for (int shards : new int[] {0, -2, 17}) {
            assertRefusedNaming(
                    "shards", jobs, new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null, shards));
        }
    }

    @Test
    void aForecastFromNowReachesTheChildDividedAndSampled() throws Exception {
        String arguments = childArguments(new ForecastRequest(null, ForecastApiIT.SMALL, null, null, true, 2, 10));

        assertThat(arguments).contains("--from-now ").contains("--shards 2").contains("--sample 10");
    }

    private static void assertRefusedNaming(String field, ForecastJobs jobs, ForecastRequest request) {
        assertThatThrownBy(() -> jobs.start(request, "planner"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(field));
    }

    @Test
    void theRequestBodyCarriesShards() throws Exception {
        ForecastRequest request = JsonMapper.builder()
                .findAndAddModules()
                .build()
                .readValue("{\"scenario\": \"mpp-2023-min\", \"shards\": 2}", ForecastRequest.class);

        assertThat(request.shards()).isEqualTo(2);
        assertThat(request.scenario()).isEqualTo("mpp-2023-min");
    }

    @Test
    void theRequestsShardsReachTheChildsCommandLine() throws Exception {
        assertThat(childArguments(new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null, 2)))
                .contains("--shards 2");
    }

    @Test
    void aRequestWithoutASampleGetsTheSmallestThatFitsTheChildsHeap() throws Exception {
        // the letter's whole stock (90,000 cases) and a year's inflow in the child's 2 GB, one engine
        ForecastJob job = ended(new ForecastRequest("mpp-2024-high", null, null, null, null));

        assertThat(job.sizing()).isEqualTo(new ForecastSizing.Choice(3, true, 3207, 2048));
        assertThat(arguments(job)).contains("--sample 3");
    }

    @Test
    void aRequestThatFitsOrAsksForTheWholeRunsWhole() throws Exception {
        ForecastJob small = ended(new ForecastRequest(null, ForecastApiIT.SMALL, null, null, null));
        ForecastJob whole = ended(new ForecastRequest("mpp-2024-high", null, null, null, null, null, 1));

        assertThat(small.sizing().sample()).isEqualTo(1);
        assertThat(small.sizing().chosen()).isTrue();
        assertThat(arguments(small)).doesNotContain("--sample");
        assertThat(whole.sizing()).isEqualTo(new ForecastSizing.Choice(1, false, 3207, 2048));
        assertThat(arguments(whole)).doesNotContain("--sample");
    }

    /** The arguments the (stand-in) child got for the request, once it has ended. */
    private String childArguments(ForecastRequest request) throws Exception {
        return arguments(ended(request));
    }

    private String arguments(ForecastJob job) throws Exception {
        return Files.readString(dir.resolve(job.id()).resolve("arguments.txt"));
    }

    /** The request's run once its (stand-in) child has ended. */
    private ForecastJob ended(ForecastRequest request) throws Exception {
        ForecastJobs jobs = jobs();
        ForecastJob job = jobs.start(request, "planner");
        for (int i = 0; i < 100 && jobs.find(job.id()).orElseThrow().status() == ForecastJob.Status.RUNNING; i++) {
            Thread.sleep(100);
        }
        return jobs.find(job.id()).orElseThrow();
    }

    private ForecastJobs jobs() throws Exception {
        ForecastJobs jobs = new ForecastJobs(
                new ForecastProperties(
                        dir,
                        List.of("-Xmx2g"),
                        Duration.ofMinutes(1),
                        ForecastJobsTest.FAKE_CHILD,
                        ForecastSizing.MEASURED),
                new ForecastReport(),
                () -> new ForecastSnapshot(Instant.parse("2026-12-04T12:00:00Z"), List.of()),
                Clock.systemUTC(),
                JsonMapper.builder().findAndAddModules().build());
        jobs.markInterruptedRuns();
        return jobs;
    }

    private static int command(ByteArrayOutputStream err, String... args) {
        return ForecastCommand.run(
                args,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}

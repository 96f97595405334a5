package nl.asylumchain.forecast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forecast divided over two shards, with the real children (this class path in JVMs of their own): the same seed
 * writes the same bytes, and the result is close to the undivided forecast of the same scenario. The scenario is the
 * tests' small one with five times its inflow (about 300 cases in four weeks), so that the shards' different draws
 * are noise and not the result. A sample of half the chain ({@code --sample 2}, one shard of two, scaled) is close to
 * the whole too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastShardsIT {

    /** Under target/, not a temporary directory: a failed run's logs stay for reading. */
    private final Path workDir = Path.of("target", "forecast-shards-it").toAbsolutePath();

    private ForecastResult twoShards;
    private ForecastResult oneShard;
    private ForecastResult halfSample;
    private String csvFirst;
    private String csvSecond;

    @BeforeAll
    void runTheScenarioTwiceInTwoShardsAndOnceInOne() throws Exception {
        Files.createDirectories(workDir);
        Path scenario = workDir.resolve("five-times-small.yml");
        Files.writeString(
                scenario,
                ForecastApiIT.SMALL
                        .replace("name: small", "name: five-times-small")
                        .replace(
                                "perYear: {FIRST: 800, REPEAT: 100, RESETTLEMENT: 100}",
                                "perYear: {FIRST: 4000, REPEAT: 500, RESETTLEMENT: 500}"));
        // the undivided run starts an engine and moves its clock: never in this JVM; it runs beside the divided ones
        Process one = inAJvmOfItsOwn(scenario, workDir.resolve("one"));
        try {
            // the divided run's parent starts no engine: it may run in this JVM; its children are JVMs of their own
            csvFirst = inThisJvm(scenario, workDir.resolve("two-a"), "--shards", "2");
            csvSecond = inThisJvm(scenario, workDir.resolve("two-b"), "--shards", "2");
            twoShards = ForecastFiles.read(workDir.resolve("two-a"));
            inThisJvm(scenario, workDir.resolve("half"), "--sample", "2");
            halfSample = ForecastFiles.read(workDir.resolve("half"));
            // on a machine shared with other builds a few hundred cases can take many minutes of wall time
            one.waitFor(45, TimeUnit.MINUTES);
        } finally {
            if (one.isAlive()) {
                one.destroyForcibly().waitFor();
            }
        }
        assertThat(one.exitValue())
                .as(Files.readString(workDir.resolve("one").resolve("stderr.log")))
                .isZero();
        oneShard = ForecastFiles.read(workDir.resolve("one"));
    }

    @Test
    void aForecastInTwoShardsWritesByteIdenticalCsvForTheSameSeed() throws IOException {
        assertThat(csvFirst).isEqualTo(csvSecond);
        assertThat(csvFirst.lines()).hasSize(5);
        assertThat(workDir.resolve("two-a").resolve("report.html")).isRegularFile();
        // both shards ran and were merged: the cases are theirs together
        long shardCases = 0;
        for (int i = 0; i < 2; i++) {
            Path part = workDir.resolve("two-a").resolve("shards").resolve(String.valueOf(i));
            assertThat(part.resolve(ShardResult.FILE)).isRegularFile();
            shardCases += new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(part.resolve(ShardResult.FILE).toFile())
                    .at("/result/run/cases")
                    .asLong();
        }
        assertThat(twoShards.run().cases()).isEqualTo(shardCases).isPositive();
    }

    @Test
    void aForecastInTwoShardsIsCloseToTheSameForecastInOne() {
        // the inflow is divided without loss: each shard's daily carry rounds down, at most one case a type apart
        for (String kind : List.of("FIRST", "REPEAT", "RESETTLEMENT")) {
            assertThat(total(twoShards, w -> w.inflow().get(kind)))
                    .as("inflow " + kind)
                    .isCloseTo(total(oneShard, w -> w.inflow().get(kind)), org.assertj.core.data.Offset.offset(2L));
        }
        // registrations and decisions follow the cases' draws, which differ between the runs: within a fifth (about
        // three standard deviations of a count of a few hundred) plus a few cases
        long registered = total(oneShard, ForecastResult.Week::registered);
        assertThat(registered).isGreaterThan(100);
        assertThat(total(twoShards, ForecastResult.Week::registered))
                .isCloseTo(registered, org.assertj.core.data.Offset.offset(registered / 5 + 5));
        long decisions = total(oneShard, ForecastShardsIT::decisions);
        assertThat(decisions).isGreaterThan(20);
        assertThat(total(twoShards, ForecastShardsIT::decisions))
                .isCloseTo(decisions, org.assertj.core.data.Offset.offset(decisions / 5 + 10));
        long backlog = oneShard.weeks().get(3).backlog().get("IND_DECISION");
        assertThat(twoShards.weeks().get(3).backlog().get("IND_DECISION"))
                .isCloseTo(backlog, org.assertj.core.data.Offset.offset(backlog / 5 + 10));
    }

    @Test
    void aSampleOfHalfTheChainScaledToTheWholeIsCloseToTheWhole() throws IOException {
        assertThat(halfSample.scenario().sample()).isEqualTo(2);
        assertThat(oneShard.scenario().sample()).isEqualTo(1);
        // half the cases ran ...
        assertThat(halfSample.run().cases())
                .isCloseTo(
                        oneShard.run().cases() / 2,
                        org.assertj.core.data.Offset.offset(oneShard.run().cases() / 5));
        // ... and count for the whole: the inflow is the whole's, up to the rounding of a half, twice
        for (String kind : List.of("FIRST", "REPEAT", "RESETTLEMENT")) {
            assertThat(total(halfSample, w -> w.inflow().get(kind)))
                    .as("inflow " + kind)
                    .isCloseTo(total(oneShard, w -> w.inflow().get(kind)), org.assertj.core.data.Offset.offset(4L));
        }
        // a half sample's draws vary more than two halves together: within a quarter (about three and a half
        // standard deviations) plus a few cases; unscaled it would be half the whole, and fail
        long registered = total(oneShard, ForecastResult.Week::registered);
        assertThat(total(halfSample, ForecastResult.Week::registered))
                .isCloseTo(registered, org.assertj.core.data.Offset.offset(registered / 4 + 10));
        long decisions = total(oneShard, ForecastShardsIT::decisions);
        assertThat(total(halfSample, ForecastShardsIT::decisions))
                .isCloseTo(decisions, org.assertj.core.data.Offset.offset(decisions / 4 + 10));
        assertThat(Files.readString(workDir.resolve("half").resolve("report.html")))
                .contains("five-times-small (steekproef 1/2)");
    }

    private static long decisions(ForecastResult.Week week) {
        return week.indDecisions().values().stream()
                .flatMap(outcomes -> outcomes.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    private static long total(ForecastResult result, java.util.function.ToLongFunction<ForecastResult.Week> count) {
        return result.weeks().stream().mapToLong(count).sum();
    }

    private static String inThisJvm(Path scenario, Path out, String... options) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--scenario", scenario.toString(), "--out", out.toString()));
        arguments.addAll(List.of(options));
        int exit = ForecastCommand.run(
                arguments.toArray(String[]::new),
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(exit)
                .as("stdout:\n" + stdout.toString(StandardCharsets.UTF_8) + "\nstderr:\n"
                        + stderr.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("PROGRESS date=2023-01-29 week=4 weeks=4")
                .contains("REPORT " + out.resolve(ForecastFiles.JSON));
        return Files.readString(out.resolve(ForecastFiles.CSV));
    }

    private static Process inAJvmOfItsOwn(Path scenario, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx1g",
                "-Djava.awt.headless=true",
                "-cp",
                ForecastJobs.withoutEmptyEntries(System.getProperty("java.class.path")),
                ForecastJobs.MAIN_CLASS,
                "forecast",
                "--scenario",
                scenario.toString(),
                "--out",
                out.toString()));
        return new ProcessBuilder(command)
                .redirectOutput(out.resolve("stdout.log").toFile())
                .redirectError(out.resolve("stderr.log").toFile())
                .start();
    }
}

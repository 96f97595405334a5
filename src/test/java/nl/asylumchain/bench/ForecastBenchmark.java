package nl.asylumchain.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast's speed on a shipped scenario, run exactly as the command line runs it: a JVM of its own with
 * {@code -Xmx2g} (the application's default child options), {@code forecast --scenario NAME --out DIR --weeks N}.
 * Echoes the child's PROGRESS lines and its RUN line (cases/s, steps/s, wall time, peak heap, CPU seconds of the run)
 * and asserts only that the run finished and reported them. Run: {@code ./mvnw -Pbench verify -Dtest=ForecastBenchmark}
 * with {@code -Dbench.scenario=mpp-2024-high} (default), {@code -Dbench.weeks=52} (default) and {@code -Dbench.shards=1}
 * (default; 2 divides the run into two shards, side by side in one child JVM with the whole heap), {@code -Dbench.sample=1} (default; 10
 * runs a tenth of the chain and scales it to the whole); {@code -Dbench.jfr=true}
 * records a Java Flight Recording of the child next to its output (docs/forecast.md, "Speed", says how to read it).
 */
class ForecastBenchmark {

    @Test
    void aShippedScenarioRunsInItsOwnJvmAndPrintsItsSpeed() throws IOException, InterruptedException {
        String scenario = System.getProperty("bench.scenario", "mpp-2024-high");
        String weeks = System.getProperty("bench.weeks", "52");
        Path out = Path.of("target", "forecast-bench", scenario + "-" + weeks).toAbsolutePath();
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-XX:+UseParallelGC"));
        if (Boolean.getBoolean("bench.jfr")) {
            command.add("-XX:FlightRecorderOptions:stackdepth=512");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve("forecast.jfr"));
        }
        command.addAll(List.of(
                "-cp",
                classPath(),
                "nl.asylumchain.AsylumChainApplication",
                "forecast",
                "--scenario",
                scenario,
                "--out",
                out.toString(),
                "--weeks",
                weeks,
                // above 1, the parent divides the run over that many child JVMs (docs/forecast.md, "Speed")
                "--shards",
                System.getProperty("bench.shards", "1"),
                // above 1, a sample of 1/N of the chain, scaled to the whole (docs/forecast.md, "Samples")
                "--sample",
                System.getProperty("bench.sample", "1")));
        Process child = new ProcessBuilder(command)
                .redirectError(out.resolve("stderr.log").toFile())
                .start();
        String run = null;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("PROGRESS")
                        || line.startsWith("PLACING")
                        || line.startsWith("RUN")
                        || line.startsWith("REPORT")) {
                    System.out.println(line);
                }
                if (line.startsWith("RUN ")) {
                    run = line;
                }
            }
        }
        assertThat(child.waitFor(2, TimeUnit.HOURS)).isTrue();
        assertThat(child.exitValue())
                .as("exit code; stderr in %s", out.resolve("stderr.log"))
                .isZero();
        assertThat(run).contains("casesPerSecond=", "stepsPerSecond=", "peakHeapMb=");
        System.out.printf("%n=== ForecastBenchmark %s, %s weeks, -Xmx2g ===%n%s%n", scenario, weeks, run);
    }

    /** The test class path without empty entries (an empty entry would put the working directory on it). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }
}

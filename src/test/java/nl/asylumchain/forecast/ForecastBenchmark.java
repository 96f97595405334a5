package nl.asylumchain.forecast;

import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast's speed on a shipped scenario, through the command line's own code path (fresh context, in-memory
 * database). Prints the PROGRESS lines and the RUN figures (cases/s, steps/s, peak heap); asserts only that the run
 * finished. Run: {@code ./mvnw -Pbench verify -Dtest=ForecastBenchmark}; choose with
 * {@code -Dforecast.scenario=mpp-2024-high -Dforecast.weeks=52} (defaults: mpp-2024-high, 4 weeks). A benchmark runs
 * in its own surefire JVM, never beside a live engine.
 */
class ForecastBenchmark {

    @Test
    void aShippedScenarioRunsAndPrintsItsSpeed() {
        String scenario = System.getProperty("forecast.scenario", "mpp-2024-high");
        String weeks = System.getProperty("forecast.weeks", "4");
        Path out = Path.of("target", "forecast-bench", scenario);
        PrintStream console = System.out;
        int exit = ForecastCommand.run(
                new String[] {"--scenario", scenario, "--out", out.toString(), "--weeks", weeks}, console, System.err);
        assertThat(exit).isZero();
    }
}

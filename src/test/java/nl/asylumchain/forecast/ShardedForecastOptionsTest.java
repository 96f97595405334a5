package nl.asylumchain.forecast;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardedForecastOptionsTest {

    private static final long TWO_GB = 2048L * 1024 * 1024;

    @Test
    void theChildGetsTheParallelCollectorWhenThisJvmNamesNone() {
        List<String> options = ShardedForecast.jvmOptions(List.of("-Xmx2g", "-Dfile.encoding=UTF-8"), TWO_GB, 2);

        assertThat(options)
                .containsExactly(
                        "-Dfile.encoding=UTF-8", "-XX:+UseParallelGC", "-Xmx2048m", "-Djava.awt.headless=true");
    }

    @Test
    void theChildGetsTheXmxGivenNotTheSmallerMaximumTheJvmReports() {
        // -Xmx2g under the parallel collector: Runtime.maxMemory() leaves out a survivor space
        assertThat(ShardedForecast.jvmOptions(List.of("-Xmx2g"), 1820L * 1024 * 1024, 2))
                .contains("-Xmx2048m");
        assertThat(ShardedForecast.jvmOptions(List.of(), 1820L * 1024 * 1024, 2))
                .contains("-Xmx1820m");
    }

    @Test
    void aCollectorThisJvmNamesIsKeptAndNoOtherAdded() {
        assertThat(ShardedForecast.jvmOptions(List.of("-XX:+UseG1GC", "-Xms1g"), TWO_GB, 2))
                .containsExactly("-XX:+UseG1GC", "-Xmx2048m", "-Djava.awt.headless=true");
        assertThat(ShardedForecast.jvmOptions(List.of("-XX:+UseSerialGC"), TWO_GB, 2))
                .containsExactly("-XX:+UseSerialGC", "-Xmx2048m", "-Djava.awt.headless=true");
    }

    @Test
    void optionsThatWouldClashAreNotInheritedAndEachShardGetsAtLeastItsMinimumHeap() {
        List<String> options = ShardedForecast.jvmOptions(
                List.of("-XX:StartFlightRecording=filename=x.jfr", "-agentlib:jdwp=transport=dt_socket", "-Xss2m"),
                256L * 1024 * 1024,
                4);

        assertThat(options).containsExactly("-Xss2m", "-XX:+UseParallelGC", "-Xmx2048m", "-Djava.awt.headless=true");
    }
}

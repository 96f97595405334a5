package nl.asylumchain.forecast;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole's progress lines from its shards' lines: weeks when every shard has done one, the placement summed. */
class ShardedProgressTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ShardedForecast whole =
            new ShardedForecast(2, 5, Path.of("unused"), new PrintStream(printed, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void thePlacementIsSummedOverTheShardsOnceAHundredthFurther() {
        whole.shardLine("PLACING placed=0 toPlace=400 cpuSeconds=0.1 heapMb=300 shard=0");
        // the first line for the whole once every shard has told what it places
        assertThat(lines()).isEmpty();
        whole.shardLine("PLACING placed=0 toPlace=600 cpuSeconds=0.2 heapMb=310 shard=1");
        // 4 of 1,000: still the first hundredth, no line; 10 of 1,000 with the next: a line
        whole.shardLine("PLACING placed=4 toPlace=400 etaSeconds=99 cpuSeconds=1.0 heapMb=320 shard=0");
        whole.shardLine("PLACING placed=6 toPlace=600 etaSeconds=150 cpuSeconds=1.5 heapMb=330 shard=1");
        whole.shardLine("PLACING placed=400 toPlace=400 etaSeconds=0 cpuSeconds=20.0 heapMb=900 shard=0");
        whole.shardLine("2026-12-04T17:09:07Z  WARN a log line between them shard=0");
        whole.shardLine("PLACING placed=600 toPlace=600 etaSeconds=0 cpuSeconds=30.5 heapMb=950 shard=1");

        assertThat(lines())
                .containsExactly(
                        "PLACING placed=0 toPlace=1000 cpuSeconds=0.3 heapMb=310 shards=2 sample=5",
                        "PLACING placed=10 toPlace=1000 etaSeconds=150 cpuSeconds=2.5 heapMb=330 shards=2 sample=5",
                        "PLACING placed=406 toPlace=1000 etaSeconds=150 cpuSeconds=21.5 heapMb=900 shards=2 sample=5",
                        "PLACING placed=1000 toPlace=1000 etaSeconds=0 cpuSeconds=50.5 heapMb=950 shards=2 sample=5");
    }

    @Test
    void aWeekIsShownWhenEveryShardHasDoneIt() {
        whole.shardLine("PROGRESS date=2024-01-07 week=1 weeks=52 cases=10 steps=100 etaSeconds=50 cpuSeconds=1.0"
                + " heapMb=500 shard=0");
        assertThat(lines()).isEmpty();

        whole.shardLine("PROGRESS date=2024-01-07 week=1 weeks=52 cases=12 steps=120 etaSeconds=60 cpuSeconds=2.0"
                + " heapMb=600 shard=1");

        assertThat(lines())
                .singleElement()
                .asString()
                .startsWith("PROGRESS date=2024-01-07 week=1 weeks=52 cases=22 steps=220 stepsPerSecond=")
                .endsWith(" etaSeconds=60 cpuSeconds=3.0 heapMb=600 shards=2 sample=5");
    }
}

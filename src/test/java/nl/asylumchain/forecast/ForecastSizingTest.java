package nl.asylumchain.forecast;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap estimate before a forecast starts, against the runs it was measured on (4 December 2026, {@code
 * mpp-2024-high}, {@code --shards 2}) and checked with ({@code --sample 3} of it and of {@code mpp-2023-max}): it must
 * call the runs that were stopped short of heap too big and the runs that finished fitting, come out at or just above
 * what the check runs kept in use, and pick the smallest sample that fits when none is asked for.
 */
class ForecastSizingTest {

    private static final ForecastSizing SIZING = ForecastSizing.MEASURED;
    private static final Scenario HIGH = ScenarioReader.read("mpp-2024-high");
    private static final long STOCK = HIGH.stock().total();
    private static final long YEAR = ForecastSizing.inflowCases(HIGH, 52);

    @Test
    void theLettersScenarioHasTheStockAndInflowTheFiguresWereMeasuredWith() {
        assertThat(STOCK).isEqualTo(90_000);
        assertThat(YEAR).isEqualTo(60_800);
    }

    @Test
    void aYearFromAnEmptyStartFitsTwoGigabytesAsItDid() {
        ForecastSizing.Choice choice = SIZING.choose(null, 0, YEAR, 2, 2048);

        assertThat(choice.sample()).isEqualTo(1);
        assertThat(choice.chosen()).isTrue();
        assertThat(choice.wholeMb()).isLessThanOrEqualTo(ForecastSizing.usableMb(2048));
    }

    @Test
    void halfTheStockDoesNotFitTwoGigabytesAsItWasStopped() {
        // --sample 2 in -Xmx2g: stopped by HeapWatch when the 45,000 cases were placed, 1,330 MB left in use
        assertThat(SIZING.liveMb(STOCK, YEAR, 2, 2)).isGreaterThan(ForecastSizing.usableMb(2048));
    }

    @Test
    void theWholeStockGetsTheSmallestSampleThatFitsTwoGigabytes() {
        ForecastSizing.Choice choice = SIZING.choose(null, STOCK, YEAR, 2, 2048);

        assertThat(choice.sample()).isEqualTo(4);
        assertThat(SIZING.liveMb(STOCK, YEAR, 2, choice.sample())).isLessThanOrEqualTo(ForecastSizing.usableMb(2048));
        assertThat(SIZING.liveMb(STOCK, YEAR, 2, choice.sample() - 1)).isGreaterThan(ForecastSizing.usableMb(2048));
        // stopped in 3.9 GB (2.6 to 2.8 GB left at week 6), ran in the 6.4 GB the stop advised
        assertThat(choice.wholeMb()).isBetween(ForecastSizing.usableMb(3994) + 1, ForecastSizing.usableMb(6400));
    }

    @Test
    void theEstimateIsAtOrJustAboveWhatTheCheckRunsLeftInUse() {
        // --sample 3, one shard, -Xmx2g: the most a full collection left in use over the year
        assertThat(SIZING.liveMb(STOCK, YEAR, 1, 3)).isBetween(1164L, 1164L * 110 / 100);
        Scenario max = ScenarioReader.read("mpp-2023-max");
        assertThat(SIZING.liveMb(max.stock().total(), ForecastSizing.inflowCases(max, 52), 1, 3))
                .isBetween(941L, 941L * 110 / 100);
    }

    @Test
    void theWholeStockRunsWholeInTheHeapItRanIn() {
        assertThat(SIZING.choose(null, STOCK, YEAR, 2, 6400).sample()).isEqualTo(1);
    }

    @Test
    void aSampleAskedForIsKeptEvenWhenItWillNotFit() {
        ForecastSizing.Choice choice = SIZING.choose(1, STOCK, YEAR, 1, 2048);

        assertThat(choice.sample()).isEqualTo(1);
        assertThat(choice.chosen()).isFalse();
        assertThat(choice.wholeMb()).isGreaterThan(ForecastSizing.usableMb(2048));
    }

    @Test
    void aHeapTooSmallForAnySampleGetsTheLargestAndHeapWatchHasTheLastWord() {
        assertThat(SIZING.choose(null, STOCK, YEAR, 16, 256).sample()).isEqualTo(ForecastCommand.MAX_SAMPLE);
    }

    @Test
    void aShorterHorizonKeepsFewerCasesOfTheInflow() {
        assertThat(ForecastSizing.inflowCases(HIGH, 13)).isEqualTo(15_200);
        assertThat(SIZING.liveMb(0, ForecastSizing.inflowCases(HIGH, 13), 1, 1))
                .isLessThan(SIZING.liveMb(0, YEAR, 1, 1));
    }

    @Test
    void theCommandSaysBeforeARunThatItWillNotFitAndWhatToGive() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ForecastCommand.warnIfShortOfHeap(HIGH, 2, 1, 2048, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("HEAP this run will keep about 3357 MB in use (90000 start cases, 60800 of inflow in 52"
                        + " weeks), more than the 1228 of its 2048 MB heap a run may keep: it will likely stop short of"
                        + " heap (exit 3). Give about -Xmx5632m, or run --sample 4" + System.lineSeparator());
    }

    @Test
    void theCommandSaysNothingWhenTheRunFits() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ForecastCommand.warnIfShortOfHeap(HIGH, 2, 4, 2048, new PrintStream(err, true, StandardCharsets.UTF_8));
        ForecastCommand.warnIfShortOfHeap(HIGH, 2, 1, 6400, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theChildsHeapIsItsLastXmxInAnyUnit() {
        assertThat(ForecastSizing.heapMb(List.of("-Xmx2g", "-XX:+UseParallelGC")))
                .isEqualTo(2048);
        assertThat(ForecastSizing.heapMb(List.of("-Xmx6400m"))).isEqualTo(6400);
        assertThat(ForecastSizing.heapMb(List.of("-Xmx3G"))).isEqualTo(3072);
        assertThat(ForecastSizing.heapMb(List.of("-Xmx2097152k"))).isEqualTo(2048);
        assertThat(ForecastSizing.heapMb(List.of("-Xmx2147483648"))).isEqualTo(2048);
        assertThat(ForecastSizing.heapMb(List.of("-Xmx1g", "-Xmx4g"))).isEqualTo(4096);
        assertThat(ForecastSizing.heapMb(List.of("-XX:+UseParallelGC")))
                .isEqualTo(Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}

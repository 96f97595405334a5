package nl.asylumchain.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The rule that stops a run short of heap ({@link HeapWatch.Meter}), fed collections as a collector reports them:
 * the whole chain's stock with 3.9 GB (measured: a full collection of 6 s every 6 to 7 s, 2.6 to 2.8 GB left after
 * each) is stopped once two minutes of it were seen; a busy young generation, a collector that frees most of the heap, or too short a
 * watch are not.
 */
class HeapWatchTest {

    private static final long MB = 1024 * 1024;
    private static final long MAX = 3900 * MB;

    @Test
    void fullCollectionsBackToBackThatFreeLittleStopTheRunOnceTwoMinutesWereSeen() {
        HeapWatch.Meter meter = new HeapWatch.Meter(10_000, MAX);
        HeapWatch.Shortage verdict = null;
        long start = 10_000;
        while (verdict == null && start < 400_000) {
            verdict = meter.collected(start, start + 6_000, true, 2800 * MB);
            if (verdict == null) {
                assertThat(start + 6_000)
                        .as("not before two minutes were watched")
                        .isLessThan(130_000);
            }
            start += 6_500;
        }

        assertThat(verdict.message(1, 1))
                .isEqualTo(
                        "too little heap for this run: the collector took 92 % of the last 120 s, and 2800 of 3900 MB"
                                + " stayed in use after its last full collection. Give the JVM about 7168 MB (-Xmx; in the"
                                + " application asylumchain.forecast.java-options), or run a sample (--sample N)");
        assertThat(start).isBetween(130_000L, 140_000L);
    }

    @Test
    void whileTheStartStateIsPlacedTheAdviceScalesTheHeapToAllOfIt() {
        // measured: the whole stock of mpp-2024-high in 2 GB stopped with 56,700 of 90,000 placed and 1,577 MB left
        HeapWatch.Shortage shortage = new HeapWatch.Shortage(61, 1577 * MB, 1820 * MB);

        assertThat(shortage.message(56_700, 90_000))
                .contains("and 1577 of 1820 MB stayed in use after its last full collection, with 56700 of 90000 start"
                        + " cases placed. Give the JVM about 6400 MB (-Xmx;");
        assertThat(new HeapWatch.Shortage(61, 1000 * MB, MAX).message(1, 1))
                .as("never less than the heap it had")
                .contains("Give the JVM about 4156 MB");
    }

    @Test
    void aHeapFullerThanItsMaximumIsToldAsFull() {
        // measured: 536 MB in the pools after a full collection, where the JVM's maximum (no second survivor) was 533
        HeapWatch.Meter meter = new HeapWatch.Meter(0, 533 * MB);
        HeapWatch.Shortage verdict = null;
        for (long start = 0; verdict == null && start < 400_000; start += 1_000) {
            verdict = meter.collected(start, start + 800, true, 536 * MB);
        }

        assertThat(verdict.message(1, 1)).contains("and 533 of 533 MB stayed in use");
    }

    @Test
    void aCollectorThatFreesTwoFifthsOfTheHeapOrMoreLetsTheRunGoOn() {
        HeapWatch.Meter meter = new HeapWatch.Meter(0, MAX);
        goesOn(meter, 6_500, 6_000, true, 2300);
    }

    @Test
    void youngCollectionsAtAFifthOfTheTimeLetTheRunGoOnThoughTheOldGenerationIsFull() {
        HeapWatch.Meter meter = new HeapWatch.Meter(0, MAX);
        assertThat(meter.collected(0, 2_000, true, 3500 * MB)).isNull();
        goesOn(meter, 1_000, 200, false, 3600);
    }

    @Test
    void aFullHeapWithoutAFullCollectionYetIsNotJudged() {
        goesOn(new HeapWatch.Meter(0, MAX), 1_000, 900, false, 3900);
    }

    /** Ten minutes of collections, one every {@code every} ms lasting {@code lasting}: never a verdict. */
    private static void goesOn(HeapWatch.Meter meter, long every, long lasting, boolean full, long usedAfterMb) {
        for (long start = 2_000; start < 600_000; start += every) {
            assertThat(meter.collected(start, start + lasting, full, usedAfterMb * MB))
                    .isNull();
        }
    }

    @Test
    void withoutAWatchOrBeforeItsVerdictCheckLetsTheRunGoOn() {
        assertThatCode(HeapWatch::check).doesNotThrowAnyException();
        try (HeapWatch watch = HeapWatch.start()) {
            System.gc();
            assertThatCode(HeapWatch::check).doesNotThrowAnyException();
        }
    }
}

package nl.asylumchain.forecast.process;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shards of a divided forecast run side by side in one JVM: the engine's clock ({@link ClockUtil}) answers each
 * run's thread its own business time, and every other thread the wall clock.
 */
class ShardClockTest {

    private static final long JAN_2023 = Instant.parse("2023-01-02T07:00:00Z").toEpochMilli();
    private static final long JUL_2024 = Instant.parse("2024-07-01T06:00:00Z").toEpochMilli();

    @AfterEach
    void wallTime() {
        ClockUtil.reset();
    }

    @Test
    void twoRunsSideBySideEachReadTheirOwnTimeAndOtherThreadsTheWallClock() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch bothSet = new CountDownLatch(2);
        CountDownLatch checked = new CountDownLatch(1);
        try {
            Future<long[]> first = threads.submit(() -> run(JAN_2023, bothSet, checked));
            Future<long[]> second = threads.submit(() -> run(JUL_2024, bothSet, checked));
            assertThat(bothSet.await(10, TimeUnit.SECONDS)).isTrue();
            // this thread started no run: wall time, while both runs have theirs
            assertThat(ClockUtil.now().getTime()).isCloseTo(System.currentTimeMillis(), within(60_000));
            checked.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(JAN_2023, JAN_2023 + 1_000);
            assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(JUL_2024, JUL_2024 + 1_000);
        } finally {
            threads.shutdownNow();
        }
        // both runs ended: the engine's clock is wall time again for everyone
        assertThat(ClockUtil.now().getTime()).isCloseTo(System.currentTimeMillis(), within(60_000));
    }

    @Test
    void aRunStartedAfterATestFixedTheClockHasItsOwnTimeAgain() {
        ClockUtil.setCurrentTime(new java.util.Date(JUL_2024));
        ShardClock.start();
        try {
            ShardClock.set(JAN_2023);
            assertThat(ClockUtil.getCurrentTime().getTime()).isEqualTo(JAN_2023);
        } finally {
            ShardClock.stop();
        }
        assertThat(ClockUtil.now().getTime()).isCloseTo(System.currentTimeMillis(), within(60_000));
    }

    /**
     * A run on this thread: its time set; once both runs have set theirs, read, moved a step, read; it ends once the
     * test's own thread has read the clock.
     */
    private static long[] run(long start, CountDownLatch bothSet, CountDownLatch checked) throws Exception {
        ShardClock.start();
        try {
            ShardClock.set(start);
            bothSet.countDown();
            bothSet.await(10, TimeUnit.SECONDS);
            long first = ClockUtil.now().getTime();
            ShardClock.set(start + 1_000);
            long second = ClockUtil.getCurrentTime().getTime();
            checked.await(10, TimeUnit.SECONDS);
            return new long[] {first, second};
        } finally {
            ShardClock.stop();
        }
    }

    private static org.assertj.core.data.Offset<Long> within(long millis) {
        return org.assertj.core.data.Offset.offset(millis);
    }
}

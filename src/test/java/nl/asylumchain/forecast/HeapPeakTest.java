package nl.asylumchain.forecast;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's peak heap is what was in use before a collection, not what is in use when the run ends: 64 MB held and
 * let go between two collections still count.
 */
class HeapPeakTest {

    private static final int MB = 1024 * 1024;

    @SuppressWarnings("unused")
    private static volatile byte[] held;

    @Test
    void aPeakThatWasCollectedBeforeTheEndStillCounts() {
        try (HeapPeak peak = new HeapPeak()) {
            System.gc();
            long base = used();
            held = new byte[64 * MB];
            held[64 * MB - 1] = 1;
            held = null;
            System.gc();

            assertThat(used()).as("the 64 MB are gone").isLessThan(base + 32L * MB);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(peak.peakMb()).isGreaterThanOrEqualTo((base + 64L * MB) / MB));
        }
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

package nl.asylumchain.forecast;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap a run had in use at once. Used heap only grows between collections, so its peak is what was in use
 * right before one of them, or now: each collection reports the heap pools' usage before it, whose sum is the heap in
 * use at that moment. (The pools' own peaks, summed, overstate it: the young and the old generation peak at different
 * times.) Watches from construction until {@link #close()}.
 */
final class HeapPeak extends CollectionListener {

    private final AtomicLong peakBytes = new AtomicLong(usedNow());

    HeapPeak() {
        listen();
    }

    /** The peak so far, in MB. */
    long peakMb() {
        return peakBytes.accumulateAndGet(usedNow(), Math::max) / (1024 * 1024);
    }

    @Override
    protected void collected(GarbageCollectionNotificationInfo info) {
        peakBytes.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

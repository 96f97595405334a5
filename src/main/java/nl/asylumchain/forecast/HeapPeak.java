package nl.asylumchain.forecast;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap a run had in use at once. Used heap only grows between collections, so its peak is what was in use
 * right before one of them, or now: each collection reports the heap pools' usage before it, whose sum is the heap in
 * use at that moment. (The pools' own peaks, summed, overstate it: the young and the old generation peak at different
 * times.) Watches from construction until {@link #close()}.
 */
final class HeapPeak implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final AtomicLong peakBytes = new AtomicLong(usedNow());
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> watched = new ArrayList<>();

    HeapPeak() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                watched.add(emitter);
            }
        }
    }

    /** The peak so far, in MB. */
    long peakMb() {
        return peakBytes.accumulateAndGet(usedNow(), Math::max) / (1024 * 1024);
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                before += pool.getValue().getUsed();
            }
        }
        peakBytes.accumulateAndGet(before, Math::max);
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : watched) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // not registered: nothing to remove
            }
        }
        watched.clear();
    }
}

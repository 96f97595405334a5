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
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Hears of every garbage collection of this JVM from construction until {@link #close()}: the collectors' own reports
 * ({@link GarbageCollectionNotificationInfo}), on the JVM's notification thread. Base of {@link HeapPeak} and
 * {@link HeapWatch}.
 */
abstract class CollectionListener implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final NotificationListener listener = this::notified;
    private final List<NotificationEmitter> watched = new ArrayList<>();

    /** Starts listening; call last in a subclass's constructor, once its own fields are set. */
    protected final void listen() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                watched.add(emitter);
            }
        }
    }

    /** One collection, as its collector reported it. */
    protected abstract void collected(GarbageCollectionNotificationInfo info);

    /** The heap in use in {@code pools} (a collection's usage before or after it): its heap pools summed. */
    protected final long heapUsed(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    private void notified(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
        }
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

package nl.asylumchain.forecast;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Stops a forecast whose JVM has too little heap for it, within minutes instead of after hours. A run's engines keep
 * every open case in their in-memory databases, so a scenario with a large start stock needs more heap than a small
 * one (the whole chain with the letter's stock about 6 GB, docs/forecast.md "Seventeenth round"). Short of it, the JVM
 * does not fail: its collector frees a little each time and runs again at once, and the run crawls on for hours
 * (with 4 GB, a full collection of 6 s every 6 to 7 s). This watch sees that from the collector's own reports: when
 * the collections took {@value #SHARE_PERCENT} % or more of the last {@value #WINDOW_SECONDS} s and the last full
 * collection left {@value #LEFT_PERCENT} % or more of the maximum heap in use, the run is short of heap. From then on
 * {@link #check()} throws {@link TooSmall} in every run thread of this JVM (the heap is the JVM's, not a shard's),
 * which the command turns into exit code 3 and one line that says what to do and about how much heap to give
 * ({@link Shortage#message}).
 *
 * <p>Watches from {@link #start()} until {@link #close()}; without a watch, {@link #check()} does nothing.
 */
final class HeapWatch extends CollectionListener {

    static final int WINDOW_SECONDS = 120;
    static final int SHARE_PERCENT = 60;
    /**
     * Below the two thirds of the heap that the parallel collector gives its old generation: a live set above that
     * cannot settle there, and the whole stock in 3.9 GB ran full collections back to back with 2.6 to 2.8 GB left.
     */
    static final int LEFT_PERCENT = 60;

    /** The run is short of heap: what was seen, and what to do. */
    static final class TooSmall extends IllegalStateException {
        TooSmall(String message) {
            super(message);
        }
    }

    private static volatile Shortage verdict;

    private final Meter meter = new Meter(
            ManagementFactory.getRuntimeMXBean().getUptime(),
            Runtime.getRuntime().maxMemory());

    private HeapWatch() {
        listen();
    }

    /** Watches this JVM's collections until {@link #close()}. */
    static HeapWatch start() {
        verdict = null;
        return new HeapWatch();
    }

    /** Throws {@link TooSmall} once a watch has found this JVM short of heap. */
    static void check() {
        check(1, 1);
    }

    /** As {@link #check()}, while the start state is placed: the advice scales the heap to the whole of it. */
    static void check(long placed, long toPlace) {
        Shortage found = verdict;
        if (found != null) {
            throw new TooSmall(found.message(placed, toPlace));
        }
    }

    @Override
    protected void collected(GarbageCollectionNotificationInfo info) {
        Shortage found = meter.collected(
                info.getGcInfo().getStartTime(),
                info.getGcInfo().getEndTime(),
                info.getGcAction().contains("major"),
                heapUsed(info.getGcInfo().getMemoryUsageAfterGc()));
        if (found != null && verdict == null) {
            verdict = found;
        }
    }

    @Override
    public void close() {
        super.close();
        verdict = null;
    }

    /**
     * The rule, apart from the JVM: fed each collection's start and end (milliseconds since the JVM started), whether
     * it was a full one and the heap in use after it; answers the shortage, or null while the heap suffices.
     */
    static final class Meter {

        private final long watchedFrom;
        private final long maxBytes;
        private final Deque<long[]> recent = new ArrayDeque<>();
        private long leftAfterFull = -1;

        Meter(long watchedFrom, long maxBytes) {
            this.watchedFrom = watchedFrom;
            this.maxBytes = maxBytes;
        }

        synchronized Shortage collected(long start, long end, boolean full, long usedAfter) {
            recent.addLast(new long[] {start, end});
            if (full) {
                leftAfterFull = usedAfter;
            }
            long from = end - WINDOW_SECONDS * 1000L;
            while (!recent.isEmpty() && recent.peekFirst()[1] <= from) {
                recent.removeFirst();
            }
            if (from < watchedFrom || leftAfterFull < 0) {
                return null;
            }
            long collecting = 0;
            for (long[] collection : recent) {
                collecting += collection[1] - Math.max(collection[0], from);
            }
            long share = collecting * 100 / (WINDOW_SECONDS * 1000L);
            // the pools summed can pass the JVM's maximum by a survivor space, which the maximum leaves out
            long leftBytes = Math.min(leftAfterFull, maxBytes);
            long left = leftBytes * 100 / maxBytes;
            if (share < SHARE_PERCENT || left < LEFT_PERCENT) {
                return null;
            }
            return new Shortage(share, leftBytes, maxBytes);
        }
    }

    /**
     * What the watch saw: the collections' share of the last {@value #WINDOW_SECONDS} s and the heap left in use after
     * the last full collection, of the JVM's maximum.
     */
    record Shortage(long sharePercent, long leftBytes, long maxBytes) {

        /**
         * A year needs about {@value #NEED_PER_LEFT_TENTHS} tenths of the heap its start state leaves in use: its
         * engines' rows of the start state stay, the year's cases add to them, and the collector needs room (the
         * whole stock of {@code mpp-2024-high}: 2.6 GB left after full collections, about 6 GB needed). While
         * placing, the heap left is scaled from the cases placed to all of them.
         */
        static final int NEED_PER_LEFT_TENTHS = 25;

        String message(long placed, long toPlace) {
            long mb = 1024 * 1024;
            double whole = (double) Math.max(toPlace, 1) / Math.max(placed, 1);
            long needMb = (long) Math.ceil(leftBytes * whole * NEED_PER_LEFT_TENTHS / 10 / mb / 256) * 256;
            return String.format(
                    Locale.ROOT,
                    "too little heap for this run: the collector took %d %% of the last %d s, and %d of %d MB stayed"
                            + " in use after its last full collection%s. Give the JVM about %d MB (-Xmx; in the"
                            + " application asylumchain.forecast.java-options), or run a sample (--sample N)",
                    sharePercent,
                    WINDOW_SECONDS,
                    leftBytes / mb,
                    maxBytes / mb,
                    placed < toPlace ? ", with " + placed + " of " + toPlace + " start cases placed" : "",
                    Math.max(needMb, maxBytes / mb + 256));
        }
    }
}

package nl.asylumchain.forecast.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.joda.time.DateTimeUtils;

/**
 * The forecast's virtual clock, one per thread, so that the shards of a divided forecast can run in one JVM, each on
 * a thread of its own with an engine and a calendar of its own.
 *
 * <p>The engine reads its time from {@link ClockUtil}, which asks Joda-Time's {@link DateTimeUtils} for the current
 * millis, and that asks one JVM-wide {@link DateTimeUtils.MillisProvider}. {@code ClockUtil.setCurrentTime} puts in a
 * provider with one fixed time for every thread; this class puts in one that answers each thread its own time: the
 * time its run set last, or the wall clock for a thread that set none (a connection pool's housekeeping, a JVM of
 * tests whose other threads must keep wall time). Everything that reads business time in the forecast's engine
 * (timers, due dates, the business clock, {@link DueJobs}, {@link StageTimes}) goes through {@code ClockUtil} and so
 * reads its own run's time.
 *
 * <p>The provider is in place while at least one run is {@linkplain #start() started}; when the last one
 * {@linkplain #stop() stops}, the engine's clock runs on wall time again ({@link ClockUtil#reset()}). A live
 * application never starts a run: a forecast runs in a JVM of its own ({@code ForecastJobs}).
 */
final class ShardClock implements DateTimeUtils.MillisProvider {

    private static final ShardClock INSTANCE = new ShardClock();
    /** Runs started and not yet stopped; read and written only in the synchronized start and stop. */
    private static int runs;

    private final ThreadLocal<long[]> now = new ThreadLocal<>();

    private ShardClock() {}

    /** A run begins on this thread: from here on the engine's clock is this thread's own. */
    static synchronized void start() {
        runs++;
        // every time: a test may have set the engine's clock its own way since
        DateTimeUtils.setCurrentMillisProvider(INSTANCE);
    }

    /** This thread's run ended: its time is forgotten, and with the last run the engine's clock is wall time again. */
    static synchronized void stop() {
        INSTANCE.now.remove();
        runs = Math.max(0, runs - 1);
        if (runs == 0) {
            ClockUtil.reset();
        }
    }

    /** Sets this thread's business time. */
    static void set(long epochMillis) {
        long[] time = INSTANCE.now.get();
        if (time == null) {
            INSTANCE.now.set(new long[] {epochMillis});
        } else {
            time[0] = epochMillis;
        }
    }

    @Override
    public long getMillis() {
        long[] time = now.get();
        return time == null ? System.currentTimeMillis() : time[0];
    }
}

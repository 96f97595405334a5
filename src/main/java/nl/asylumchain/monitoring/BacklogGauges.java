package nl.asylumchain.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.StageDurations;
import nl.asylumchain.casefile.StageDurations.FinishedStage;
import nl.asylumchain.platform.BacklogFigures;
import nl.asylumchain.platform.BacklogFigures.Series;
import nl.asylumchain.platform.RunningInstanceCounts;

/**
 * Publishes the gauges that need the database, and the stage lead times from the engine's history. The figures are
 * the modules' own ({@link BacklogFigures}: each stage counts its open cases and deadlines, the platform the task
 * queues and the engine's health); this class only registers them and refreshes them in the background
 * ({@code asylumchain.monitoring.refresh-interval}, default 15 s) into {@link AtomicLong}s. A scrape only reads
 * those, so it never runs a query however many cases are open.
 */
@Component
public class BacklogGauges {

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

    private final List<BacklogFigures> sources;
    private final StageDurations stageDurations;
    private final RunningInstanceCounts instanceCounts;
    private final Clock clock;

    private final Map<Series, AtomicLong> values = new LinkedHashMap<>();
    private final Map<Stage, Timer> stageLeadTimes = new LinkedHashMap<>();

    /**
     * How long after its end a stage's end is surely committed and readable: the watermark never passes now less
     * this, so a transaction that ends a stage is counted if it commits within it.
     */
    static final Duration SETTLE = Duration.ofMinutes(5);

    /** Stage ends up to here are recorded; ids of those that ended exactly at the watermark, against doubles. */
    private Instant watermark;

    private Set<String> recordedAtWatermark = new HashSet<>();

    BacklogGauges(
            MeterRegistry registry,
            List<BacklogFigures> sources,
            StageDurations stageDurations,
            RunningInstanceCounts instanceCounts,
            Clock clock) {
        this.sources = sources;
        this.stageDurations = stageDurations;
        this.instanceCounts = instanceCounts;
        this.clock = clock;
        this.watermark = clock.instant();
        for (BacklogFigures source : sources) {
            for (Series series : source.series()) {
                AtomicLong holder = new AtomicLong();
                if (values.putIfAbsent(series, holder) != null) {
                    throw new IllegalStateException("Two modules count the gauge " + series);
                }
                Gauge.Builder<AtomicLong> gauge =
                        Gauge.builder(series.name(), holder, AtomicLong::get).description(series.description());
                if (series.tag() != null) {
                    gauge.tag(series.tag(), series.tagValue());
                }
                gauge.register(registry);
            }
        }
        for (Stage stage : Stage.values()) {
            stageLeadTimes.put(
                    stage,
                    ChainMetrics.leadTimeTimer(
                                    "asylum.stage.lead.time",
                                    "Time a case spends in a stage of the chain, from entering to leaving it",
                                    "stage",
                                    stage.name().toLowerCase())
                            .register(registry));
        }
    }

    /** Queries everything once and publishes it. The scheduler calls it; tests call it to be sure. */
    @Scheduled(
            initialDelayString = "${asylumchain.monitoring.initial-delay:5s}",
            fixedDelayString = "${asylumchain.monitoring.refresh-interval:15s}")
    public synchronized void refresh() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        // the stages whose open cases are their process's running instances share one count of those
        instanceCounts.sharedWhile(() -> countSources(now));
        try {
            recordFinishedStages(now);
        } catch (RuntimeException e) {
            log.warn("Recording the stage lead times failed: {}", e.toString());
        }
        log.debug(
                "Backlog gauges refreshed in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void countSources(Instant now) {
        for (BacklogFigures source : sources) {
            try {
                source.count(now).forEach((series, count) -> {
                    AtomicLong holder = values.get(series);
                    if (holder == null) {
                        throw new IllegalStateException(
                                source.getClass().getSimpleName() + " counted an undeclared series " + series);
                    }
                    holder.set(count);
                });
            } catch (RuntimeException e) {
                // these gauges keep their last values; the next run tries again
                log.warn(
                        "Refreshing the backlog gauges of {} failed: {}",
                        source.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private void recordFinishedStages(Instant now) {
        Set<String> atNewWatermark = new HashSet<>();
        Instant newWatermark = watermark;
        boolean recorded = false;
        for (FinishedStage finished : stageDurations.finishedSince(watermark)) {
            if (finished.ended().equals(watermark) && recordedAtWatermark.contains(finished.activityInstanceId())) {
                continue;
            }
            stageLeadTimes.get(finished.stage()).record(finished.duration());
            recorded = true;
            if (finished.ended().isAfter(newWatermark)) {
                newWatermark = finished.ended();
                atNewWatermark.clear();
            }
            if (finished.ended().equals(newWatermark)) {
                atNewWatermark.add(finished.activityInstanceId());
            }
        }
        if (!recorded) {
            // no stage ended since: move up to a while before now, so that the next read does not go over every step
            // of the main process since the last stage end again (at 100,000 cases waiting in one stage, all of them)
            Instant settled = now.minus(SETTLE);
            if (settled.isAfter(watermark)) {
                watermark = settled;
                recordedAtWatermark = new HashSet<>();
            }
        } else if (newWatermark.equals(watermark)) {
            recordedAtWatermark.addAll(atNewWatermark);
        } else {
            watermark = newWatermark;
            recordedAtWatermark = atNewWatermark;
        }
    }
}

package nl.asylumchain.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import nl.asylumchain.monitoring.process.EngineBacklog;
import nl.asylumchain.monitoring.process.EngineBacklog.FinishedStage;
import nl.asylumchain.platform.Groups;

/**
 * The gauges that need the database, and the stage lead times from the engine's history. A background job
 * ({@code asylumchain.monitoring.refresh-interval}, default 15 s) queries and stores the figures in
 * {@link AtomicLong}s; a scrape only reads those, so it never runs a query however many cases are open.
 */
@Component
public class BacklogGauges {

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

    private final EngineBacklog engine;
    private final DecisionBacklogSource decisions;
    private final Clock clock;

    private final Map<String, AtomicLong> openCases = new LinkedHashMap<>();
    private final Map<String, AtomicLong> openTasks = new LinkedHashMap<>();
    private final Map<String, AtomicLong> overdueTasks = new LinkedHashMap<>();
    private final AtomicLong onHold = new AtomicLong();
    private final AtomicLong pastDeadline = new AtomicLong();
    private final AtomicLong penaltyExposed = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();
    private final AtomicLong dueJobs = new AtomicLong();
    private final Map<Stage, Timer> stageLeadTimes = new LinkedHashMap<>();

    /** Stage ends up to here are recorded; ids of those that ended exactly at the watermark, against doubles. */
    private Instant watermark;

    private Set<String> recordedAtWatermark = new HashSet<>();

    BacklogGauges(MeterRegistry registry, EngineBacklog engine, DecisionBacklogSource decisions, Clock clock) {
        this.engine = engine;
        this.decisions = decisions;
        this.clock = clock;
        this.watermark = clock.instant();
        for (String stage : EngineBacklog.BACKLOG_STAGES) {
            openCases.put(
                    stage, gauge(registry, "asylum.cases.open", "Open cases per stage of the chain", "stage", stage));
        }
        for (String group : Groups.CASE_HANDLERS) {
            openTasks.put(
                    group, gauge(registry, "asylum.tasks.open", "Open user tasks per candidate group", "group", group));
            overdueTasks.put(
                    group,
                    gauge(
                            registry,
                            "asylum.tasks.overdue",
                            "Open user tasks past their due date per candidate group",
                            "group",
                            group));
        }
        register(registry, "asylum.cases.on.hold", "Cases whose decision is on hold", onHold);
        register(
                registry,
                "asylum.cases.past.decision.deadline",
                "Open cases without a decision past the decision deadline",
                pastDeadline);
        register(
                registry,
                "asylum.cases.penalty.exposed",
                "Cases exposed to penalty payments (dwangsom)",
                penaltyExposed);
        register(registry, "asylum.engine.incidents", "Open incidents in the process engine", incidents);
        register(registry, "asylum.engine.jobs.failed", "Engine jobs failed with no retries left", failedJobs);
        register(
                registry,
                "asylum.engine.jobs.due",
                "Engine jobs due but not yet acquired by the job executor",
                dueJobs);
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
        try {
            Instant now = clock.instant();
            engine.openCasesPerStage()
                    .forEach((stage, count) -> openCases.get(stage).set(count));
            for (String group : Groups.CASE_HANDLERS) {
                openTasks.get(group).set(engine.openTasks(group));
                overdueTasks.get(group).set(engine.overdueTasks(group, now));
            }
            onHold.set(decisions.casesOnHold());
            pastDeadline.set(decisions.casesPastDecisionDeadline());
            penaltyExposed.set(decisions.casesExposedToPenalty());
            incidents.set(engine.incidents());
            failedJobs.set(engine.failedJobs());
            dueJobs.set(engine.dueJobs());
            recordFinishedStages();
        } catch (RuntimeException e) {
            // the gauges keep their last values; the next run tries again
            log.warn("Refreshing the chain's backlog gauges failed: {}", e.toString());
        }
        log.debug(
                "Backlog gauges refreshed in {} ms",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void recordFinishedStages() {
        Set<String> atNewWatermark = new HashSet<>();
        Instant newWatermark = watermark;
        for (FinishedStage finished : engine.stagesFinishedSince(watermark)) {
            if (finished.ended().equals(watermark) && recordedAtWatermark.contains(finished.activityInstanceId())) {
                continue;
            }
            stageLeadTimes.get(finished.stage()).record(finished.duration());
            if (finished.ended().isAfter(newWatermark)) {
                newWatermark = finished.ended();
                atNewWatermark.clear();
            }
            if (finished.ended().equals(newWatermark)) {
                atNewWatermark.add(finished.activityInstanceId());
            }
        }
        if (newWatermark.equals(watermark)) {
            recordedAtWatermark.addAll(atNewWatermark);
        } else {
            watermark = newWatermark;
            recordedAtWatermark = atNewWatermark;
        }
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String description, String tag, String value) {
        AtomicLong holder = new AtomicLong();
        Gauge.builder(name, holder, AtomicLong::get)
                .description(description)
                .tag(tag, value)
                .register(registry);
        return holder;
    }

    private static void register(MeterRegistry registry, String name, String description, AtomicLong holder) {
        Gauge.builder(name, holder, AtomicLong::get).description(description).register(registry);
    }
}

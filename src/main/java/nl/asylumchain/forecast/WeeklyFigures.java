package nl.asylumchain.forecast;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.CaseClosed;
import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.StageEntered;
import nl.asylumchain.decision.DecisionRecorded;
import nl.asylumchain.decision.IndOutcome;
import nl.asylumchain.departure.DepartureClosed;
import nl.asylumchain.departure.DepartureOutcome;
import nl.asylumchain.departure.DepartureShare;
import nl.asylumchain.housing.PermitHolderHoused;

/**
 * The week's flows, counted from the events the stage modules publish when a step commits (the same events the
 * chain's metrics count): inflow, stage changes and their lead times, IND decisions, housing, departures. The stocks
 * (backlog, occupancy) are read at the end of the week by {@link ForecastRun}.
 */
@Component
@Profile("forecast")
class WeeklyFigures {

    static final List<String> INFLOW_KINDS = List.of("FIRST", "REPEAT", "RESETTLEMENT", "REUNIFICATION");
    static final List<String> TRACKS = List.of("1", "2", "4");
    static final List<String> DECISION_OUTCOMES = List.of("GRANT", "REJECT", "DUBLIN_ACCEPTED");

    private final Set<UUID> housedBefore = new HashSet<>();

    private Map<String, Long> inflow;
    private long registered;
    private Map<String, Map<String, Long>> decisions;
    private Map<Stage, List<Double>> leadTimes;
    private long housed;
    private long departureIntake;
    private Map<DepartureOutcome, Long> departures;

    WeeklyFigures() {
        reset();
    }

    /** Forgets everything: a new run begins. */
    void start() {
        housedBefore.clear();
        reset();
    }

    /** Starts counting a new week. */
    void reset() {
        inflow = new LinkedHashMap<>();
        INFLOW_KINDS.forEach(kind -> inflow.put(kind, 0L));
        registered = 0;
        decisions = new LinkedHashMap<>();
        for (String track : TRACKS) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            DECISION_OUTCOMES.forEach(outcome -> outcomes.put(outcome, 0L));
            decisions.put(track, outcomes);
        }
        leadTimes = new EnumMap<>(Stage.class);
        housed = 0;
        departureIntake = 0;
        departures = new EnumMap<>(DepartureOutcome.class);
    }

    /** Applications reported at intake, as the driver made them: the scenario's inflow. */
    void reported(List<ApplicationType> types) {
        for (ApplicationType type : types) {
            String kind = type == ApplicationType.FAMILY_REUNIFICATION ? "REUNIFICATION" : type.name();
            inflow.merge(kind, 1L, Long::sum);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEntered event) {
        if (event.stage() == Stage.DEPARTURE) {
            departureIntake++;
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseClosed event) {
        housedBefore.remove(event.caseId());
    }

    /** Stages left, as the driver timed them. */
    void left(List<StageTime> stages) {
        for (StageTime stage : stages) {
            if (stage.stage() == Stage.REGISTRATION) {
                registered++;
            }
            leadTimes.computeIfAbsent(stage.stage(), s -> new ArrayList<>()).add(stage.days());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DecisionRecorded event) {
        String track = String.valueOf(event.track());
        String outcome = switch (event.outcome()) {
            case PERMIT_GRANTED -> "GRANT";
            case REJECTED -> "REJECT";
            case DUBLIN_ACCEPTED -> IndOutcome.DUBLIN_ACCEPTED.name();
        };
        decisions.computeIfAbsent(track, t -> new LinkedHashMap<>()).merge(outcome, 1L, Long::sum);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PermitHolderHoused event) {
        // a move to temporary housing and the later move to a home are one person housed
        if (housedBefore.add(event.caseId())) {
            housed++;
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DepartureClosed event) {
        departures.merge(event.outcome(), 1L, Long::sum);
    }

    Map<String, Long> inflow() {
        return inflow;
    }

    long registered() {
        return registered;
    }

    Map<String, Map<String, Long>> decisions() {
        Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
        new TreeMap<>(decisions).forEach(sorted::put);
        return sorted;
    }

    Map<String, ForecastResult.Percentiles> leadTimeDays() {
        Map<String, ForecastResult.Percentiles> result = new LinkedHashMap<>();
        leadTimes().forEach((stage, times) -> result.put(stage, times.percentiles()));
        return result;
    }

    /** The week's lead times per stage (every stage, in the enum's order), mergeable with another run's. */
    Map<String, LeadTimes> leadTimes() {
        Map<String, LeadTimes> result = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            result.put(stage.name(), LeadTimes.of(leadTimes.getOrDefault(stage, List.of())));
        }
        return result;
    }

    long housed() {
        return housed;
    }

    ForecastResult.Departure departure() {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (DepartureOutcome outcome : DepartureOutcome.values()) {
            outcomes.put(outcome.name(), departures.getOrDefault(outcome, 0L));
        }
        var fraction = DepartureShare.of(departures).fraction();
        return new ForecastResult.Departure(departureIntake, outcomes, fraction == null ? 0 : fraction.doubleValue());
    }
}

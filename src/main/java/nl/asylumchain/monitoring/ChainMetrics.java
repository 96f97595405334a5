package nl.asylumchain.monitoring;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseClosed;
import nl.asylumchain.casefile.CaseOutcome;
import nl.asylumchain.casefile.CaseRegistered;
import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.StageEntered;
import nl.asylumchain.decision.DecisionRecorded;
import nl.asylumchain.decision.IndOutcome;
import nl.asylumchain.platform.LeadTimes;
import nl.asylumchain.registration.TrackAssigned;

/**
 * Counts what the chain produces. Counted after commit, so a registration that rolls back counts nothing.
 * Names follow {@code asylum.*}; the Prometheus registry adds {@code _total} and {@code _seconds}. Every series
 * with a fixed tag value is registered at 0 on start-up, so dashboards and alerts see it before the first case.
 */
@Component
class ChainMetrics {

    private final MeterRegistry registry;

    /** Tracks that exist in the trackAssignment table (3 and 5 only when the policy switches them on). */
    static final List<Integer> TRACKS = List.of(1, 2, 3, 4, 5);

    /** Tracks that end in an IND decision: spoor 1 (Dublin), 2 and 4. */
    static final List<Integer> DECISION_TRACKS = List.of(1, 2, 4);

    ChainMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ApplicationType type : ApplicationType.values()) {
            for (ArrivalLocation location : ArrivalLocation.values()) {
                for (boolean minor : new boolean[] {false, true}) {
                    registered(type, location, minor);
                }
            }
        }
        TRACKS.forEach(this::tracksAssigned);
        for (Stage stage : Stage.values()) {
            stagesEntered(stage);
        }
        for (CaseOutcome outcome : CaseOutcome.values()) {
            casesClosed(outcome);
            caseLeadTime(outcome);
        }
        for (int track : DECISION_TRACKS) {
            for (IndOutcome outcome : IndOutcome.values()) {
                decisions(track, outcome);
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseRegistered registered) {
        registered(registered.applicationType(), registered.arrivalLocation(), registered.unaccompaniedMinor())
                .increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TrackAssigned assigned) {
        tracksAssigned(assigned.track()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEntered entered) {
        stagesEntered(entered.stage()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DecisionRecorded decision) {
        decisions(decision.track(), decision.outcome()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseClosed closed) {
        casesClosed(closed.outcome()).increment();
        caseLeadTime(closed.outcome()).record(closed.leadTime());
    }

    private Counter registered(ApplicationType type, ArrivalLocation location, boolean unaccompaniedMinor) {
        return Counter.builder("asylum.cases.registered")
                .description("Asylum applications registered at intake")
                .tag("application_type", type.name().toLowerCase())
                .tag("arrival_location", location.name().toLowerCase())
                .tag("unaccompanied_minor", Boolean.toString(unaccompaniedMinor))
                .register(registry);
    }

    private Counter tracksAssigned(int track) {
        return Counter.builder("asylum.tracks.assigned")
                .description("Cases assigned to an IND track (spoor) at registration")
                .tag("track", Integer.toString(track))
                .register(registry);
    }

    private Counter stagesEntered(Stage stage) {
        return Counter.builder("asylum.stages.entered")
                .description("Cases that entered a stage of the chain")
                .tag("stage", stage.name().toLowerCase())
                .register(registry);
    }

    private Counter decisions(int track, IndOutcome outcome) {
        return Counter.builder("asylum.decisions")
                .description("IND decisions by track and outcome")
                .tag("track", Integer.toString(track))
                .tag("outcome", outcome.name().toLowerCase())
                .register(registry);
    }

    private Counter casesClosed(CaseOutcome outcome) {
        return Counter.builder("asylum.cases.closed")
                .description("Cases that left the chain, by outcome")
                .tag("outcome", outcome.name().toLowerCase())
                .register(registry);
    }

    private Timer caseLeadTime(CaseOutcome outcome) {
        return leadTimeTimer(
                        "asylum.case.lead.time",
                        "Time from registration to the end of the chain",
                        "outcome",
                        outcome.name().toLowerCase())
                .register(registry);
    }

    /**
     * Histogram buckets at the chain's own deadlines and reporting periods (a day, the 6-day rest period, weeks,
     * the 6-month decision period, years): a dozen series per timer where Micrometer's generic percentile
     * histogram would publish some seventy, and quantiles read against the deadlines managers know.
     */
    /** A lead-time timer of the chain, with one tag. */
    static Timer.Builder leadTimeTimer(String name, String description, String tag, String value) {
        return LeadTimes.timer(name, description).tag(tag, value);
    }
}

package nl.asylumchain.monitoring;

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
import nl.asylumchain.platform.LeadTimes;

/**
 * Counts what the case file reports of the chain: cases registered, stages entered, cases closed and their lead
 * time. The stage modules count their own (tracks at registration, IND decisions, …). Counted after commit, so a registration that rolls back counts nothing.
 * Names follow {@code asylum.*}; the Prometheus registry adds {@code _total} and {@code _seconds}. Every series
 * with a fixed tag value is registered at 0 on start-up, so dashboards and alerts see it before the first case.
 */
@Component
class ChainMetrics {

    private final MeterRegistry registry;

    ChainMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ApplicationType type : ApplicationType.values()) {
            for (ArrivalLocation location : ArrivalLocation.values()) {
                for (boolean minor : new boolean[] {false, true}) {
                    registered(type, location, minor);
                }
            }
        }
        for (Stage stage : Stage.values()) {
            stagesEntered(stage);
        }
        for (CaseOutcome outcome : CaseOutcome.values()) {
            casesClosed(outcome);
            caseLeadTime(outcome);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseRegistered registered) {
        registered(registered.applicationType(), registered.arrivalLocation(), registered.unaccompaniedMinor())
                .increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEntered entered) {
        stagesEntered(entered.stage()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseClosed closed) {
        casesClosed(closed.outcome()).increment();
        caseLeadTime(closed.outcome()).record(closed.leadTime());
    }

    private Counter registered(ApplicationType type, ArrivalLocation location, boolean unaccompaniedMinor) {
        return Counter.builder("asylum.cases.registered")
                .description("Asylum applications signed at identification and registration (I&R)")
                .tag("application_type", type.name().toLowerCase())
                .tag("arrival_location", location.name().toLowerCase())
                .tag("unaccompanied_minor", Boolean.toString(unaccompaniedMinor))
                .register(registry);
    }

    private Counter stagesEntered(Stage stage) {
        return Counter.builder("asylum.stages.entered")
                .description("Cases that entered a stage of the chain")
                .tag("stage", stage.name().toLowerCase())
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

    /** A lead-time timer of the chain, with one tag. */
    static Timer.Builder leadTimeTimer(String name, String description, String tag, String value) {
        return LeadTimes.timer(name, description).tag(tag, value);
    }
}

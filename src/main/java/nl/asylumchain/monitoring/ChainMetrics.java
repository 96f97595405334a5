package nl.asylumchain.monitoring;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import nl.asylumchain.casefile.CaseClosed;
import nl.asylumchain.casefile.CaseRegistered;
import nl.asylumchain.casefile.StageEntered;
import nl.asylumchain.decision.DecisionRecorded;
import nl.asylumchain.registration.TrackAssigned;

/**
 * Counts what the chain produces. Counted after commit, so a registration that rolls back counts nothing.
 * Names follow {@code asylum.*}; the Prometheus registry adds {@code _total} and {@code _seconds}.
 */
@Component
class ChainMetrics {

    private final MeterRegistry registry;

    ChainMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseRegistered registered) {
        Counter.builder("asylum.cases.registered")
                .description("Asylum applications registered at intake")
                .tag("application_type", registered.applicationType().name().toLowerCase())
                .tag("arrival_location", registered.arrivalLocation().name().toLowerCase())
                .tag("unaccompanied_minor", Boolean.toString(registered.unaccompaniedMinor()))
                .register(registry).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TrackAssigned assigned) {
        Counter.builder("asylum.tracks.assigned")
                .description("Cases assigned to an IND track (spoor) at registration")
                .tag("track", Integer.toString(assigned.track()))
                .register(registry).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StageEntered entered) {
        Counter.builder("asylum.stages.entered")
                .description("Cases that entered a stage of the chain")
                .tag("stage", entered.stage().name().toLowerCase())
                .register(registry).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DecisionRecorded decision) {
        Counter.builder("asylum.decisions")
                .description("IND decisions by track and outcome")
                .tag("track", Integer.toString(decision.track()))
                .tag("outcome", decision.outcome().name().toLowerCase())
                .register(registry).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CaseClosed closed) {
        Counter.builder("asylum.cases.closed")
                .description("Cases that left the chain, by outcome")
                .tag("outcome", closed.outcome().name().toLowerCase())
                .register(registry).increment();
        Timer.builder("asylum.case.lead.time")
                .description("Time from registration to the end of the chain")
                .tag("outcome", closed.outcome().name().toLowerCase())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofHours(1))
                .maximumExpectedValue(Duration.ofDays(3 * 365))
                .register(registry).record(closed.leadTime());
    }
}

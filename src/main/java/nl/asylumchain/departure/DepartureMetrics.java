package nl.asylumchain.departure;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.asylumchain.platform.LeadTimes;

/**
 * {@code asylum.departures} and {@code asylum.departure.lead.time} by outcome, counted after commit. Every outcome
 * is registered at zero at start-up so that rates and shares exist before the first departure.
 */
@Component
class DepartureMetrics {

    private final MeterRegistry registry;

    DepartureMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (DepartureOutcome outcome : DepartureOutcome.values()) {
            counter(outcome);
            timer(outcome);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DepartureClosed closed) {
        counter(closed.outcome()).increment();
        timer(closed.outcome()).record(closed.leadTime());
    }

    private Counter counter(DepartureOutcome outcome) {
        return Counter.builder("asylum.departures")
                .description("Departures (DT&V cases) ended, by outcome")
                .tag("outcome", tag(outcome))
                .register(registry);
    }

    private Timer timer(DepartureOutcome outcome) {
        return LeadTimes.timer("asylum.departure.lead.time", "Time from the hand-over to DT&V to the outcome")
                .tag("outcome", tag(outcome))
                .register(registry);
    }

    private static String tag(DepartureOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}

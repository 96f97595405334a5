package nl.asylumchain.reunification;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code asylum.reunification.decisions{outcome}} and {@code asylum.family.members.arrived}: registered at 0 for
 * every outcome at start-up (so a dashboard shows 0, not "no data"), counted after commit.
 */
@Component
class ReunificationMetrics {

    private final Map<ReunificationOutcome, Counter> decisions = new EnumMap<>(ReunificationOutcome.class);
    private final Counter arrived;

    ReunificationMetrics(MeterRegistry registry) {
        for (ReunificationOutcome outcome : ReunificationOutcome.values()) {
            decisions.put(
                    outcome,
                    Counter.builder("asylum.reunification.decisions")
                            .description(
                                    "Family reunification applications by outcome (granted, rejected, window missed)")
                            .tag("outcome", outcome.name().toLowerCase())
                            .register(registry));
        }
        arrived = Counter.builder("asylum.family.members.arrived")
                .description("Family members who arrived on their mvv and got an own case")
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReunificationDecided decided) {
        decisions.get(decided.outcome()).increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(FamilyMemberArrived arrival) {
        arrived.increment();
    }
}

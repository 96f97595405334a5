package nl.asylumchain.registration;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Track assignments at registration ({@code asylum.tracks.assigned}, docs/monitoring.md). Every track of the
 * trackAssignment table exists from start-up at 0; counted after commit, so an assignment that rolls back counts
 * nothing.
 */
@Component
class RegistrationMetrics {

    /** Tracks that exist in the trackAssignment table (3 and 5 only when the policy switches them on). */
    static final List<Integer> TRACKS = List.of(1, 2, 3, 4, 5);

    private final MeterRegistry registry;

    RegistrationMetrics(MeterRegistry registry) {
        this.registry = registry;
        TRACKS.forEach(this::tracksAssigned);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TrackAssigned assigned) {
        tracksAssigned(assigned.track()).increment();
    }

    private Counter tracksAssigned(int track) {
        return Counter.builder("asylum.tracks.assigned")
                .description("Cases assigned to an IND track (spoor) at registration")
                .tag("track", Integer.toString(track))
                .register(registry);
    }
}

package nl.asylumchain.platform;

import java.time.Duration;

import io.micrometer.core.instrument.Timer;

/**
 * Every lead-time timer of the chain (case, stage, decision, housing, departure) publishes the same histogram
 * buckets: chain lead times run from hours to years, and the dashboards' quantiles need boundaries at the legal
 * periods (8 days, 6, 15 and 21 months …), not Micrometer's default 60-odd buckets per series.
 */
public final class LeadTimes {

    static final Duration[] BUCKETS = {
        Duration.ofHours(1),
        Duration.ofDays(1),
        Duration.ofDays(8),
        Duration.ofDays(14),
        Duration.ofDays(28),
        Duration.ofDays(56),
        Duration.ofDays(91),
        Duration.ofDays(182),
        Duration.ofDays(273),
        Duration.ofDays(365),
        Duration.ofDays(456),
        Duration.ofDays(547),
        Duration.ofDays(639),
        Duration.ofDays(730),
        Duration.ofDays(1095)
    };

    private LeadTimes() {}

    /** A timer builder with the chain's lead-time buckets; add tags and register. */
    public static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS);
    }
}

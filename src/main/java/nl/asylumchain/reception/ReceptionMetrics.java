package nl.asylumchain.reception;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reception gauges, refreshed in the background from the ledger (never a query on scrape):
 * {@code asylum.reception.occupancy} and {@code .capacity} per {@code location_type}, permit holders in reception,
 * unaccompanied minors in Ter Apel.
 */
@Component
class ReceptionMetrics {

    private static final Logger log = LoggerFactory.getLogger(ReceptionMetrics.class);

    private final ReceptionService reception;
    private final Map<LocationType, AtomicLong> occupancy = new EnumMap<>(LocationType.class);
    private final AtomicLong permitHolders = new AtomicLong();
    private final AtomicLong amvTerApel = new AtomicLong();

    ReceptionMetrics(ReceptionService reception, ReceptionProperties properties, MeterRegistry registry) {
        this.reception = reception;
        for (LocationType type : LocationType.values()) {
            AtomicLong value = new AtomicLong();
            occupancy.put(type, value);
            Gauge.builder("asylum.reception.occupancy", value, AtomicLong::get)
                    .description("People in reception by location type (from the occupancy ledger)")
                    .tag("location_type", type.tag())
                    .register(registry);
            int capacity = properties.capacity().of(type);
            Gauge.builder("asylum.reception.capacity", () -> capacity)
                    .description("Configured reception places by location type")
                    .tag("location_type", type.tag())
                    .register(registry);
        }
        Gauge.builder("asylum.reception.permit.holders", permitHolders, AtomicLong::get)
                .description("Permit holders in reception who wait for housing")
                .register(registry);
        Gauge.builder("asylum.reception.amv.ter.apel", amvTerApel, AtomicLong::get)
                .description("Unaccompanied minors in Ter Apel")
                .register(registry);
    }

    @Scheduled(
            initialDelayString = "${asylumchain.monitoring.initial-delay:PT1S}",
            fixedDelayString = "${asylumchain.monitoring.refresh-interval:PT15S}")
    void refresh() {
        try {
            Occupancy now = reception.occupancy();
            for (Occupancy.PerLocationType type : now.locationTypes()) {
                occupancy.get(type.locationType()).set(type.occupancy());
            }
            permitHolders.set(now.total().permitHolders());
            amvTerApel.set(now.terApel().unaccompaniedMinors());
        } catch (RuntimeException e) {
            // a database hiccup leaves the last values standing; the next refresh tries again
            log.warn("Could not refresh the reception gauges: {}", e.getMessage());
        }
    }
}

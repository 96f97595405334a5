package nl.asylumchain.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import nl.asylumchain.platform.LeadTimes;

/**
 * Housing metrics. Counters count after commit and exist at 0 from the start: {@code asylum.permit.holders.housed}
 * ({@code housing} home, temporary), {@code asylum.housing.steps.late} ({@code step} link, offer, move); the timer
 * {@code asylum.housing.lead.time} runs from the permit to the home. Gauges per province for the current
 * half-year, refreshed in the background: {@code asylum.housing.quota.target} (incl. carry-over) and
 * {@code asylum.housing.quota.housed}.
 */
@Component
class HousingMetrics {

    /** The twelve provinces, as tag values; a municipality list with another province adds its tag at start. */
    static final List<String> PROVINCES = List.of(
            "groningen",
            "fryslan",
            "drenthe",
            "overijssel",
            "flevoland",
            "gelderland",
            "utrecht",
            "noord_holland",
            "zuid_holland",
            "zeeland",
            "noord_brabant",
            "limburg");

    private static final Logger log = LoggerFactory.getLogger(HousingMetrics.class);

    private final Map<HousingKind, Counter> housed = new LinkedHashMap<>();
    private final Map<HousingStep, Counter> late = new LinkedHashMap<>();
    private final Timer leadTime;
    private final Map<String, AtomicLong> quotaTarget = new LinkedHashMap<>();
    private final Map<String, AtomicLong> quotaHoused = new LinkedHashMap<>();
    private final QuotaService quotas;
    private final Clock clock;

    HousingMetrics(MeterRegistry registry, QuotaService quotas, MunicipalityCatalogue municipalities, Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
        for (HousingKind kind : HousingKind.values()) {
            housed.put(
                    kind,
                    Counter.builder("asylum.permit.holders.housed")
                            .description("Permit holders who moved into a home or a doorstroomlocatie")
                            .tag("housing", kind.tag())
                            .register(registry));
        }
        for (HousingStep step : HousingStep.values()) {
            late.put(
                    step,
                    Counter.builder("asylum.housing.steps.late")
                            .description("Housing steps that passed their deadline")
                            .tag("step", step.tag())
                            .register(registry));
        }
        leadTime = LeadTimes.timer("asylum.housing.lead.time", "Time from the permit to moving into a home")
                .register(registry);
        List<String> provinces = new java.util.ArrayList<>(PROVINCES);
        municipalities.all().stream()
                .map(Municipality::provinceTag)
                .distinct()
                .filter(tag -> !provinces.contains(tag))
                .forEach(provinces::add);
        for (String province : provinces) {
            AtomicLong target = new AtomicLong();
            AtomicLong done = new AtomicLong();
            quotaTarget.put(province, target);
            quotaHoused.put(province, done);
            Gauge.builder("asylum.housing.quota.target", target, AtomicLong::get)
                    .description("Taakstelling of the current half-year incl. carry-over, by province")
                    .tag("province", province)
                    .register(registry);
            Gauge.builder("asylum.housing.quota.housed", done, AtomicLong::get)
                    .description("Permit holders housed in the current half-year, by province")
                    .tag("province", province)
                    .register(registry);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PermitHolderHoused event) {
        housed.get(event.kind()).increment();
        if (event.leadTime() != null) {
            leadTime.record(event.leadTime());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(HousingStepLate event) {
        late.get(event.step()).increment();
    }

    @Scheduled(
            initialDelayString = "${asylumchain.monitoring.initial-delay:PT1S}",
            fixedDelayString = "${asylumchain.monitoring.refresh-interval:PT15S}")
    void refresh() {
        try {
            HalfYear now = HalfYear.of(LocalDate.now(clock));
            Optional<QuotaReport> report =
                    quotas.targets(now).isPresent() ? Optional.of(quotas.report(now)) : Optional.empty();
            Map<String, long[]> byTag = new LinkedHashMap<>();
            report.ifPresent(r -> r.provinces()
                    .forEach(p ->
                            byTag.merge(Municipality.tag(p.province()), new long[] {p.target(), p.housed()}, (a, b) ->
                                    new long[] {a[0] + b[0], a[1] + b[1]})));
            quotaTarget.forEach((tag, value) -> value.set(byTag.getOrDefault(tag, new long[2])[0]));
            quotaHoused.forEach((tag, value) -> value.set(byTag.getOrDefault(tag, new long[2])[1]));
        } catch (RuntimeException e) {
            log.warn("Could not refresh the housing quota gauges: {}", e.getMessage());
        }
    }
}

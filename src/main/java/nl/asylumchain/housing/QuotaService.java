package nl.asylumchain.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.housing.persistence.HousingRepository;
import nl.asylumchain.housing.persistence.HousingRepository.NationalQuota;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/**
 * The taakstelling: a national number per half-year, split pro rata population ({@link QuotaSplit}); what a
 * municipality did not house carries over to its next half-year, and what it housed beyond its target reduces it.
 * Carry-over is computed, not stored, so a move recorded late still corrects every later half-year.
 */
@Service
public class QuotaService {

    /** Nobody sets a taakstelling this large; a typo must not split it. */
    static final int MAXIMUM_TOTAL = 1_000_000;

    private final HousingRepository repository;
    private final MunicipalityCatalogue municipalities;
    private final Clock clock;

    QuotaService(HousingRepository repository, MunicipalityCatalogue municipalities, Clock clock) {
        this.repository = repository;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** A municipality's target in a half-year: its own quota and what carried over into it. */
    public record Target(int quota, long carriedOver) {
        public long total() {
            return quota + carriedOver;
        }
    }

    @Transactional
    public QuotaReport setQuota(HalfYear halfYear, int total, String setBy) {
        if (total < 0 || total > MAXIMUM_TOTAL) {
            throw new InvalidRequestException("total", "must be between 0 and " + MAXIMUM_TOTAL);
        }
        repository.replaceQuota(
                halfYear.year(),
                halfYear.half(),
                new NationalQuota(total, clock.instant(), setBy),
                QuotaSplit.split(total, municipalities.all()));
        countHoused(halfYear);
        return report(halfYear);
    }

    @Transactional(readOnly = true)
    public QuotaReport report(HalfYear halfYear) {
        NationalQuota national = repository
                .nationalQuota(halfYear.year(), halfYear.half())
                .orElseThrow(() -> new NotFoundException("No taakstelling set for " + halfYear));
        Map<String, Target> targets = targets(halfYear).orElseThrow();
        Map<String, Long> linked =
                repository.linkedBetween(halfYear.start(clock.getZone()), halfYear.end(clock.getZone()));
        Map<String, Long> housed =
                repository.housedBetween(halfYear.start(clock.getZone()), halfYear.end(clock.getZone()));
        List<QuotaReport.PerMunicipality> rows = new ArrayList<>();
        Map<String, long[]> provinces = new TreeMap<>();
        for (Municipality m : municipalities.all()) {
            Target target = targets.getOrDefault(m.code(), new Target(0, 0));
            long l = linked.getOrDefault(m.code(), 0L);
            long h = housed.getOrDefault(m.code(), 0L);
            rows.add(new QuotaReport.PerMunicipality(
                    m.code(),
                    m.name(),
                    m.province(),
                    m.population(),
                    target.quota(),
                    target.carriedOver(),
                    target.total(),
                    l,
                    h,
                    target.total() - h));
            long[] p = provinces.computeIfAbsent(m.province(), k -> new long[5]);
            p[0] += target.quota();
            p[1] += target.carriedOver();
            p[2] += target.total();
            p[3] += l;
            p[4] += h;
        }
        List<QuotaReport.PerProvince> perProvince = provinces.entrySet().stream()
                .map(e -> new QuotaReport.PerProvince(
                        e.getKey(),
                        (int) e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4],
                        e.getValue()[2] - e.getValue()[4]))
                .toList();
        return new QuotaReport(
                halfYear.toString(),
                halfYear.year(),
                halfYear.half() == 1 ? "I" : "II",
                national.total(),
                national.setAt(),
                rows.stream()
                        .mapToLong(QuotaReport.PerMunicipality::carriedOver)
                        .sum(),
                rows.stream().mapToLong(QuotaReport.PerMunicipality::target).sum(),
                rows.stream().mapToLong(QuotaReport.PerMunicipality::linked).sum(),
                rows.stream().mapToLong(QuotaReport.PerMunicipality::housed).sum(),
                perProvince,
                rows);
    }

    /**
     * Each municipality's target in the half-year, or empty when no taakstelling is set for it. The carry-over goes
     * back through the consecutive half-years that have one.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, Target>> targets(HalfYear halfYear) {
        if (repository.nationalQuota(halfYear.year(), halfYear.half()).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> quotas = repository.municipalityQuotas(halfYear.year(), halfYear.half());
        Map<String, Long> carried = new HashMap<>();
        HalfYear previous = halfYear.previous();
        targets(previous).ifPresent(before -> {
            Map<String, Long> housed = housedIn(previous);
            before.forEach((code, target) -> carried.put(code, target.total() - housed.getOrDefault(code, 0L)));
        });
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Municipality m : municipalities.all()) {
            targets.put(m.code(), new Target(quotas.getOrDefault(m.code(), 0), carried.getOrDefault(m.code(), 0L)));
        }
        return Optional.of(targets);
    }

    /**
     * Counts the people housed in every half-year whose taakstelling has no count yet (set before the count was kept,
     * {@code V26__housing_quota_housed.sql}); from then on each move out of reception adds itself. At start-up.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void countHousedWhereNotCounted() {
        for (int[] half : repository.halfYearsNotCounted()) {
            countHoused(new HalfYear(half[0], half[1]));
        }
    }

    private void countHoused(HalfYear halfYear) {
        repository.countHoused(
                halfYear.year(), halfYear.half(), halfYear.start(clock.getZone()), halfYear.end(clock.getZone()));
    }

    /** Per municipality with a taakstelling: the people who left reception for it in the half-year. */
    private Map<String, Long> housedIn(HalfYear halfYear) {
        return repository.housedIn(
                halfYear.year(), halfYear.half(), halfYear.start(clock.getZone()), halfYear.end(clock.getZone()));
    }

    /** A proposal for a link: the municipality with the largest open share of its target now. */
    public record Proposal(Municipality municipality, long open, long target) {
        public double openShare() {
            return target <= 0 ? 0 : (double) open / target;
        }
    }

    /**
     * The best municipality in the whole country first, then the best of each province ("region"). Open = target of
     * the current half-year minus the people already housed in it and those linked who still wait. Empty when no
     * taakstelling is set for the current half-year or nobody has room left.
     */
    @Transactional(readOnly = true)
    public List<Proposal> proposals() {
        HalfYear now = HalfYear.of(LocalDate.now(clock));
        Optional<Map<String, Target>> targets = targets(now);
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<String, Long> housed = housedIn(now);
        Map<String, Long> waiting = repository.waiting();
        List<Proposal> candidates = new ArrayList<>();
        for (Municipality m : municipalities.all()) {
            long target = targets.get().getOrDefault(m.code(), new Target(0, 0)).total();
            long open = target - housed.getOrDefault(m.code(), 0L) - waiting.getOrDefault(m.code(), 0L);
            if (target > 0 && open > 0) {
                candidates.add(new Proposal(m, open, target));
            }
        }
        Comparator<Proposal> best = Comparator.comparingDouble(Proposal::openShare)
                .reversed()
                .thenComparing(Comparator.comparingLong(Proposal::open).reversed())
                .thenComparing(p -> p.municipality().code());
        candidates.sort(best);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Proposal> result = new ArrayList<>();
        result.add(candidates.get(0));
        Map<String, Proposal> perProvince = new TreeMap<>();
        for (Proposal p : candidates) {
            perProvince.putIfAbsent(p.municipality().province(), p);
        }
        result.addAll(perProvince.values());
        return result;
    }
}

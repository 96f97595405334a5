package nl.asylumchain.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseFile.LinkRole;
import nl.asylumchain.casefile.CaseFile.LinkedCase;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.CaseFiles.PlacementFacts;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.MilestoneReached;
import nl.asylumchain.reception.PlacementRules.Sponsor;
import nl.asylumchain.reception.ReceptionMoved.Move;
import nl.asylumchain.reception.persistence.ReceptionLedger;
import nl.asylumchain.reception.persistence.ReceptionLedger.MoveRow;
import nl.asylumchain.reception.persistence.ReceptionLedger.Occupants;

/**
 * Moves people through reception as their case reaches milestones, and keeps every move in the ledger within the
 * transaction of the step that caused it. Over capacity never stops a move: it shows in the occupancy.
 */
@Service
public class ReceptionService {

    /** The step a Nidos guardian's placement choice is recorded under (not a case milestone). */
    public static final String GUARDIAN_APPOINTED = "GUARDIAN_APPOINTED";

    /** The step a stay restored for a case a forecast placed is recorded under ({@link #restoreStay}). */
    public static final String PLACED = "PLACED";

    /**
     * Steps at which the DMN decides the location. {@code DEPARTURE_SUSPENDED} is one: while interim relief lets the
     * appeal be awaited here the person is an asylum seeker entitled to reception again (Rva 2005 art. 3 and 7), not
     * someone whose departure period ran out.
     */
    static final Set<Milestone> PLACEMENT_STEPS = Set.of(
            Milestone.REGISTERED,
            Milestone.REST_PERIOD_STARTED,
            Milestone.PROCEDURE_STARTED,
            Milestone.EXTENDED_PROCEDURE_STARTED,
            Milestone.PERMIT_GRANTED,
            Milestone.REJECTION_FINAL,
            Milestone.REJECTION_ENFORCEABLE,
            Milestone.DEPARTURE_PERIOD_ENDED,
            Milestone.DEPARTURE_SUSPENDED);
    /** Steps at which the person leaves reception. */
    static final Set<Milestone> LEAVING_STEPS = Set.of(Milestone.TEMPORARY_HOUSING, Milestone.HOUSED, Milestone.CLOSED);
    /** Steps at which a permit holder left reception for housing (a family member who arrives joins them there). */
    static final Set<String> HOUSING_STEPS = Set.of(Milestone.TEMPORARY_HOUSING.name(), Milestone.HOUSED.name());

    private final ReceptionLedger ledger;
    private final PlacementRules placement;
    private final CaseFiles caseFile;
    private final ApplicationEventPublisher events;
    private final ReceptionProperties properties;
    private final Clock clock;

    ReceptionService(
            ReceptionLedger ledger,
            PlacementRules placement,
            CaseFiles caseFile,
            ApplicationEventPublisher events,
            ReceptionProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.placement = placement;
        this.caseFile = caseFile;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** In the step's transaction: a failing move rolls the step back, so ledger and chain never disagree. */
    @EventListener
    void on(MilestoneReached reached) {
        if (PLACEMENT_STEPS.contains(reached.milestone())) {
            place(reached.caseId(), reached.milestone().name(), reached.at());
        } else if (LEAVING_STEPS.contains(reached.milestone())) {
            leave(reached.caseId(), reached.milestone().name(), reached.at());
        } else if (reached.milestone() == Milestone.VBL_STAY_ENDED && inVbl(reached.caseId())) {
            // the VBL place ends after its maximum stay (asylumchain.departure.vbl-maximum-stay, 12 weeks): the person
            // leaves reception while DT&V's case runs on; a family location has no limit
            leave(reached.caseId(), reached.milestone().name(), reached.at());
        }
    }

    private boolean inVbl(UUID caseId) {
        return ledger.latest(caseId)
                .filter(row -> !Move.OUT.name().equals(row.move()))
                .filter(row -> LocationType.VBL.name().equals(row.to()))
                .isPresent();
    }

    /** Where the DMN would place the person at this step now (for a Nidos guardian: the proposal). */
    @Transactional(readOnly = true)
    public Optional<LocationType> proposal(UUID caseId, String step) {
        return caseFile.placementFacts(caseId)
                .flatMap(facts -> decide(facts, sponsor(sponsorOf(caseId)), current(caseId), step, clock.instant()));
    }

    /** The Nidos guardian placed an unaccompanied minor: a foster family or COA amv reception. */
    @Transactional
    public void placeUnaccompaniedMinor(UUID caseId, LocationType chosen) {
        if (!chosen.forUnaccompaniedMinors()) {
            throw new IllegalArgumentException(chosen + " is not a placement for unaccompanied minors");
        }
        caseFile.placementFacts(caseId)
                .ifPresent(facts -> moveTo(caseId, facts, chosen, GUARDIAN_APPOINTED, false, clock.instant()));
    }

    /** Where the person stays in reception now; empty when they are not in reception. */
    @Transactional(readOnly = true)
    public Optional<ReceptionStay> stay(UUID caseId) {
        return ledger.latest(caseId)
                .filter(row -> !Move.OUT.name().equals(row.move()))
                .map(ReceptionService::stayOf);
    }

    private static ReceptionStay stayOf(MoveRow row) {
        return new ReceptionStay(LocationType.valueOf(row.to()), row.permitHolder(), row.unaccompaniedMinor());
    }

    /**
     * A case placed in a forecast "from now" stays where the running system had the person ({@code stay}; null: not in
     * reception), whatever the placement's way through the models did to reception: moved there now (step
     * {@link #PLACED}), or out of reception. Nothing changes when the person is there already.
     */
    @Transactional
    public void restoreStay(UUID caseId, ReceptionStay stay) {
        Instant now = clock.instant();
        if (stay == null) {
            leave(caseId, PLACED, now);
            return;
        }
        Optional<MoveRow> latest = ledger.latest(caseId);
        Optional<MoveRow> current = latest.filter(row -> !Move.OUT.name().equals(row.move()));
        if (current.map(ReceptionService::stayOf).filter(stay::equals).isPresent()) {
            return;
        }
        String site = stay.locationType() == LocationType.COL
                ? caseFile.placementFacts(caseId)
                        .map(facts -> site(facts.arrivalLocation()))
                        .orElse(null)
                : null;
        record(
                caseId,
                latest,
                current,
                stay.locationType(),
                site,
                PLACED,
                stay.permitHolder(),
                stay.unaccompaniedMinor(),
                now);
    }

    private void place(UUID caseId, String step, Instant at) {
        Optional<UUID> sponsorCase = sponsorOf(caseId);
        Sponsor sponsor = sponsor(sponsorCase);
        LocationType current = current(caseId);
        caseFile.placementFacts(caseId)
                .ifPresent(facts -> decide(facts, sponsor, current, step, at).ifPresent(type -> {
                    LocationType target = type;
                    // an amv already with a foster family or in amv reception stays where the guardian placed them
                    if (target.forUnaccompaniedMinors() && current != null && current.forUnaccompaniedMinors()) {
                        target = current;
                    }
                    // a family member who arrived through family reunification holds a permit derived from the
                    // sponsor's
                    boolean permitHolder = Milestone.PERMIT_GRANTED.name().equals(step) || sponsorCase.isPresent();
                    moveTo(caseId, facts, target, step, permitHolder, at);
                }));
    }

    private Optional<LocationType> decide(
            PlacementFacts facts, Sponsor sponsor, LocationType current, String step, Instant at) {
        return placement.locationType(
                step, facts.unaccompaniedMinor(), age(facts, at), facts.familyWithChildren(), sponsor, current);
    }

    /** Where the person stays now (their latest row), null when they are not in reception. */
    private LocationType current(UUID caseId) {
        return ledger.latest(caseId)
                .filter(row -> !Move.OUT.name().equals(row.move()))
                .map(row -> LocationType.valueOf(row.to()))
                .orElse(null);
    }

    /**
     * Where the sponsor of a family member is, from their latest move: moved out of reception to a home or a
     * doorstroomlocatie, or (any other row, or none) still to be housed from reception.
     */
    private Sponsor sponsor(Optional<UUID> sponsorCase) {
        return sponsorCase
                .map(sponsor -> ledger.latest(sponsor)
                        .filter(row -> Move.OUT.name().equals(row.move()) && HOUSING_STEPS.contains(row.step()))
                        .map(row -> Sponsor.HOUSED)
                        .orElse(Sponsor.IN_RECEPTION))
                .orElse(Sponsor.NONE);
    }

    /** The sponsor's case, when this person arrived through family reunification (a linked case). */
    private Optional<UUID> sponsorOf(UUID caseId) {
        return caseFile.linkedCases(caseId).stream()
                .filter(link -> link.link() == LinkRole.SPONSOR)
                .map(LinkedCase::caseId)
                .findFirst();
    }

    private void moveTo(
            UUID caseId,
            PlacementFacts facts,
            LocationType target,
            String step,
            boolean becomesPermitHolder,
            Instant at) {
        Optional<MoveRow> latest = ledger.latest(caseId);
        Optional<MoveRow> current = latest.filter(row -> !Move.OUT.name().equals(row.move()));
        boolean permitHolder =
                becomesPermitHolder || current.map(MoveRow::permitHolder).orElse(false);
        boolean minor = facts.unaccompaniedMinor() && age(facts, at) < 18;
        String site = target == LocationType.COL ? site(facts.arrivalLocation()) : null;
        if (current.isPresent()
                && target.name().equals(current.get().to())
                && permitHolder == current.get().permitHolder()
                && minor == current.get().unaccompaniedMinor()) {
            return;
        }
        record(caseId, latest, current, target, site, step, permitHolder, minor, at);
    }

    /** A move in or to another place: the ledger's next row and its event. */
    private void record(
            UUID caseId,
            Optional<MoveRow> latest,
            Optional<MoveRow> current,
            LocationType target,
            String site,
            String step,
            boolean permitHolder,
            boolean minor,
            Instant at) {
        Move move = current.isPresent() ? Move.TRANSFER : Move.IN;
        LocationType from = current.map(row -> LocationType.valueOf(row.to())).orElse(null);
        int moveNo = latest.map(MoveRow::moveNo).orElse(0) + 1;
        ledger.insert(new MoveRow(
                caseId,
                moveNo,
                move.name(),
                from == null ? null : from.name(),
                target.name(),
                site,
                step,
                permitHolder,
                minor,
                at));
        events.publishEvent(new ReceptionMoved(caseId, move, from, target, permitHolder, minor, step, at));
    }

    private void leave(UUID caseId, String step, Instant at) {
        Optional<MoveRow> latest = ledger.latest(caseId);
        if (latest.isEmpty() || Move.OUT.name().equals(latest.get().move())) {
            return;
        }
        MoveRow current = latest.get();
        ledger.insert(new MoveRow(
                caseId,
                current.moveNo() + 1,
                Move.OUT.name(),
                current.to(),
                null,
                null,
                step,
                current.permitHolder(),
                current.unaccompaniedMinor(),
                at));
        events.publishEvent(new ReceptionMoved(
                caseId,
                Move.OUT,
                LocationType.valueOf(current.to()),
                null,
                current.permitHolder(),
                current.unaccompaniedMinor(),
                step,
                at));
    }

    /** Reception now, per location type and in Ter Apel, against the configured capacities. */
    @Transactional(readOnly = true)
    public Occupancy occupancy() {
        ReceptionProperties.Capacity capacity = properties.capacity();
        Map<LocationType, long[]> counts = new EnumMap<>(LocationType.class);
        for (LocationType type : LocationType.values()) {
            counts.put(type, new long[3]);
        }
        long terApel = 0;
        long amvTerApel = 0;
        for (Occupants occupants : ledger.occupants()) {
            long[] c = counts.get(LocationType.valueOf(occupants.locationType()));
            c[0] += occupants.people();
            c[1] += occupants.permitHolders();
            c[2] += occupants.minors();
            if (TER_APEL.equals(occupants.site())) {
                terApel += occupants.people();
                amvTerApel += occupants.minors();
            }
        }
        List<Occupancy.PerLocationType> perType = new ArrayList<>();
        long total = 0;
        long permitHolders = 0;
        for (LocationType type : LocationType.values()) {
            long[] c = counts.get(type);
            perType.add(
                    new Occupancy.PerLocationType(type, c[0], capacity.of(type), c[1], c[2], c[0] > capacity.of(type)));
            total += c[0];
            permitHolders += c[1];
        }
        return new Occupancy(
                clock.instant(),
                perType,
                new Occupancy.Total(total, capacity.total(), permitHolders, total > capacity.total()),
                new Occupancy.TerApel(
                        terApel,
                        capacity.terApel(),
                        amvTerApel,
                        capacity.amvTerApel(),
                        capacity.amvTerApelMaximum(),
                        terApel > capacity.terApel(),
                        amvTerApel > capacity.amvTerApelMaximum()));
    }

    /** A person's moves through reception, oldest first. */
    @Transactional(readOnly = true)
    List<MoveRow> history(UUID caseId) {
        return ledger.history(caseId);
    }

    static final String TER_APEL = ArrivalLocation.TER_APEL.name();

    /** Air arrivals report at Schiphol and go on to the COL in Ter Apel. */
    private static String site(ArrivalLocation arrival) {
        return arrival == ArrivalLocation.BUDEL ? ArrivalLocation.BUDEL.name() : TER_APEL;
    }

    private int age(PlacementFacts facts, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        return Math.max(0, Period.between(facts.birthDate(), day).getYears());
    }
}

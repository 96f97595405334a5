package nl.asylumchain.housing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseFileService;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.housing.QuotaService.Proposal;
import nl.asylumchain.housing.persistence.HousingRepository;
import nl.asylumchain.housing.persistence.HousingRepository.HousingCase;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The steps of housing a permit holder, each in the transaction of its process step: the proposal, the link, a late
 * step, the move into a doorstroomlocatie or a home. Moving out of reception is told to the chain as a milestone
 * (TEMPORARY_HOUSING, HOUSED), on which reception writes the ledger's OUT row. Family members who arrive through
 * family reunification follow their sponsor ({@link #followSponsor}).
 */
@Service
public class HousingService {

    private final HousingRepository repository;
    private final QuotaService quotas;
    private final MunicipalityCatalogue municipalities;
    private final CaseFileService caseFile;
    private final ApplicationEventPublisher events;
    private final HousingProperties properties;
    private final Clock clock;

    HousingService(HousingRepository repository, QuotaService quotas, MunicipalityCatalogue municipalities,
            CaseFileService caseFile, ApplicationEventPublisher events, HousingProperties properties, Clock clock) {
        this.repository = repository;
        this.quotas = quotas;
        this.municipalities = municipalities;
        this.caseFile = caseFile;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the link form shows: the proposal (may be empty: no taakstelling set), and the best per province. */
    public record LinkProposal(Optional<Municipality> municipality, String summary, String perProvince) {
    }

    /** Housing starts at the permit: records it and proposes a municipality. */
    @Transactional
    public LinkProposal start(UUID caseId) {
        List<Proposal> proposals = quotas.proposals();
        Optional<Proposal> best = proposals.stream().findFirst();
        repository.start(caseId, clock.instant(), best.map(p -> p.municipality().code()).orElse(null));
        String perProvince = proposals.stream().skip(1).map(HousingService::describe)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return new LinkProposal(best.map(Proposal::municipality),
                best.map(HousingService::describe).orElse("Geen voorstel: geen taakstelling voor dit halfjaar"),
                perProvince);
    }

    private static String describe(Proposal p) {
        return String.format(Locale.ROOT, "%s %s (%s): %d van %d open (%.0f%%)", p.municipality().code(),
                p.municipality().name(), p.municipality().province(), p.open(), p.target(), 100 * p.openShare());
    }

    /**
     * COA links the permit holder to a municipality. Another municipality than the proposal needs a reason; an
     * unknown code is refused. Both leave the task open.
     */
    @Transactional
    public Municipality link(UUID caseId, String code, String reason) {
        Municipality municipality = municipalities.find(code == null ? null : code.strip())
                .orElseThrow(() -> new InvalidRequestException("municipalityCode",
                        "unknown municipality code '" + (code == null ? "" : code.strip()) + "'"));
        HousingCase housing = housingCase(caseId);
        boolean other = housing.proposedCode() != null && !housing.proposedCode().equals(municipality.code());
        if (other && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException("linkReason", "a reason is needed to link to " + municipality.code()
                    + " instead of the proposed " + housing.proposedCode());
        }
        repository.link(caseId, municipality.code(), reason == null || reason.isBlank() ? null : reason.strip(),
                clock.instant());
        caseFile.reachMilestone(caseId, Milestone.MUNICIPALITY_LINKED);
        return municipality;
    }

    /** A step passed its deadline: recorded and counted; the step itself goes on. */
    @Transactional
    public void recordLate(UUID caseId, HousingStep step) {
        repository.late(caseId, step.name(), clock.instant());
        events.publishEvent(new HousingStepLate(caseId, step));
    }

    /** Moved into a doorstroomlocatie: the reception place is free, it counts for the quota, a home is still owed. */
    @Transactional
    public void moveToTemporaryHousing(UUID caseId, LocalDate moveDate) {
        requireMoveDateNotInTheFuture(moveDate);
        HousingCase housing = linkedCase(caseId);
        if (housing.leftReceptionAt() != null) {
            return;
        }
        Instant now = clock.instant();
        repository.leaveReception(caseId, HousingKind.TEMPORARY.name(), now,
                LocalDate.now(clock).plus(properties.temporaryHousingPeriod()), moveDate);
        caseFile.reachMilestone(caseId, Milestone.TEMPORARY_HOUSING);
        events.publishEvent(new PermitHolderHoused(caseId, HousingKind.TEMPORARY, housing.municipalityCode(), null));
    }

    /** Moved into a home in the municipality (from reception, or from a doorstroomlocatie). */
    @Transactional
    public void house(UUID caseId, LocalDate moveDate) {
        requireMoveDateNotInTheFuture(moveDate);
        HousingCase housing = linkedCase(caseId);
        if (housing.housedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        if (housing.leftReceptionAt() == null) {
            repository.leaveReception(caseId, HousingKind.HOME.name(), now, null, moveDate);
        }
        repository.housed(caseId, now, moveDate);
        caseFile.reachMilestone(caseId, Milestone.HOUSED);
        events.publishEvent(new PermitHolderHoused(caseId, HousingKind.HOME, housing.municipalityCode(),
                Duration.between(housing.permitAt(), now)));
    }

    /**
     * A family member who arrived through family reunification (a linked case) lives where the sponsor lives, and is
     * brought level with the sponsor here: linked to the sponsor's municipality once the sponsor is linked, into the
     * doorstroomlocatie when the sponsor is there, into the home when the sponsor is housed. Each step counts for
     * that municipality's quota like any permit holder's and reaches the same milestone on the member's case
     * (MUNICIPALITY_LINKED, TEMPORARY_HOUSING, HOUSED; the last two end a reception stay). Their housing is recorded
     * from their arrival (their derived permit), so the lead time runs from there. Called at the member's arrival
     * and at each of the sponsor's housing steps, in that step's transaction; repeating it changes nothing.
     */
    @Transactional
    void followSponsor(UUID memberCaseId, UUID sponsorCaseId) {
        Instant now = clock.instant();
        if (repository.find(memberCaseId).isEmpty()) {
            repository.start(memberCaseId, now, null);
        }
        Optional<HousingCase> sponsor = repository.find(sponsorCaseId);
        if (sponsor.isEmpty() || sponsor.get().municipalityCode() == null) {
            return;
        }
        HousingCase member = housingCase(memberCaseId);
        if (member.municipalityCode() == null) {
            link(memberCaseId, sponsor.get().municipalityCode(), FAMILY_REUNIFICATION_LINK);
        }
        if (sponsor.get().housedAt() != null) {
            house(memberCaseId, moveDate(member, sponsor.get().housedAt(), sponsor.get().moveDate()));
        } else if (sponsor.get().leftReceptionAt() != null) {
            moveToTemporaryHousing(memberCaseId,
                    moveDate(member, sponsor.get().leftReceptionAt(), sponsor.get().moveDate()));
        }
    }

    /** The reason recorded on the link of a family member who follows the sponsor to the sponsor's municipality. */
    static final String FAMILY_REUNIFICATION_LINK = "Gezinshereniging: woont bij de referent";

    /** Moving with the sponsor: the sponsor's move date; arriving after the sponsor moved: the day of the arrival. */
    private LocalDate moveDate(HousingCase member, Instant sponsorMovedAt, LocalDate sponsorMoveDate) {
        return member.permitAt().isAfter(sponsorMovedAt) || sponsorMoveDate == null ? LocalDate.now(clock)
                : sponsorMoveDate;
    }

    /** The municipality confirms a move that happened: a date in the future is a typing error, refused. */
    private void requireMoveDateNotInTheFuture(LocalDate moveDate) {
        if (moveDate != null && moveDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("moveDate", "must not be in the future");
        }
    }

    private HousingCase housingCase(UUID caseId) {
        return repository.find(caseId)
                .orElseThrow(() -> new IllegalStateException("Housing of case " + caseId + " has not started"));
    }

    private HousingCase linkedCase(UUID caseId) {
        HousingCase housing = housingCase(caseId);
        if (housing.municipalityCode() == null) {
            throw new IllegalStateException("Case " + caseId + " is not linked to a municipality");
        }
        return housing;
    }
}

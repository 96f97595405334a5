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

import nl.asylumchain.casefile.CaseFile.LinkRole;
import nl.asylumchain.casefile.CaseFile.LinkedCase;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.housing.QuotaService.Proposal;
import nl.asylumchain.housing.persistence.HousingRepository;
import nl.asylumchain.housing.persistence.HousingRepository.HousingCase;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The steps of housing a permit holder, each in the transaction of its process step: the proposal, the link, a late
 * step, the move into a doorstroomlocatie or a home. Moving out of reception is told to the chain as a milestone
 * (TEMPORARY_HOUSING, HOUSED), on which reception writes the ledger's OUT row. A household moves together: family
 * members who arrived through family reunification follow their sponsor ({@link #followSponsor}) in the sponsor's
 * step, called here and not through a milestone that comes back.
 */
@Service
public class HousingService {

    private final HousingRepository repository;
    private final QuotaService quotas;
    private final MunicipalityCatalogue municipalities;
    private final CaseProgress progress;
    private final CaseFiles caseFiles;
    private final ApplicationEventPublisher events;
    private final HousingProperties properties;
    private final Clock clock;

    HousingService(
            HousingRepository repository,
            QuotaService quotas,
            MunicipalityCatalogue municipalities,
            CaseProgress progress,
            CaseFiles caseFiles,
            ApplicationEventPublisher events,
            HousingProperties properties,
            Clock clock) {
        this.repository = repository;
        this.quotas = quotas;
        this.municipalities = municipalities;
        this.progress = progress;
        this.caseFiles = caseFiles;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the link form shows: the proposal (may be empty: no taakstelling set), and the best per province. */
    public record LinkProposal(Optional<Municipality> municipality, String summary, String perProvince) {}

    /** Housing starts at the permit: records it and proposes a municipality. */
    @Transactional
    public LinkProposal start(UUID caseId) {
        List<Proposal> proposals = quotas.proposals();
        Optional<Proposal> best = proposals.stream().findFirst();
        repository.start(
                caseId, clock.instant(), best.map(p -> p.municipality().code()).orElse(null));
        String perProvince = proposals.stream()
                .skip(1)
                .map(HousingService::describe)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        return new LinkProposal(
                best.map(Proposal::municipality),
                best.map(HousingService::describe).orElse("Geen voorstel: geen taakstelling voor dit halfjaar"),
                perProvince);
    }

    private static String describe(Proposal p) {
        return String.format(
                Locale.ROOT,
                "%s %s (%s): %d van %d open (%.0f%%)",
                p.municipality().code(),
                p.municipality().name(),
                p.municipality().province(),
                p.open(),
                p.target(),
                100 * p.openShare());
    }

    /**
     * COA links the permit holder to a municipality. Another municipality than the proposal needs a reason; an
     * unknown code is refused. Both leave the task open. The household's arrived family members are linked along.
     */
    @Transactional
    public Municipality link(UUID caseId, String code, String reason) {
        Municipality municipality = municipalities
                .find(code == null ? null : code.strip())
                .orElseThrow(() -> new InvalidRequestException(
                        "municipalityCode", "unknown municipality code '" + (code == null ? "" : code.strip()) + "'"));
        HousingCase housing = housingCase(caseId);
        boolean other =
                housing.proposedCode() != null && !housing.proposedCode().equals(municipality.code());
        if (other && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException(
                    "linkReason",
                    "a reason is needed to link to " + municipality.code() + " instead of the proposed "
                            + housing.proposedCode());
        }
        linkTo(caseId, municipality.code(), reason);
        moveHouseholdWith(caseId);
        return municipality;
    }

    private void linkTo(UUID caseId, String municipalityCode, String reason) {
        repository.link(
                caseId, municipalityCode, reason == null || reason.isBlank() ? null : reason.strip(), clock.instant());
        progress.reachMilestone(caseId, Milestone.MUNICIPALITY_LINKED);
    }

    /** A step passed its deadline: recorded and counted; the step itself goes on. */
    @Transactional
    public void recordLate(UUID caseId, HousingStep step) {
        repository.late(caseId, step.name(), clock.instant());
        events.publishEvent(new HousingStepLate(caseId, step));
    }

    /**
     * Moved into a doorstroomlocatie: the reception place is free, it counts for the quota, a home is still owed. The
     * household's arrived family members move along.
     */
    @Transactional
    public void moveToTemporaryHousing(UUID caseId, LocalDate moveDate) {
        requireMoveDateNotInTheFuture(moveDate);
        if (moveToTemporaryHousingOnce(caseId, moveDate)) {
            moveHouseholdWith(caseId);
        }
    }

    /** The move itself; false when the person had left reception already. */
    private boolean moveToTemporaryHousingOnce(UUID caseId, LocalDate moveDate) {
        HousingCase housing = linkedCase(caseId);
        if (housing.leftReceptionAt() != null) {
            return false;
        }
        Instant now = clock.instant();
        if (!leaveReception(
                caseId,
                HousingKind.TEMPORARY,
                now,
                LocalDate.now(clock).plus(properties.temporaryHousingPeriod()),
                moveDate)) {
            return false;
        }
        progress.reachMilestone(caseId, Milestone.TEMPORARY_HOUSING);
        events.publishEvent(new PermitHolderHoused(caseId, HousingKind.TEMPORARY, housing.municipalityCode(), null));
        return true;
    }

    /**
     * Moved into a home in the municipality (from reception, or from a doorstroomlocatie). The household's arrived
     * family members move in along.
     */
    @Transactional
    public void house(UUID caseId, LocalDate moveDate) {
        requireMoveDateNotInTheFuture(moveDate);
        if (houseOnce(caseId, moveDate)) {
            moveHouseholdWith(caseId);
        }
    }

    /** The move itself; false when the person was housed already. */
    private boolean houseOnce(UUID caseId, LocalDate moveDate) {
        HousingCase housing = linkedCase(caseId);
        if (housing.housedAt() != null) {
            return false;
        }
        Instant now = clock.instant();
        if (housing.leftReceptionAt() == null) {
            leaveReception(caseId, HousingKind.HOME, now, null, moveDate);
        }
        repository.housed(caseId, now, moveDate);
        progress.reachMilestone(caseId, Milestone.HOUSED);
        events.publishEvent(new PermitHolderHoused(
                caseId, HousingKind.HOME, housing.municipalityCode(), Duration.between(housing.permitAt(), now)));
        return true;
    }

    /**
     * A household moves together: after the sponsor's step, each family member who arrived through family
     * reunification (a linked case) is brought level with them, in the same transaction.
     */
    private void moveHouseholdWith(UUID sponsorCaseId) {
        caseFiles.linkedCases(sponsorCaseId).stream()
                .filter(link -> link.link() == LinkRole.FAMILY_MEMBER)
                .map(LinkedCase::caseId)
                .forEach(member -> followSponsor(member, sponsorCaseId));
    }

    /**
     * A family member who arrived through family reunification (a linked case) lives where the sponsor lives, and is
     * brought level with the sponsor here: linked to the sponsor's municipality once the sponsor is linked, into the
     * doorstroomlocatie when the sponsor is there, into the home when the sponsor is housed. Each step counts for
     * that municipality's quota like any permit holder's and reaches the same milestone on the member's case
     * (MUNICIPALITY_LINKED, TEMPORARY_HOUSING, HOUSED; the last two end a reception stay). Their housing is recorded
     * from their arrival (their derived permit), so the lead time runs from there. Moved into the home, the member's
     * own case is closed (it has no chain process that would close it). Called at the member's arrival and at each
     * of the sponsor's housing steps, in that step's transaction; repeating it changes nothing.
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
            linkTo(memberCaseId, sponsor.get().municipalityCode(), FAMILY_REUNIFICATION_LINK);
        }
        if (sponsor.get().housedAt() != null) {
            if (houseOnce(
                    memberCaseId,
                    moveDate(member, sponsor.get().housedAt(), sponsor.get().moveDate()))) {
                progress.closeHousedFamilyMember(memberCaseId);
            }
        } else if (sponsor.get().leftReceptionAt() != null) {
            moveToTemporaryHousingOnce(
                    memberCaseId,
                    moveDate(
                            member,
                            sponsor.get().leftReceptionAt(),
                            sponsor.get().moveDate()));
        }
    }

    /**
     * A permit holder placed in the chain with their housing done: a nareis sponsor in a forecast's start stock or
     * snapshot, who lives in a municipality already. Recorded as linked to and housed in a municipality drawn pro rata
     * population ({@code roll} from 0 up to 1, exclusive), now, and the case reaches HOUSED, at which reception ends a
     * stay the person has. Family members who arrive later follow them into that home ({@link #followSponsor}). No
     * event: the move is no figure of the housing weeks that follow. Repeating it changes nothing.
     */
    @Transactional
    public void placeHoused(UUID caseId, double roll) {
        if (repository.find(caseId).map(HousingCase::housedAt).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        String code = municipalities.byPopulation(roll).code();
        LocalDate moveDate = LocalDate.now(clock);
        repository.start(caseId, now, code);
        repository.link(caseId, code, PLACED_HOUSED_LINK, now);
        leaveReception(caseId, HousingKind.HOME, now, null, moveDate);
        repository.housed(caseId, now, moveDate);
        progress.reachMilestone(caseId, Milestone.HOUSED);
    }

    /**
     * Out of reception now, counted toward the municipality's taakstelling of the half-year it happens in; false when
     * the person had left already.
     */
    private boolean leaveReception(
            UUID caseId, HousingKind kind, Instant now, LocalDate temporaryUntil, LocalDate moveDate) {
        HalfYear half = HalfYear.of(LocalDate.ofInstant(now, clock.getZone()));
        return repository.leaveReception(caseId, kind.name(), now, temporaryUntil, moveDate, half.year(), half.half());
    }

    /** The reason recorded on the link of a permit holder placed with their housing done. */
    static final String PLACED_HOUSED_LINK = "Geplaatst als gehuisveste statushouder";

    /** The reason recorded on the link of a family member who follows the sponsor to the sponsor's municipality. */
    static final String FAMILY_REUNIFICATION_LINK = "Gezinshereniging: woont bij de referent";

    /** Moving with the sponsor: the sponsor's move date; arriving after the sponsor moved: the day of the arrival. */
    private LocalDate moveDate(HousingCase member, Instant sponsorMovedAt, LocalDate sponsorMoveDate) {
        return member.permitAt().isAfter(sponsorMovedAt) || sponsorMoveDate == null
                ? LocalDate.now(clock)
                : sponsorMoveDate;
    }

    /** The municipality confirms a move that happened: a date in the future is a typing error, refused. */
    private void requireMoveDateNotInTheFuture(LocalDate moveDate) {
        if (moveDate != null && moveDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("moveDate", "must not be in the future");
        }
    }

    private HousingCase housingCase(UUID caseId) {
        return repository
                .find(caseId)
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

package nl.asylumchain.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.persistence.PolicyHoldRepository;
import nl.asylumchain.decision.persistence.PolicyHoldRepository.ParkedRecord;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;
import nl.asylumchain.platform.RowIds;

/**
 * Policy holds: a team lead parks every case of a category at its next IND step; new cases of the category park
 * too; releasing the hold lets them go on where they were, with the time on hold added to their decision deadline.
 * A parked case keeps its priority, so it keeps its place among the other cases. The categories are DMN
 * holdCategory's: a hold names one of its declared output values, and a case belongs to the categories the table
 * gives for its routing facts.
 */
@Service
public class PolicyHoldService {

    private final PolicyHoldRepository repository;
    private final Clock clock;
    private final DecisionDeadlineService deadlines;
    private final DecisionEngine processes;
    private final HoldCategories categories;
    private final RowIds ids;

    PolicyHoldService(
            PolicyHoldRepository repository,
            Clock clock,
            DecisionDeadlineService deadlines,
            DecisionEngine processes,
            HoldCategories categories,
            RowIds ids) {
        this.repository = repository;
        this.clock = clock;
        this.deadlines = deadlines;
        this.processes = processes;
        this.categories = categories;
        this.ids = ids;
    }

    public record Hold(
            UUID id,
            String category,
            String reason,
            String placedBy,
            Instant placedAt,
            Instant releasedAt,
            int casesHeld) {}

    @Transactional
    public Hold place(String category, String reason, String placedBy) {
        Set<String> declared = categories.declared();
        if (category == null || !declared.contains(category)) {
            throw new InvalidRequestException(
                    "category",
                    "must be one of the categories of DMN " + HoldCategories.DECISION_KEY + ": "
                            + String.join(", ", new TreeSet<>(declared)));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "must say why the cases are held");
        }
        if (active(category).isPresent()) {
            throw new ConflictException("There is already an active hold for " + category + ": "
                    + active(category).get());
        }
        UUID id = ids.next();
        Instant now = clock.instant();
        repository.insert(id, category, reason.strip(), placedBy, now);
        return hold(id);
    }

    /** As {@link #release(UUID, String)}, by the system (the forecast's virtual team lead). */
    @Transactional
    public Hold release(UUID holdId) {
        return release(holdId, "system");
    }

    /**
     * Lifts a hold: every case it parked goes on. When the category's hold is a decision moratorium (DMN
     * holdMoratorium, Vw 2000 art. 43), each case's decision deadline moves by its days on hold, recorded as an
     * extension on the ground MORATORIUM by whoever released it; otherwise the deadline ran on meanwhile.
     */
    @Transactional
    public Hold release(UUID holdId, String releasedBy) {
        Hold hold = hold(holdId);
        if (hold.releasedAt() != null) {
            throw new ConflictException("Hold " + holdId + " was released at " + hold.releasedAt() + ".");
        }
        Instant now = clock.instant();
        List<ParkedRecord> parked = repository.parkedBy(holdId);
        repository.release(holdId, now);
        boolean moratorium = categories.moratorium(hold.category());
        for (ParkedRecord p : parked) {
            repository.releaseCase(p.id(), now);
            if (moratorium) {
                deadlines.addTimeOnHold(
                        p.caseId(),
                        DecisionDeadlineService.daysBetween(p.heldFrom(), now),
                        "Besluitmoratorium " + hold.category() + " (Vw 2000 art. 43): " + hold.reason(),
                        releasedBy);
            }
            processes.releaseFromHold(p.caseId());
        }
        return new Hold(
                hold.id(), hold.category(), hold.reason(), hold.placedBy(), hold.placedAt(), now, parked.size());
    }

    @Transactional(readOnly = true)
    public List<Hold> holds() {
        return repository.all().stream().map(this::hold).toList();
    }

    /**
     * At an IND step: is one of the case's categories (DMN holdCategory) on hold? If so the case is parked (a row per
     * parking) and the step waits for the release.
     */
    @Transactional
    public boolean parkIfHeld(UUID caseId, Collection<String> caseCategories) {
        Optional<UUID> hold = caseCategories.stream()
                .map(this::active)
                .flatMap(Optional::stream)
                .findFirst();
        hold.ifPresent(holdId -> repository.park(holdId, caseId, clock.instant()));
        return hold.isPresent();
    }

    /** Whether any hold runs now; when none does, no case's categories need to be asked. */
    @Transactional(readOnly = true)
    public boolean anyActive() {
        return repository.anyActive();
    }

    /** The active hold over one of these categories, if any: a case of them may not take an IND step. */
    @Transactional(readOnly = true)
    public Optional<Hold> activeHoldOver(Collection<String> caseCategories) {
        return caseCategories.stream()
                .map(this::active)
                .flatMap(Optional::stream)
                .findFirst()
                .map(this::hold);
    }

    /**
     * Whole days a decision moratorium has held the case now (0 when it is not parked, or parked by a hold that is no
     * moratorium: then its deadline runs on).
     */
    @Transactional(readOnly = true)
    public int daysOnHoldNow(UUID caseId) {
        return repository
                .parkedNow(caseId)
                .filter(parked -> categories.moratorium(parked.category()))
                .map(parked -> DecisionDeadlineService.daysBetween(parked.heldFrom(), clock.instant()))
                .orElse(0);
    }

    @Transactional(readOnly = true)
    public boolean onHold(UUID caseId) {
        return repository.isParked(caseId);
    }

    /** Cases parked now, over all holds. */
    @Transactional(readOnly = true)
    public int casesOnHold() {
        return repository.casesParked();
    }

    private Optional<UUID> active(String category) {
        return repository.active(category);
    }

    private Hold hold(UUID id) {
        return repository
                .find(id)
                .map(row -> new Hold(
                        row.id(),
                        row.category(),
                        row.reason(),
                        row.placedBy(),
                        row.placedAt(),
                        row.releasedAt(),
                        row.casesHeld()))
                .orElseThrow(() -> new NotFoundException("No hold with id " + id));
    }
}

package nl.asylumchain.decision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/**
 * Policy holds: a team lead parks every case of a category at its next IND step; new cases of the category park
 * too; releasing the hold lets them go on where they were, with the time on hold added to their decision deadline.
 * A parked case keeps its priority, so it keeps its place among the other cases. The categories are DMN
 * holdCategory's: a hold names one of its declared output values, and a case belongs to the categories the table
 * gives for its routing facts.
 */
@Service
public class PolicyHoldService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DecisionDeadlineService deadlines;
    private final DecisionEngine processes;
    private final HoldCategories categories;

    PolicyHoldService(
            JdbcClient jdbc,
            Clock clock,
            DecisionDeadlineService deadlines,
            DecisionEngine processes,
            HoldCategories categories) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadlines = deadlines;
        this.processes = processes;
        this.categories = categories;
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
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into policy_holds (id, category, reason, placed_by, placed_at) "
                        + "values (:id, :category, :reason, :by, :at)")
                .param("id", id)
                .param("category", category)
                .param("reason", reason.strip())
                .param("by", placedBy)
                .param("at", Timestamp.from(now))
                .update();
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
        record Parked(UUID id, UUID caseId, Instant heldFrom) {}
        List<Parked> parked = jdbc.sql("select id, case_id, held_from from case_holds "
                        + "where hold_id = :holdId and released_at is null")
                .param("holdId", holdId)
                .query((rs, n) -> new Parked(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant()))
                .list();
        jdbc.sql("update policy_holds set released_at = :at where id = :id")
                .param("at", Timestamp.from(now))
                .param("id", holdId)
                .update();
        boolean moratorium = categories.moratorium(hold.category());
        for (Parked p : parked) {
            jdbc.sql("update case_holds set released_at = :at where id = :id")
                    .param("at", Timestamp.from(now))
                    .param("id", p.id())
                    .update();
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
        return jdbc.sql("select id from policy_holds order by placed_at desc").query(UUID.class).list().stream()
                .map(this::hold)
                .toList();
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
        hold.ifPresent(holdId -> jdbc.sql(
                        "insert into case_holds (id, hold_id, case_id, held_from) values (:id, :holdId, :caseId, :at)")
                .param("id", UUID.randomUUID())
                .param("holdId", holdId)
                .param("caseId", caseId)
                .param("at", Timestamp.from(clock.instant()))
                .update());
        return hold.isPresent();
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
        record Parked(Instant from, String category) {}
        return jdbc.sql("select h.held_from, p.category from case_holds h join policy_holds p on p.id = h.hold_id "
                        + "where h.case_id = :caseId and h.released_at is null")
                .param("caseId", caseId)
                .query((rs, n) -> new Parked(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .optional()
                .filter(parked -> categories.moratorium(parked.category()))
                .map(parked -> DecisionDeadlineService.daysBetween(parked.from(), clock.instant()))
                .orElse(0);
    }

    @Transactional(readOnly = true)
    public boolean onHold(UUID caseId) {
        return jdbc.sql("select count(*) from case_holds where case_id = :caseId and released_at is null")
                        .param("caseId", caseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Cases parked now, over all holds. */
    @Transactional(readOnly = true)
    public int casesOnHold() {
        return jdbc.sql("select count(*) from case_holds where released_at is null")
                .query(Integer.class)
                .single();
    }

    private Optional<UUID> active(String category) {
        return jdbc.sql("select id from policy_holds where category = :category and released_at is null")
                .param("category", category)
                .query(UUID.class)
                .optional();
    }

    private Hold hold(UUID id) {
        return jdbc.sql("select h.id, h.category, h.reason, h.placed_by, h.placed_at, h.released_at, "
                        + "(select count(*) from case_holds c where c.hold_id = h.id) "
                        + "from policy_holds h where h.id = :id")
                .param("id", id)
                .query((rs, n) -> new Hold(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getInt(7)))
                .optional()
                .orElseThrow(() -> new NotFoundException("No hold with id " + id));
    }
}

package nl.asylumchain.decision.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RecordRowMapper;
import nl.asylumchain.platform.RowIds;

/** The tables {@code policy_holds} and {@code case_holds}: the holds, and the cases each one parked. */
@Repository
public class PolicyHoldRepository {

    /** A row of {@code policy_holds} with how many cases it parked, mapped by name. */
    public record HoldRecord(
            UUID id,
            String category,
            String reason,
            String placedBy,
            Instant placedAt,
            Instant releasedAt,
            int casesHeld) {}

    /** A case parked by a hold and not yet released. */
    public record ParkedRecord(UUID id, UUID caseId, Instant heldFrom) {}

    private final JdbcClient jdbc;
    private final RowIds ids;

    PolicyHoldRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void insert(UUID id, String category, String reason, String placedBy, Instant placedAt) {
        jdbc.sql("""
                        insert into policy_holds (id, category, reason, placed_by, placed_at)
                        values (:id, :category, :reason, :placedBy, :placedAt)""")
                .param("id", id)
                .param("category", category)
                .param("reason", reason)
                .param("placedBy", placedBy)
                .param("placedAt", Timestamp.from(placedAt))
                .update();
    }

    public Optional<HoldRecord> find(UUID id) {
        return jdbc.sql("""
                        select h.id, h.category, h.reason, h.placed_by, h.placed_at, h.released_at,
                               (select count(*) from case_holds c where c.hold_id = h.id) as cases_held
                          from policy_holds h where h.id = :id""")
                .param("id", id)
                .query(RecordRowMapper.of(HoldRecord.class))
                .optional();
    }

    /** Every hold, the latest placed first. */
    public List<UUID> all() {
        return jdbc.sql("select id from policy_holds order by placed_at desc")
                .query(UUID.class)
                .list();
    }

    /** Whether any hold still runs, over whatever category. */
    public boolean anyActive() {
        return jdbc.sql("select exists (select 1 from policy_holds where released_at is null)")
                .query(Boolean.class)
                .single();
    }

    /** The hold over this category that still runs, if any. */
    public Optional<UUID> active(String category) {
        return jdbc.sql("select id from policy_holds where category = :category and released_at is null")
                .param("category", category)
                .query(UUID.class)
                .optional();
    }

    public List<ParkedRecord> parkedBy(UUID holdId) {
        return jdbc.sql("select id, case_id, held_from from case_holds where hold_id = :holdId and released_at is null")
                .param("holdId", holdId)
                .query(RecordRowMapper.of(ParkedRecord.class))
                .list();
    }

    public void release(UUID holdId, Instant at) {
        jdbc.sql("update policy_holds set released_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", holdId)
                .update();
    }

    public void releaseCase(UUID parkedId, Instant at) {
        jdbc.sql("update case_holds set released_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", parkedId)
                .update();
    }

    public void park(UUID holdId, UUID caseId, Instant at) {
        jdbc.sql("insert into case_holds (id, hold_id, case_id, held_from) values (:id, :holdId, :caseId, :heldFrom)")
                .param("id", ids.next())
                .param("holdId", holdId)
                .param("caseId", caseId)
                .param("heldFrom", Timestamp.from(at))
                .update();
    }

    /** A case parked now: since when, and by a hold of which category. */
    public record ParkedNowRecord(Instant heldFrom, String category) {}

    public Optional<ParkedNowRecord> parkedNow(UUID caseId) {
        return jdbc.sql("""
                        select h.held_from, p.category from case_holds h join policy_holds p on p.id = h.hold_id
                         where h.case_id = :caseId and h.released_at is null""")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(ParkedNowRecord.class))
                .optional();
    }

    public boolean isParked(UUID caseId) {
        return jdbc.sql("select count(*) from case_holds where case_id = :caseId and released_at is null")
                        .param("caseId", caseId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Cases parked now, over all holds. */
    public int casesParked() {
        return jdbc.sql("select count(*) from case_holds where released_at is null")
                .query(Integer.class)
                .single();
    }
}

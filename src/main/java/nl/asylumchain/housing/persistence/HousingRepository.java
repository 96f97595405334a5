package nl.asylumchain.housing.persistence;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RowIds;

/** The housing tables: {@code housing_cases}, {@code housing_late_steps}, {@code housing_quotas}, {@code municipality_quotas}. */
@Repository
public class HousingRepository {

    /**
     * PostgreSQL's advisory lock key of a half-year's count of the people housed ({@link #leaveReception} holds it
     * shared, a count from {@code housing_cases} exclusively); any constant of this application.
     */
    private static final long HOUSED_LOCK = 0x686f_7573_6564L;

    private final JdbcClient jdbc;
    private final RowIds ids;
    private final boolean postgres;

    HousingRepository(JdbcClient jdbc, RowIds ids, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.ids = ids;
        this.postgres = "PostgreSQL"
                .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    public record HousingCase(
            UUID caseId,
            Instant permitAt,
            String proposedCode,
            String municipalityCode,
            String linkReason,
            Instant linkedAt,
            String housingKind,
            Instant leftReceptionAt,
            LocalDate temporaryUntil,
            Instant housedAt,
            LocalDate moveDate) {}

    public record NationalQuota(int total, Instant setAt, String setBy) {}

    // --- cases ---------------------------------------------------------------------------------------------------

    public void start(UUID caseId, Instant permitAt, String proposedCode) {
        int updated = jdbc.sql("update housing_cases set proposed_code = :code where case_id = :caseId")
                .param("code", proposedCode)
                .param("caseId", caseId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into housing_cases (case_id, permit_at, proposed_code) values (:caseId, :at, :code)")
                    .param("caseId", caseId)
                    .param("at", Timestamp.from(permitAt))
                    .param("code", proposedCode)
                    .update();
        }
    }

    public Optional<HousingCase> find(UUID caseId) {
        return jdbc.sql("select * from housing_cases where case_id = :caseId")
                .param("caseId", caseId)
                .query(HousingRepository::map)
                .optional();
    }

    public void link(UUID caseId, String code, String reason, Instant at) {
        jdbc.sql("update housing_cases set municipality_code = :code, link_reason = :reason, linked_at = :at "
                        + "where case_id = :caseId")
                .param("code", code)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .param("caseId", caseId)
                .update();
    }

    /**
     * The move out of reception, once: false when the person had left already. It counts toward the municipality's
     * taakstelling of half-year {@code quotaYear}/{@code quotaHalf} (the half-year of {@code at}), kept in {@code
     * municipality_quotas.housed} where it is counted.
     */
    public boolean leaveReception(
            UUID caseId,
            String kind,
            Instant at,
            LocalDate temporaryUntil,
            LocalDate moveDate,
            int quotaYear,
            int quotaHalf) {
        if (postgres) {
            // a count of the half-year from housing_cases waits for this move to commit, or this move for it
            jdbc.sql("select pg_advisory_xact_lock_shared(:key)")
                    .param("key", HOUSED_LOCK)
                    .query((ResultSet rs) -> {});
        }
        int moved = jdbc.sql("update housing_cases set housing_kind = :kind, left_reception_at = :at, "
                        + "temporary_until = :until, move_date = :moveDate "
                        + "where case_id = :caseId and left_reception_at is null")
                .param("kind", kind)
                .param("at", Timestamp.from(at))
                .param("until", temporaryUntil)
                .param("moveDate", moveDate)
                .param("caseId", caseId)
                .update();
        if (moved == 1) {
            jdbc.sql("""
                            update municipality_quotas set housed = housed + 1
                            where quota_year = :year and quota_half = :half and housed is not null
                            and municipality_code = (select municipality_code from housing_cases where case_id = :caseId)""")
                    .param("year", quotaYear)
                    .param("half", quotaHalf)
                    .param("caseId", caseId)
                    .update();
        }
        return moved == 1;
    }

    public void housed(UUID caseId, Instant at, LocalDate moveDate) {
        jdbc.sql("update housing_cases set housed_at = :at, move_date = :moveDate where case_id = :caseId")
                .param("at", Timestamp.from(at))
                .param("moveDate", moveDate)
                .param("caseId", caseId)
                .update();
    }

    public void late(UUID caseId, String step, Instant at) {
        jdbc.sql("insert into housing_late_steps (id, case_id, step, late_at) values (:id, :caseId, :step, :at)")
                .param("id", ids.next())
                .param("caseId", caseId)
                .param("step", step)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<String> lateSteps(UUID caseId) {
        return jdbc.sql("select step from housing_late_steps where case_id = :caseId order by late_at, id")
                .param("caseId", caseId)
                .query(String.class)
                .list();
    }

    /** Per municipality: people linked in [from, to). */
    public Map<String, Long> linkedBetween(Instant from, Instant to) {
        return countBy("linked_at", from, to);
    }

    /** Per municipality: people who left reception for the municipality (home or doorstroomlocatie) in [from, to). */
    public Map<String, Long> housedBetween(Instant from, Instant to) {
        return countBy("left_reception_at", from, to);
    }

    /** Per municipality: people linked who have not left reception yet. */
    public Map<String, Long> waiting() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(
                        "select municipality_code, count(*) as people from housing_cases "
                                + "where municipality_code is not null and left_reception_at is null group by municipality_code")
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("municipality_code"), rs.getLong("people"));
                });
        return counts;
    }

    private Map<String, Long> countBy(String column, Instant from, Instant to) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select municipality_code, count(*) as people from housing_cases where municipality_code is not null "
                        + "and " + column + " >= :from and " + column + " < :to group by municipality_code")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("municipality_code"), rs.getLong("people"));
                });
        return counts;
    }

    // --- quotas --------------------------------------------------------------------------------------------------

    /** Replaces the taakstelling of a half-year and its split. */
    /** Sets a half-year's national taakstelling and its split over the municipalities, replacing what was set. */
    public void replaceQuota(int year, int half, NationalQuota national, Map<String, Integer> split) {
        // before the old rows go: a move under way that counts on one of them finishes first (it holds the lock
        // shared), instead of waiting for this transaction's delete while this one waits for its lock
        lockHousedCount();
        jdbc.sql("delete from municipality_quotas where quota_year = :year and quota_half = :half")
                .param("year", year)
                .param("half", half)
                .update();
        jdbc.sql("delete from housing_quotas where quota_year = :year and quota_half = :half")
                .param("year", year)
                .param("half", half)
                .update();
        jdbc.sql("""
                insert into housing_quotas (quota_year, quota_half, total, set_at, set_by)
                values (:year, :half, :total, :setAt, :setBy)""")
                .param("year", year)
                .param("half", half)
                .param("total", national.total())
                .param("setAt", Timestamp.from(national.setAt()))
                .param("setBy", national.setBy())
                .update();
        split.forEach((code, quota) -> jdbc.sql(
                        "insert into municipality_quotas (quota_year, quota_half, municipality_code, quota) "
                                + "values (:year, :half, :code, :quota)")
                .param("year", year)
                .param("half", half)
                .param("code", code)
                .param("quota", quota)
                .update());
    }

    /**
     * Counts the people who left reception in [from, to) per municipality from {@code housing_cases} into the
     * half-year's rows that have no count yet (a taakstelling just set, or rows from before the count was kept), in
     * the caller's transaction. On PostgreSQL it first waits for the moves under way, so that none is missed or
     * counted twice.
     */
    public void countHoused(int year, int half, Instant from, Instant to) {
        lockHousedCount();
        jdbc.sql("""
                        update municipality_quotas set housed = (
                            select count(*) from housing_cases h where h.municipality_code = municipality_quotas.municipality_code
                            and h.left_reception_at >= :from and h.left_reception_at < :to)
                        where quota_year = :year and quota_half = :half and housed is null""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("year", year)
                .param("half", half)
                .update();
    }

    /** On PostgreSQL: waits for the moves under way and holds new ones until the transaction ends. */
    private void lockHousedCount() {
        if (postgres) {
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", HOUSED_LOCK)
                    .query((ResultSet rs) -> {});
        }
    }

    /** The half-years whose taakstelling has rows without a count of the people housed. */
    public List<int[]> halfYearsNotCounted() {
        return jdbc.sql("select distinct quota_year, quota_half from municipality_quotas where housed is null")
                .query((rs, i) -> new int[] {rs.getInt("quota_year"), rs.getInt("quota_half")})
                .list();
    }

    /**
     * Per municipality with a taakstelling in the half-year: the people who left reception for it in the half-year,
     * as kept; a row without a count yet is counted from {@code housing_cases} in [from, to) for this answer.
     */
    public Map<String, Long> housedIn(int year, int half, Instant from, Instant to) {
        Map<String, Long> counts = new HashMap<>();
        boolean[] uncounted = {false};
        jdbc.sql(
                        "select municipality_code, housed from municipality_quotas where quota_year = :year and quota_half = :half")
                .param("year", year)
                .param("half", half)
                .query((ResultSet rs) -> {
                    long housed = rs.getLong("housed");
                    if (rs.wasNull()) {
                        uncounted[0] = true;
                    } else if (housed != 0) {
                        counts.put(rs.getString("municipality_code"), housed);
                    }
                });
        return uncounted[0] ? housedBetween(from, to) : counts;
    }

    public Optional<NationalQuota> nationalQuota(int year, int half) {
        return jdbc.sql(
                        "select total, set_at, set_by from housing_quotas where quota_year = :year and quota_half = :half")
                .param("year", year)
                .param("half", half)
                .query((rs, i) -> new NationalQuota(
                        rs.getInt("total"), rs.getTimestamp("set_at").toInstant(), rs.getString("set_by")))
                .optional();
    }

    public Map<String, Integer> municipalityQuotas(int year, int half) {
        Map<String, Integer> quotas = new HashMap<>();
        jdbc.sql(
                        "select municipality_code, quota from municipality_quotas where quota_year = :year and quota_half = :half")
                .param("year", year)
                .param("half", half)
                .query((ResultSet rs) -> {
                    quotas.put(rs.getString("municipality_code"), rs.getInt("quota"));
                });
        return quotas;
    }

    private static HousingCase map(ResultSet rs, int row) throws SQLException {
        return new HousingCase(
                rs.getObject("case_id", UUID.class),
                instant(rs, "permit_at"),
                rs.getString("proposed_code"),
                rs.getString("municipality_code"),
                rs.getString("link_reason"),
                instant(rs, "linked_at"),
                rs.getString("housing_kind"),
                instant(rs, "left_reception_at"),
                rs.getObject("temporary_until", LocalDate.class),
                instant(rs, "housed_at"),
                rs.getObject("move_date", LocalDate.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

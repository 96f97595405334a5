package nl.asylumchain.housing.persistence;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RowIds;

/** The housing tables: {@code housing_cases}, {@code housing_late_steps}, {@code housing_quotas}, {@code municipality_quotas}. */
@Repository
public class HousingRepository {

    private final JdbcClient jdbc;
    private final RowIds ids;

    HousingRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
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

    public void leaveReception(UUID caseId, String kind, Instant at, LocalDate temporaryUntil, LocalDate moveDate) {
        jdbc.sql("update housing_cases set housing_kind = :kind, left_reception_at = :at, "
                        + "temporary_until = :until, move_date = :moveDate where case_id = :caseId")
                .param("kind", kind)
                .param("at", Timestamp.from(at))
                .param("until", temporaryUntil)
                .param("moveDate", moveDate)
                .param("caseId", caseId)
                .update();
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

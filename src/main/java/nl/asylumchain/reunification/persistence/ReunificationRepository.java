package nl.asylumchain.reunification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code family_reunifications} table: one row per family member's application. */
@Repository
public class ReunificationRepository {

    private final JdbcClient jdbc;

    ReunificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ReunificationRecord(
            UUID familyMemberId,
            UUID sponsorCaseId,
            String relation,
            String status,
            Instant windowEndsAt,
            Instant appliedAt,
            String evidenceType,
            String evidenceOutcome,
            Instant decisionDeadline,
            boolean decisionPeriodExtended,
            String decision,
            Instant decidedAt,
            Instant mvvValidUntil,
            Instant arrivedAt,
            UUID linkedCaseId,
            Instant endedAt,
            Boolean relationBeforeEntry,
            Integer ageAtApplication,
            String eligibilityRule) {}

    public void open(UUID familyMemberId, UUID sponsorCaseId, String relation, Instant windowEndsAt, Instant now) {
        jdbc.sql("""
                insert into family_reunifications (family_member_id, sponsor_case_id, relation, status, window_ends_at,
                    decision_period_extended, updated_at)
                values (:id, :sponsor, :relation, 'WINDOW_OPEN', :windowEnds, false, :now)
                """)
                .param("id", familyMemberId)
                .param("sponsor", sponsorCaseId)
                .param("relation", relation)
                .param("windowEnds", ts(windowEndsAt))
                .param("now", ts(now))
                .update();
    }

    public Optional<ReunificationRecord> find(UUID familyMemberId) {
        return jdbc.sql("select * from family_reunifications where family_member_id = :id")
                .param("id", familyMemberId)
                .query(ReunificationRepository::map)
                .optional();
    }

    public List<ReunificationRecord> ofSponsor(UUID sponsorCaseId) {
        return jdbc.sql("select * from family_reunifications where sponsor_case_id = :sponsor "
                        + "order by window_ends_at, family_member_id")
                .param("sponsor", sponsorCaseId)
                .query(ReunificationRepository::map)
                .list();
    }

    public void applied(UUID id, Instant now, Instant decisionDeadline) {
        update(id, "APPLIED", "applied_at = :now, decision_deadline = :t", now, decisionDeadline, null);
    }

    /** The facts the eligibility rule reads, as they stood on the application date. */
    public void eligibilityFacts(UUID id, Boolean relationBeforeEntry, int ageAtApplication) {
        jdbc.sql("update family_reunifications set relation_before_entry = :before, age_at_application = :age "
                        + "where family_member_id = :id")
                .param("before", relationBeforeEntry)
                .param("age", ageAtApplication)
                .param("id", id)
                .update();
    }

    /** The relation is not one the family reunification covers: refused with the rule that says so. */
    public void refusedAsIneligible(UUID id, String rule, Instant now) {
        jdbc.sql(
                        "update family_reunifications set status = 'REFUSED', decision = 'REJECTED', eligibility_rule = :rule, "
                                + "decided_at = :now, ended_at = :now, updated_at = :now where family_member_id = :id")
                .param("rule", rule)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    public void evidenceAssessed(UUID id, String evidenceType, Instant now) {
        update(id, "EVIDENCE_ASSESSED", "evidence_type = :v", now, null, evidenceType);
    }

    public void evidenceResearched(UUID id, String outcome, Instant now) {
        update(id, "EVIDENCE_RESEARCHED", "evidence_outcome = :v", now, null, outcome);
    }

    public void decisionPeriodExtended(UUID id, Instant newDeadline, Instant now) {
        jdbc.sql("update family_reunifications set decision_deadline = :t, decision_period_extended = true, "
                        + "updated_at = :now where family_member_id = :id")
                .param("t", ts(newDeadline))
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    public void refused(UUID id, Instant now) {
        update(id, "REFUSED", "decision = :v, decided_at = :now, ended_at = :now", now, null, "REJECTED");
    }

    public void granted(UUID id, Instant now) {
        update(id, null, "decision = :v, decided_at = :now", now, null, "GRANTED");
    }

    public void mvvIssued(UUID id, Instant validUntil, Instant now) {
        update(id, "MVV_ISSUED", "mvv_valid_until = :t", now, validUntil, null);
    }

    public void mvvExpired(UUID id, Instant now) {
        update(id, "MVV_EXPIRED", "ended_at = :now", now, null, null);
    }

    public void windowMissed(UUID id, Instant now) {
        update(id, "WINDOW_MISSED", "ended_at = :now", now, null, null);
    }

    public void arrived(UUID id, UUID linkedCaseId, Instant now) {
        jdbc.sql("update family_reunifications set status = 'ARRIVED', arrived_at = :now, ended_at = :now, "
                        + "linked_case_id = :linked, updated_at = :now where family_member_id = :id")
                .param("now", ts(now))
                .param("linked", linkedCaseId)
                .param("id", id)
                .update();
    }

    /** Sets the status (unless null), the given columns (:now, :t, :v) and updated_at. */
    private void update(UUID id, String status, String set, Instant now, Instant t, String v) {
        String sql = "update family_reunifications set " + (status == null ? "" : "status = :status, ") + set
                + ", updated_at = :now where family_member_id = :id";
        var statement = jdbc.sql(sql).param("now", ts(now)).param("id", id);
        if (status != null) {
            statement = statement.param("status", status);
        }
        if (sql.contains(":t")) {
            statement = statement.param("t", ts(t));
        }
        if (sql.contains(":v")) {
            statement = statement.param("v", v);
        }
        statement.update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ReunificationRecord map(ResultSet rs, int row) throws SQLException {
        return new ReunificationRecord(
                rs.getObject("family_member_id", UUID.class),
                rs.getObject("sponsor_case_id", UUID.class),
                rs.getString("relation"),
                rs.getString("status"),
                instant(rs, "window_ends_at"),
                instant(rs, "applied_at"),
                rs.getString("evidence_type"),
                rs.getString("evidence_outcome"),
                instant(rs, "decision_deadline"),
                rs.getBoolean("decision_period_extended"),
                rs.getString("decision"),
                instant(rs, "decided_at"),
                instant(rs, "mvv_valid_until"),
                instant(rs, "arrived_at"),
                rs.getObject("linked_case_id", UUID.class),
                instant(rs, "ended_at"),
                (Boolean) rs.getObject("relation_before_entry"),
                (Integer) rs.getObject("age_at_application"),
                rs.getString("eligibility_rule"));
    }
}

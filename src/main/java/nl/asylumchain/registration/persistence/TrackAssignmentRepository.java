package nl.asylumchain.registration.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RecordRowMapper;
import nl.asylumchain.platform.RowIds;

/** The table {@code track_assignments}: one row per assignment, so a reassignment stays visible. */
@Repository
public class TrackAssignmentRepository {

    /** A row of {@code track_assignments}, mapped by name. */
    public record TrackAssignmentRecord(int track, String reason, String assignedBy, Instant assignedAt) {}

    private final JdbcClient jdbc;
    private final RowIds ids;

    TrackAssignmentRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void insert(UUID caseId, TrackAssignmentRecord assignment) {
        jdbc.sql("""
                        insert into track_assignments (id, case_id, track, reason, assigned_by, assigned_at)
                        values (:id, :caseId, :track, :reason, :assignedBy, :assignedAt)""")
                .param("id", ids.next())
                .param("caseId", caseId)
                .param("track", assignment.track())
                .param("reason", assignment.reason())
                .param("assignedBy", assignment.assignedBy())
                .param("assignedAt", Timestamp.from(assignment.assignedAt()))
                .update();
    }

    /** The assignments of a case, oldest first. */
    public List<TrackAssignmentRecord> of(UUID caseId) {
        return jdbc.sql("select track, reason, assigned_by, assigned_at from track_assignments "
                        + "where case_id = :caseId order by assigned_at")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(TrackAssignmentRecord.class))
                .list();
    }
}

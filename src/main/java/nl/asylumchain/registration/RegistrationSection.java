package nl.asylumchain.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFileSection;

/**
 * {@code sections.registration} of {@code GET /api/cases/{caseId}}: the track assignments, oldest first, so a move
 * from spoor 1 to spoor 4 shows who made it, when and why. Reads the table itself: the case file collects sections,
 * so a section cannot go through a service that writes to the case file.
 */
@Component
class RegistrationSection implements CaseFileSection {

    /** One assignment: the registration's, or a later change (assignedBy a user, the decision, or the system). */
    record TrackAssignment(int track, String reason, String assignedBy, Instant assignedAt) {}

    record View(List<TrackAssignment> tracks) {}

    private final JdbcClient jdbc;

    RegistrationSection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        List<TrackAssignment> tracks = jdbc.sql("select track, reason, assigned_by, assigned_at from track_assignments "
                        + "where case_id = :caseId order by assigned_at")
                .param("caseId", caseId)
                .query((rs, n) -> new TrackAssignment(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return tracks.isEmpty() ? Optional.empty() : Optional.of(new View(tracks));
    }
}

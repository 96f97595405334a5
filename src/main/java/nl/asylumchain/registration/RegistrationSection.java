package nl.asylumchain.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFileSection;
import nl.asylumchain.registration.persistence.TrackAssignmentRepository;

/**
 * {@code sections.registration} of {@code GET /api/cases/{caseId}}: the track assignments, oldest first, so a move
 * from spoor 1 to spoor 4 shows who made it, when and why. Reads the repository itself: the case file collects
 * sections, so a section cannot go through a service that writes to the case file.
 */
@Component
class RegistrationSection implements CaseFileSection {

    /** One assignment: the registration's, or a later change (assignedBy a user, the decision, or the system). */
    record TrackAssignment(int track, String reason, String assignedBy, Instant assignedAt) {}

    record View(List<TrackAssignment> tracks) {}

    private final TrackAssignmentRepository assignments;

    RegistrationSection(TrackAssignmentRepository assignments) {
        this.assignments = assignments;
    }

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        List<TrackAssignment> tracks = assignments.of(caseId).stream()
                .map(row -> new TrackAssignment(row.track(), row.reason(), row.assignedBy(), row.assignedAt()))
                .toList();
        return tracks.isEmpty() ? Optional.empty() : Optional.of(new View(tracks));
    }
}

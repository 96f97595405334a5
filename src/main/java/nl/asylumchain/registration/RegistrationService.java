package nl.asylumchain.registration;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.registration.persistence.TrackAssignmentRepository;
import nl.asylumchain.registration.persistence.TrackAssignmentRepository.TrackAssignmentRecord;

/** Keeps the track assignments of registration, one row per assignment, so a reassignment stays visible. */
@Service
public class RegistrationService {

    private final TrackAssignmentRepository assignments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final CaseProgress caseFile;

    RegistrationService(
            TrackAssignmentRepository assignments,
            ApplicationEventPublisher events,
            Clock clock,
            CaseProgress caseFile) {
        this.caseFile = caseFile;
        this.assignments = assignments;
        this.events = events;
        this.clock = clock;
    }

    /** Who assigns the track at registration: the {@code trackAssignment} decision. */
    static final String ASSIGNED_BY_DECISION = "trackAssignment";

    /** The track the {@code trackAssignment} decision gave at registration. */
    @Transactional
    public void recordTrack(UUID caseId, int track, String reason) {
        changeTrack(caseId, track, reason, ASSIGNED_BY_DECISION);
    }

    /**
     * The case moves to another track after registration (a Dublin case becomes the Netherlands' own, spoor 4):
     * who (a user, or the timer or decision that caused it), when and why, beside the first assignment, so the
     * change stays visible; the case file and the TrackAssigned listeners learn the new track.
     */
    @Transactional
    public void changeTrack(UUID caseId, int track, String reason, String changedBy) {
        if (track < 1 || track > 5) {
            throw new IllegalArgumentException("There is no spoor " + track);
        }
        assignments.insert(caseId, new TrackAssignmentRecord(track, reason, changedBy, clock.instant()));
        caseFile.recordTrack(caseId, track, reason);
        events.publishEvent(new TrackAssigned(caseId, track, reason));
    }
}

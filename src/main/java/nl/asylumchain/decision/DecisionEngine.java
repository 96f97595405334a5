package nl.asylumchain.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * The decision module's port to the process engine: the deadline watch and the release of held cases. Implemented in
 * {@code process/}, so that the module's services know no engine.
 */
public interface DecisionEngine {

    /**
     * Starts watching a case's decision deadline, or moves the watch's timers to new dates (after an extension or
     * a hold).
     */
    void watchDeadline(UUID caseId, Instant warningAt, Instant deadlineAt);

    /** The decision is taken: the watch (and any open escalation task) ends. */
    void stopWatchingDeadline(UUID caseId);

    /** A hold was lifted: the case goes on from where it was parked. */
    void releaseFromHold(UUID caseId);
}

package nl.asylumchain.reception;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, inside the transaction of the step that caused it, when a person moves: {@code IN} (from is null),
 * {@code TRANSFER}, or {@code OUT} (to is null). {@code step} is the milestone (or {@code GUARDIAN_APPOINTED}, or
 * {@code PLACED} for a stay a forecast restored).
 */
public record ReceptionMoved(
        UUID caseId,
        Move move,
        LocationType from,
        LocationType to,
        boolean permitHolder,
        boolean unaccompaniedMinor,
        String step,
        Instant at) {

    public enum Move {
        IN,
        TRANSFER,
        OUT
    }
}

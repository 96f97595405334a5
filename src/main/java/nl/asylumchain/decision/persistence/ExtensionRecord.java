package nl.asylumchain.decision.persistence;

import java.time.Instant;

/**
 * A row of {@code decision_deadline_extensions}: months on a ground of art. 42, or the days of a decision moratorium
 * (ground {@code MORATORIUM}); {@code ground} is null for extensions recorded before grounds.
 */
public record ExtensionRecord(
        int months, int days, String ground, String reason, String extendedBy, Instant extendedAt) {}

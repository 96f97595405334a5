package nl.asylumchain.decision.persistence;

import java.time.Instant;

/** A row of {@code decision_deadline_extensions}; {@code ground} is null for extensions recorded before grounds. */
public record ExtensionRecord(int months, String ground, String reason, String extendedBy, Instant extendedAt) {}

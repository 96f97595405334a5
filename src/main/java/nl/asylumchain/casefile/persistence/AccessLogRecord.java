package nl.asylumchain.casefile.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A new row of {@code access_log}: who read or changed which case, when, as which groups (comma-separated), what, and
 * for which task; the database numbers it.
 */
public record AccessLogRecord(
        Instant at, String userId, String groupsUsed, UUID caseId, String action, String what, String taskId) {}

package nl.asylumchain.casefile;

import java.util.UUID;

/** The answer to an intake: the case's id, its V-number and status; {@code created} is false for a repeat. */
public record RegisteredCase(UUID caseId, String vNumber, CaseStatus status, boolean created) {}

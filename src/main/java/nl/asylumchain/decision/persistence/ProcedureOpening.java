package nl.asylumchain.decision.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What a new row of {@code ind_procedures} starts with: it opens in the AA, nothing on hold, nothing decided. */
public record ProcedureOpening(
        UUID caseId, int track, LocalDate applicationDate, Integer priority, String priorityReason, Instant openedAt) {}

package nl.asylumchain.departure.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * The row of {@code departures} a hand-over to DT&V inserts: its clocks; the interview, reports, detention and outcome
 * come later. {@code dublinAcceptedOn}, {@code transferPeriodFrom} and {@code transferDeadline} only for a Dublin
 * claimant.
 */
public record HandOverRecord(
        UUID id,
        UUID caseId,
        String indOutcome,
        boolean dublinClaimant,
        Instant handedOverAt,
        String departurePeriod,
        Instant departurePeriodEnds,
        Instant dublinAcceptedOn,
        Instant transferPeriodFrom,
        Instant transferDeadline) {}

package nl.asylumchain.departure.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code departures}, mapped by column name (snake_case to the component names). */
public record DepartureRecord(
        UUID id,
        UUID caseId,
        String indOutcome,
        boolean dublinClaimant,
        Instant handedOverAt,
        String departurePeriod,
        Instant departurePeriodEnds,
        Instant dublinAcceptedOn,
        Instant transferPeriodFrom,
        String transferCircumstance,
        Instant transferDeadline,
        LocalDate transferDate,
        Instant transferReportBy,
        String route,
        boolean familyWithChildren,
        Instant vblStayEndedAt,
        int reports,
        int missedReports,
        int missedReportsInARow,
        String detentionGround,
        Instant detentionStartedAt,
        Instant detentionEnds,
        boolean detentionExtended,
        String detentionExtensionReason,
        Instant releasedAt,
        String outcome,
        Instant outcomeAt,
        Instant suspendedAt,
        Instant suspensionEndedAt,
        String suspensionEnd) {}

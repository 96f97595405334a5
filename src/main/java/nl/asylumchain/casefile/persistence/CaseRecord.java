package nl.asylumchain.casefile.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the {@code cases} table. */
public record CaseRecord(
        UUID caseId,
        String vNumber,
        String familyName,
        String givenNames,
        LocalDate birthDate,
        String sex,
        String nationality,
        String applicationType,
        String arrivalLocation,
        LocalDate arrivalDate,
        LocalDate applicationSignedOn,
        boolean unaccompaniedMinor,
        boolean temporaryProtectionUkraine,
        boolean returnedAfterDublin,
        String status,
        String stage,
        String outcome,
        Integer track,
        String trackReason,
        String decisionOutcome,
        Instant createdAt,
        Instant updatedAt) {}

package nl.asylumchain.departure.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code departure_interviews}, with what the interview found about the family: the route and
 * {@code familyWithChildren} are also written to the departure, whose detention rules read them.
 */
public record InterviewRecord(
        UUID departureId,
        Instant heldAt,
        boolean willingToLeave,
        boolean travelDocumentPresent,
        String route,
        boolean familyWithChildren) {}

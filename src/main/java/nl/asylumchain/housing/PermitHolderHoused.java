package nl.asylumchain.housing;

import java.time.Duration;
import java.util.UUID;

/**
 * Published when a permit holder moves into housing: a doorstroomlocatie ({@code TEMPORARY}) or a home
 * ({@code HOME}, also after a doorstroomlocatie). {@code leadTime} runs from the permit; set for a home only.
 */
public record PermitHolderHoused(UUID caseId, HousingKind kind, String municipalityCode, Duration leadTime) {}

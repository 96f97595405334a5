package nl.asylumchain.casefile;

import java.util.UUID;

/**
 * Published when an application is registered: signed at identification and registration (I&R), from when it counts
 * (not when the person reported at intake). Carries no personal data.
 */
public record CaseRegistered(
        UUID caseId, ApplicationType applicationType, ArrivalLocation arrivalLocation, boolean unaccompaniedMinor) {}

package nl.asylumchain.casefile;

import java.util.UUID;

/** Published when a new case has been registered and its process started. Carries no personal data. */
public record CaseRegistered(UUID caseId, ApplicationType applicationType, ArrivalLocation arrivalLocation,
        boolean unaccompaniedMinor) {
}

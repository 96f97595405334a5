package nl.asylumchain.decision;

import java.util.UUID;

/** Published when a case in spoor 4 is referred from the AA to the extended procedure (VA). */
public record ReferredToExtendedProcedure(UUID caseId, String vaReason) {}

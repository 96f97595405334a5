package nl.asylumchain.housing;

import java.util.UUID;

/** Published when a housing step passed its deadline; the step goes on. */
public record HousingStepLate(UUID caseId, HousingStep step) {}

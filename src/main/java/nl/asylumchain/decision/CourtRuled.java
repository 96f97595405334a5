package nl.asylumchain.decision;

import java.util.UUID;

/** Published when the court ruled on an appeal: UPHELD (the rejection stands) or ANNULLED (decide again). */
public record CourtRuled(UUID caseId, String outcome) {}

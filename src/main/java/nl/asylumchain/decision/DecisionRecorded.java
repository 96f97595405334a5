package nl.asylumchain.decision;

import java.util.UUID;

/** Published when the IND has taken a decision in a case's procedure. */
public record DecisionRecorded(UUID caseId, int track, IndOutcome outcome) {}

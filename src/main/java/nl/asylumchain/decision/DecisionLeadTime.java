package nl.asylumchain.decision;

import java.time.Duration;
import java.util.UUID;

/** Published with each IND decision: how long it took from the application date. */
public record DecisionLeadTime(UUID caseId, int track, Duration leadTime) {}

package nl.asylumchain.casefile;

import java.time.Duration;
import java.util.UUID;

/** Published when a case reaches an end state of the chain; {@code leadTime} runs from the application's signature at I&R. */
public record CaseClosed(UUID caseId, CaseOutcome outcome, Duration leadTime) {}

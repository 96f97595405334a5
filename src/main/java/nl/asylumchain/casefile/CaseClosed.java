package nl.asylumchain.casefile;

import java.time.Duration;
import java.util.UUID;

/** Published when a case reaches an end state of the chain; {@code leadTime} runs from registration. */
public record CaseClosed(UUID caseId, CaseOutcome outcome, Duration leadTime) {
}

package nl.asylumchain.departure;

import java.time.Duration;
import java.util.UUID;

/** Published when a departure ends; {@code leadTime} runs from the hand-over to DT&V. */
public record DepartureClosed(UUID caseId, DepartureOutcome outcome, Duration leadTime) {}

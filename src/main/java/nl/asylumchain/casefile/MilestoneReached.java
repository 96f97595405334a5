package nl.asylumchain.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * Published, inside the transaction of the process step that caused it, when a case reaches a milestone.
 * Listeners that write must use a plain {@code @EventListener} so their rows commit or roll back with the step.
 */
public record MilestoneReached(UUID caseId, Milestone milestone, Instant at) {}

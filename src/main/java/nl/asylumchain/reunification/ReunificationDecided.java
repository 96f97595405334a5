package nl.asylumchain.reunification;

import java.util.UUID;

/** Published when a family member's application is granted, rejected, or its window passed unused. */
public record ReunificationDecided(UUID sponsorCaseId, UUID familyMemberId, ReunificationOutcome outcome) {}

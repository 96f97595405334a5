package nl.asylumchain.reunification;

import java.util.UUID;

/**
 * Published, in the transaction of the arrival, when a family member arrived on their mvv and got an own case
 * ({@code linkedCaseId}), linked to the sponsor's. Housing moves them with the sponsor's household.
 */
public record FamilyMemberArrived(UUID sponsorCaseId, UUID familyMemberId, UUID linkedCaseId) {}

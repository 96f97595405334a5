package nl.asylumchain.casefile;

import java.util.UUID;

/** Published, inside the transaction that recorded it, when a family member abroad is added to an existing case. */
public record FamilyMemberAdded(UUID caseId, UUID familyMemberId, Relation relation) {}

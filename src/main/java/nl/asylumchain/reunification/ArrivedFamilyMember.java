package nl.asylumchain.reunification;

import java.time.Instant;
import java.util.UUID;

import nl.asylumchain.casefile.Relation;

/** A family member who arrived and now belongs to the sponsor's household, with their own case. */
public record ArrivedFamilyMember(UUID familyMemberId, UUID caseId, Relation relation, Instant arrivedAt) {
}

package nl.asylumchain.casefile;

import java.util.UUID;

/**
 * A family member who arrived through family reunification, as the IND records them at Zevenaar: the case file
 * opens an own case for them, linked to the sponsor's case. The birth date and relation come from the family
 * member recorded on the sponsor's case.
 */
public record NewLinkedCase(
        UUID sponsorCaseId, UUID familyMemberId, String familyName, String givenNames, Sex sex, String nationality) {}

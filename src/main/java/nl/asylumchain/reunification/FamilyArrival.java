package nl.asylumchain.reunification;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.asylumchain.casefile.IsoNationality;
import nl.asylumchain.casefile.PersonName;
import nl.asylumchain.casefile.Sex;

/**
 * {@code FAMILY_ARRIVED}: a family member arrived on their mvv and reported at IND Zevenaar. The person's data goes
 * into the case file (their new case); the birth date and relation are those recorded on the sponsor's case.
 */
public record FamilyArrival(
        @NotNull UUID familyMemberId,
        @NotBlank @Size(max = 200) @PersonName String familyName,
        @Size(max = 200) @PersonName String givenNames,
        @NotNull Sex sex,
        @NotNull @IsoNationality String nationality) {}

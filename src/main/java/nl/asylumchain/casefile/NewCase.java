package nl.asylumchain.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** An asylum application as the police or KMar report it at intake. */
public record NewCase(
        @NotNull @Valid Person person,
        @NotNull ApplicationType applicationType,
        @NotNull @Valid Arrival arrival,
        Boolean unaccompaniedMinor,
        Boolean temporaryProtectionUkraine,
        Boolean returnedAfterDublin,
        @Size(max = 20) List<@NotNull @Valid FamilyMemberAbroad> familyMembersAbroad) {

    public NewCase {
        unaccompaniedMinor = Boolean.TRUE.equals(unaccompaniedMinor);
        temporaryProtectionUkraine = Boolean.TRUE.equals(temporaryProtectionUkraine);
        // came back to the Netherlands after a Dublin transfer: the IND, not police or KMar, does the I&R
        returnedAfterDublin = Boolean.TRUE.equals(returnedAfterDublin);
        // null elements are kept so that validation can name them
        familyMembersAbroad = familyMembersAbroad == null
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(familyMembersAbroad));
    }

    public record Person(
            @NotBlank @Size(max = 200) @PersonName String familyName,
            @Size(max = 200) @PersonName String givenNames,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotNull Sex sex,
            @NotNull @IsoNationality String nationality) {}

    public record Arrival(
            @NotNull ArrivalLocation location,
            @NotNull @PastOrPresent LocalDate date) {}

    public record FamilyMemberAbroad(
            @NotNull Relation relation,
            @NotNull @PastOrPresent LocalDate birthDate) {}
}

package nl.asylumchain.casefile.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reception places a person at a family location when a child of their family is in the country: a child of theirs
 * that arrived as a linked case, or a child of the sponsor they joined. Neither a child still abroad nor another
 * relation that arrived counts.
 */
@ChainTestContext
class CaseRepositoryFamilyTest {

    @Autowired
    CaseRepository cases;

    @Test
    void aSponsorWhoseChildArrivedHasAChildInTheCountry() {
        UUID sponsor = aCase();
        UUID child = UUID.randomUUID();
        cases.insertFamilyMember(child, sponsor, "CHILD", LocalDate.of(2015, 3, 1));

        assertThat(cases.hasChildInTheCountry(sponsor)).isFalse();

        cases.linkFamilyMember(child, aCase(), sponsor);
        assertThat(cases.hasChildInTheCountry(sponsor)).isTrue();
    }

    @Test
    void aSpouseWhoJoinedASponsorWhoseChildArrivedHasAChildInTheCountry() {
        UUID sponsor = aCase();
        UUID spouse = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        cases.insertFamilyMember(spouse, sponsor, "SPOUSE", LocalDate.of(1990, 5, 1));
        cases.insertFamilyMember(child, sponsor, "CHILD", LocalDate.of(2016, 7, 1));
        UUID spouseCase = aCase();
        cases.linkFamilyMember(spouse, spouseCase, sponsor);

        assertThat(cases.hasChildInTheCountry(spouseCase)).isFalse();

        cases.linkFamilyMember(child, aCase(), sponsor);
        assertThat(cases.hasChildInTheCountry(spouseCase)).isTrue();
    }

    @Test
    void anArrivedSpouseIsNoChild() {
        UUID sponsor = aCase();
        UUID spouse = UUID.randomUUID();
        cases.insertFamilyMember(spouse, sponsor, "SPOUSE", LocalDate.of(1990, 5, 1));
        UUID spouseCase = aCase();
        cases.linkFamilyMember(spouse, spouseCase, sponsor);

        assertThat(cases.hasChildInTheCountry(sponsor)).isFalse();
        assertThat(cases.hasChildInTheCountry(spouseCase)).isFalse();
    }

    private UUID aCase() {
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now();
        cases.insert(new CaseRecord(
                caseId,
                cases.nextVNumber(),
                "Test",
                null,
                LocalDate.of(1990, 1, 1),
                "M",
                "SYR",
                "FIRST",
                "TER_APEL",
                LocalDate.of(2026, 1, 5),
                null,
                false,
                false,
                false,
                "IN_REGISTRATION",
                "REGISTRATION",
                null,
                null,
                null,
                null,
                now,
                now));
        return caseId;
    }
}

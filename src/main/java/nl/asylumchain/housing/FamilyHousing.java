package nl.asylumchain.housing;

import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFile.LinkRole;
import nl.asylumchain.casefile.CaseFile.LinkedCase;
import nl.asylumchain.casefile.CaseFileService;
import nl.asylumchain.casefile.MilestoneReached;

/**
 * Keeps a household together in housing, from the case file alone (no dependency on family reunification): a family
 * member's case, opened on their arrival and linked to the sponsor's, follows the sponsor at the member's
 * registration (into the sponsor's home or doorstroomlocatie at once, or linked to the sponsor's municipality), and
 * at each of the sponsor's housing milestones every arrived family member moves with them. In the transaction of
 * the step that caused it, so the ledger, the housing rows and the step commit or roll back together.
 */
@Component
class FamilyHousing {

    private final HousingService housing;
    private final CaseFileService caseFile;

    FamilyHousing(HousingService housing, CaseFileService caseFile) {
        this.housing = housing;
        this.caseFile = caseFile;
    }

    @EventListener
    void on(MilestoneReached reached) {
        switch (reached.milestone()) {
            case REGISTERED -> linked(reached.caseId(), LinkRole.SPONSOR)
                    .forEach(sponsor -> housing.followSponsor(reached.caseId(), sponsor));
            case MUNICIPALITY_LINKED, TEMPORARY_HOUSING, HOUSED -> linked(reached.caseId(), LinkRole.FAMILY_MEMBER)
                    .forEach(member -> housing.followSponsor(member, reached.caseId()));
            default -> {
            }
        }
    }

    private List<UUID> linked(UUID caseId, LinkRole role) {
        return caseFile.linkedCases(caseId).stream().filter(link -> link.link() == role).map(LinkedCase::caseId)
                .toList();
    }
}

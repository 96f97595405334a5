package nl.asylumchain.housing;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFile.LinkRole;
import nl.asylumchain.casefile.CaseFile.LinkedCase;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.MilestoneReached;

/**
 * A family member who arrives through family reunification joins the sponsor's household in housing: when the case
 * file registers their linked case, they follow the sponsor (into the sponsor's home or doorstroomlocatie at once,
 * or linked to the sponsor's municipality). Later steps of the sponsor move the household inside
 * {@link HousingService}. In the transaction of the registration, so the ledger, the housing rows and the new case
 * commit or roll back together.
 */
@Component
class FamilyHousing {

    private final HousingService housing;
    private final CaseFiles caseFiles;

    FamilyHousing(HousingService housing, CaseFiles caseFiles) {
        this.housing = housing;
        this.caseFiles = caseFiles;
    }

    @EventListener
    void on(MilestoneReached reached) {
        if (reached.milestone() == Milestone.REGISTERED) {
            caseFiles.linkedCases(reached.caseId()).stream()
                    .filter(link -> link.link() == LinkRole.SPONSOR)
                    .map(LinkedCase::caseId)
                    .forEach(sponsor -> housing.followSponsor(reached.caseId(), sponsor));
        }
    }
}

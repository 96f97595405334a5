package nl.asylumchain.forecast.process;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.housing.HousingService;

/**
 * A nareis sponsor placed with their own housing done (the stock's pending applications, a snapshot's case waiting in
 * the nareis branch only) gets the records such a permit holder has, now (the clock's instant): the permit, at which
 * reception places them as a permit holder, and the home in a municipality, at which reception ends that stay. So a
 * family member who arrives joins the sponsor's household as the stages' own rules have it: reception sees a sponsor
 * who left for a home, housing moves the member into it.
 */
@Component
class HousedSponsors {

    private final CaseProgress progress;
    private final HousingService housing;

    HousedSponsors(CaseProgress progress, HousingService housing) {
        this.progress = progress;
        this.housing = housing;
    }

    /** {@code roll}, from 0 up to 1 (exclusive), draws the municipality, pro rata population. */
    @Transactional
    void house(UUID sponsorCaseId, double roll) {
        progress.reachMilestone(sponsorCaseId, Milestone.PERMIT_GRANTED);
        housing.placeHoused(sponsorCaseId, roll);
    }
}

package nl.asylumchain.housing.process;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TasklistFilter;
import nl.asylumchain.platform.TasklistFilter.Column;

import static nl.asylumchain.platform.TasklistFilter.CASE;

/** The Tasklist filters of housing: the COA links permit holders, the municipality offers a home. */
@Component
class HousingTasklistFilters implements TasklistFilter.Source {

    private static final Column MUNICIPALITY = new Column("municipalityCode", "Gemeente");

    @Override
    public List<TasklistFilter> filters() {
        return List.of(
                new TasklistFilter(
                        "COA – Koppelen",
                        List.of(Groups.COA),
                        0,
                        "Vergunninghouders koppelen aan een gemeente (binnen 2 weken)",
                        q -> q.taskCandidateGroup(Groups.COA)
                                .taskDefinitionKey(HousingModel.ACTIVITY_LINK_MUNICIPALITY),
                        List.of(CASE)),
                new TasklistFilter(
                        "COA – alle taken",
                        List.of(Groups.COA),
                        1,
                        "Alle taken van het COA",
                        q -> q.taskCandidateGroup(Groups.COA),
                        List.of(CASE)),
                new TasklistFilter(
                        "Gemeente – Woning aanbieden",
                        List.of(Groups.MUNICIPALITY),
                        0,
                        "Gekoppelde vergunninghouders: woning aanbieden binnen 10 weken",
                        q -> q.taskCandidateGroup(Groups.MUNICIPALITY)
                                .taskDefinitionKey(HousingModel.ACTIVITY_OFFER_HOUSING),
                        List.of(CASE, MUNICIPALITY)),
                new TasklistFilter(
                        "Gemeente – Verhuizing bevestigen",
                        List.of(Groups.MUNICIPALITY),
                        1,
                        "Verhuizing binnen 2 weken na het aanbod",
                        q -> q.taskCandidateGroup(Groups.MUNICIPALITY)
                                .taskDefinitionKey(HousingModel.ACTIVITY_CONFIRM_MOVE),
                        List.of(CASE, MUNICIPALITY)),
                new TasklistFilter(
                        "Gemeente – alle taken",
                        List.of(Groups.MUNICIPALITY),
                        2,
                        "Alle taken van de gemeente",
                        q -> q.taskCandidateGroup(Groups.MUNICIPALITY),
                        List.of(CASE, MUNICIPALITY)));
    }
}

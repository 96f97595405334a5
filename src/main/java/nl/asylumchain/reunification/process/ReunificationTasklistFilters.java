package nl.asylumchain.reunification.process;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TasklistFilter;
import nl.asylumchain.platform.TasklistFilter.Column;

import static nl.asylumchain.platform.TasklistFilter.CASE;

/** The Tasklist filters of family reunification (nareis). */
@Component
class ReunificationTasklistFilters implements TasklistFilter.Source {

    // a family member's application has its own deadline, set when the application is registered
    private static final Column DECISION_DEADLINE = new Column("decisionDeadline", "Beslistermijn");

    @Override
    public List<TasklistFilter> filters() {
        return List.of(
                new TasklistFilter(
                        "IND – Nareis beoordelen",
                        List.of(Groups.IND_REUNIFICATION),
                        0,
                        "Nareisaanvragen van vergunninghouders",
                        q -> q.taskCandidateGroup(Groups.IND_REUNIFICATION)
                                .taskDefinitionKey(FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION),
                        List.of(CASE, DECISION_DEADLINE)),
                new TasklistFilter(
                        "IND – Nareis: alle taken",
                        List.of(Groups.IND_REUNIFICATION),
                        1,
                        "Alle taken van IND Nareis",
                        q -> q.taskCandidateGroup(Groups.IND_REUNIFICATION),
                        List.of(CASE)));
    }
}

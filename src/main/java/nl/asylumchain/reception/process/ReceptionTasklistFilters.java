package nl.asylumchain.reception.process;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TasklistFilter;
import nl.asylumchain.platform.TasklistFilter.Column;

import static nl.asylumchain.platform.TasklistFilter.CASE;

/** The Tasklist filter of Nidos: guardianship and reception of unaccompanied minors. */
@Component
class ReceptionTasklistFilters implements TasklistFilter.Source {

    private static final Column PLACEMENT = new Column("proposedPlacement", "Voorgestelde opvang");

    @Override
    public List<TasklistFilter> filters() {
        return List.of(new TasklistFilter(
                "Nidos – Taken",
                List.of(Groups.NIDOS),
                0,
                "Voogdij en opvang van amv",
                q -> q.taskCandidateGroup(Groups.NIDOS),
                List.of(CASE, PLACEMENT)));
    }
}

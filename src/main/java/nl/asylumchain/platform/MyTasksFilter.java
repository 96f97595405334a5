package nl.asylumchain.platform;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * ‘Mijn taken’: the tasks assigned to the user, for every group. It spans every process, so it shows only the
 * columns most processes carry (the track and nationality stay blank where a process has none).
 */
@Component
class MyTasksFilter implements TasklistFilter.Source {

    static final String NAME = "Mijn taken";

    @Override
    public List<TasklistFilter> filters() {
        return List.of(new TasklistFilter(
                NAME,
                Groups.ALL,
                -10,
                "Taken die aan mij zijn toegewezen",
                q -> q.taskAssigneeExpression("${currentUser()}"),
                List.of(
                        TasklistFilter.CASE,
                        new TasklistFilter.Column("track", "Spoor"),
                        new TasklistFilter.Column("nationality", "Nationaliteit"))));
    }
}

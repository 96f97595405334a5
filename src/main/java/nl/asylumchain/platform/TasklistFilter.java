package nl.asylumchain.platform;

import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.task.TaskQuery;

/**
 * One Tasklist filter as a module contributes it ({@link TasklistFilter.Source}): its name, the groups it is shared
 * with, its place in Tasklist's list (lower first), what it selects on top of ‘open, sorted by priority and due
 * date’, and the process variables shown as columns. {@link TasklistFilters} provisions them.
 */
public record TasklistFilter(
        String name,
        List<String> groups,
        int order,
        String description,
        UnaryOperator<TaskQuery> criteria,
        List<Column> columns) {

    public TasklistFilter {
        groups = List.copyOf(groups);
        columns = List.copyOf(columns);
    }

    /** A column of a filter: a process variable and its Dutch heading. */
    public record Column(String variable, String label) {}

    /** The case id (a random UUID, no personal data) links every task to the case view: every filter shows it. */
    public static final Column CASE = new Column("caseId", "Zaak");

    /**
     * The filters of one stage module, which knows its own task keys ({@code *Model} constants), candidate groups
     * and process variables. Implemented in the module's {@code process} package, as a Spring bean.
     */
    public interface Source {

        List<TasklistFilter> filters();
    }
}

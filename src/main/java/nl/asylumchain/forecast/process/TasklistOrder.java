package nl.asylumchain.forecast.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.asylumchain.forecast.persistence.TasklistOrderRepository;

/**
 * The first open tasks of a candidate group in Tasklist order (priority high to low, then due date, creation time
 * and id), as a handler of the group would take them: the same tasks in the same order as the engine's task query
 * {@code taskCandidateGroup(group).active()} (with {@code processVariableValueEquals("track", track)} for one IND
 * track) ordered by those four columns, which {@code TasklistOrderTest} compares on placed cases.
 *
 * <p>The engine writes that query as {@code select distinct} over the task's columns, so its database must read and
 * sort every open task of the group before it returns the first few: with the letter's start stock (tens of thousands
 * of open IND tasks) each working day's query took seconds, a year of them most of a forecast's time. This statement
 * asks for the ids with {@code exists} instead ({@link TasklistOrderRepository}), which the forecast's database
 * answers by walking its index in that order and stopping at the last task it needs; the tasks are then read by id.
 * For a group with few open tasks the engine's query was no better: its database read every open task of every group
 * (through the index on {@code ASSIGNEE_}, which every open task matches) to find a few hundred, three tenths of a
 * second with the letter's stock, several times a simulated day; such a group's tasks are gathered through its
 * candidate links instead. Read only, on the forecast's own in-memory database.
 */
@Component
@Profile("forecast")
public class TasklistOrder {

    /** From this many open tasks in a group on, walking the index beats sorting the group's tasks. */
    static final long WALK_FROM = 2_000;

    private final TasklistOrderRepository order;
    private final TaskService tasks;

    TasklistOrder(TasklistOrderRepository order, TaskService tasks) {
        this.order = order;
        this.tasks = tasks;
    }

    /**
     * The first {@code max} open tasks of {@code group}, of one IND track when {@code track} is given: by walking the
     * Tasklist-order index when the group holds many open tasks, by gathering the group's tasks through its candidate
     * links otherwise (a few hundred tasks sort at once, while the walk reads past every other group's tasks before it
     * reaches the last of a small group's). Both give the engine's query's tasks in its order.
     */
    public List<Task> first(String group, Integer track, int max) {
        return order.candidateLinks(group) >= WALK_FROM ? walk(group, track, max) : gather(group, track, max);
    }

    /** The first open tasks by walking the Tasklist-order index. */
    public List<Task> walk(String group, Integer track, int max) {
        return byId(order.firstOpen(group, track == null ? null : EngineDriver.TRACK, track, max));
    }

    /** The first open tasks by reading the group's candidate links, then its tasks by id, and sorting them. */
    public List<Task> gather(String group, Integer track, int max) {
        return byId(order.firstOpenOfFew(group, track == null ? null : EngineDriver.TRACK, track, max));
    }

    private List<Task> byId(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Task> found = new ArrayList<>(
                tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list());
        found.sort(Comparator.comparing(task -> position.get(task.getId())));
        return found;
    }

    /**
     * The first open tasks by the engine's task query, which reads and sorts all of the group's open tasks: the
     * reference {@code TasklistOrderTest} compares {@link #walk} and {@link #gather} with; a run does not use it.
     */
    public List<Task> sorted(String group, Integer track, int max) {
        var query = tasks.createTaskQuery().taskCandidateGroup(group).active();
        if (track != null) {
            query.processVariableValueEquals(EngineDriver.TRACK, track);
        }
        return query.orderByTaskPriority()
                .desc()
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .orderByTaskId()
                .asc()
                .listPage(0, max);
    }
}

package nl.asylumchain.forecast.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first open tasks of a candidate group in Tasklist order (priority high to low, then due date, creation time
 * and id), as a handler of the group would take them: the same tasks in the same order as the engine's task query
 * {@code taskCandidateGroup(group).active()} (with {@code processVariableValueEquals("track", track)} for one IND
 * track) ordered by those four columns, which {@code TasklistOrderTest} compares on placed cases.
 *
 * <p>The engine writes that query as {@code select distinct} over the task's columns, so its database must read and
 * sort every open task of the group before it returns the first few: with the letter's start stock (tens of thousands
 * of open IND tasks) each working day's query took seconds, a year of them most of a forecast's time. This statement
 * asks for the ids with {@code exists} instead, which the forecast's database answers by walking its index in that
 * order ({@code ForecastEngineSettings}) and stopping at the last task it needs; the tasks are then read by id. The
 * statement names the index (H2's {@code use index}): H2's planner would otherwise take the engine's index on
 * {@code ASSIGNEE_} for the {@code is null} that every open task matches, and sort them all again.
 * Read only, on the forecast's own in-memory database.
 */
@Component
@Profile("forecast")
public class TasklistOrder {

    private static final String FIRST_OPEN = """
            select RES.ID_ from ACT_RU_TASK RES use index (FORECAST_IDX_TASK_ORDER)
            where RES.ASSIGNEE_ is null and RES.SUSPENSION_STATE_ = 1
            and exists (select 1 from ACT_RU_IDENTITYLINK I
                where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ = :group)
            %s
            order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.ID_ asc
            limit :max
            """;
    /** A process variable equal to an integer, as the engine's query compares numbers (any integral type). */
    private static final String OF_TRACK = """
            and exists (select 1 from ACT_RU_VARIABLE V
                where V.PROC_INST_ID_ = RES.PROC_INST_ID_ and V.TASK_ID_ is null and V.NAME_ = :variable
                and V.TYPE_ in ('integer', 'long', 'short') and V.LONG_ = :track)
            """;

    /** From this many open tasks in a group on, walking the index beats sorting the group's tasks. */
    static final long WALK_FROM = 2_000;

    private final JdbcClient database;
    private final TaskService tasks;

    TasklistOrder(DataSource dataSource, TaskService tasks) {
        this.database = JdbcClient.create(dataSource);
        this.tasks = tasks;
    }

    /** The statement, with named parameters {@code group}, {@code max} and for one track {@code variable}, {@code track}. */
    public static String statement(boolean oneTrack) {
        return FIRST_OPEN.formatted(oneTrack ? OF_TRACK : "");
    }

    /**
     * The first {@code max} open tasks of {@code group}, of one IND track when {@code track} is given: by walking the
     * Tasklist-order index when the group holds many open tasks, with the engine's own query otherwise (a few hundred
     * tasks sort at once, while the walk reads past every other group's tasks before it reaches the last of a small
     * group's). Both give the same tasks in the same order.
     */
    public List<Task> first(String group, Integer track, int max) {
        long open = database.sql(
                        "select count(*) from ACT_RU_IDENTITYLINK where GROUP_ID_ = :group and TYPE_ = 'candidate'")
                .param("group", group)
                .query(Long.class)
                .single();
        return open >= WALK_FROM ? walk(group, track, max) : sorted(group, track, max);
    }

    /** The first open tasks by walking the Tasklist-order index. */
    public List<Task> walk(String group, Integer track, int max) {
        var statement =
                database.sql(statement(track != null)).param("group", group).param("max", max);
        if (track != null) {
            statement.param("variable", EngineDriver.TRACK).param("track", track.longValue());
        }
        List<String> ids = statement.query(String.class).list();
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

    /** The first open tasks by the engine's task query, which reads and sorts all of the group's open tasks. */
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

package nl.asylumchain.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The open process tasks per candidate group, kept as they come and go, so that a Tasklist group filter is counted
 * without reading every task of the group (issue 14; docs/authorization.md, "Counting a group filter"). An exact count
 * of a group's 100,000 tasks read them all (300 to 400 ms on PostgreSQL here); this reads two rows and a handful of
 * changes.
 *
 * <p><b>Kept</b> in the engine's own transaction: the authorization provider ({@link WorkScopeAuthorizationProvider})
 * hears of every candidate-group link of a task added or removed, on every path (the model creating a task, the API,
 * a task completed or deleted with its process), and {@link #changed} writes one row of +1 or -1 into {@code
 * task_group_tally_changes}; {@link TaskGroupTallyFold} moves them into {@code task_group_tally} and counts the engine's
 * tables again at start-up. Only tasks of a process count (a task made by hand has no definition a group could be
 * granted), and only while authorization is on (the only time the engine calls its provider).
 *
 * <p><b>Used</b> by {@link TallyTaskManager} for a count only when its answer is the exact count's: the query is a
 * group filter's and nothing more (one candidate group, assigned tasks included, active tasks only), and the acting
 * user, no administrator, reaches the group and holds READ_TASK on every definition with tasks of it ({@link
 * WorkScope}). Then every task the engine would count has the group's link, and every task with the link passes the
 * user's checks, so the count is the group's open tasks less its suspended ones. Anything else is counted by the
 * engine as before.
 */
final class TaskGroupTally {

    /** The keys a group filter's count query holds ({@code TasklistFilters}: active, one group, assigned too). */
    private static final Set<String> GROUP_FILTER_KEYS =
            Set.of("candidateGroup", "includeAssignedTasks", "active", "orderingProperties");
    /** The list an extended query copies along empty ({@code TaskQueryImpl.extend}). */
    private static final String EMPTY_WHEN_EXTENDED = "processInstanceIdIn";

    private static volatile boolean enabled = true;

    private TaskGroupTally() {}

    /** Switches counting from the tally on or off ({@code asylumchain.tasklist.count-from-tally}); keeping goes on. */
    static void enable(boolean on) {
        enabled = on;
    }

    /**
     * A candidate-group link of a task added ({@code +1}) or removed ({@code -1}), in the engine's transaction; the
     * engine calls this for every link while authorization is on.
     */
    static void changed(TaskEntity task, String groupId, String type, int delta) {
        CommandContext context = Context.getCommandContext();
        if (context == null
                || groupId == null
                || !IdentityLinkType.CANDIDATE.equals(type)
                || task.getProcessDefinitionId() == null) {
            return;
        }
        try (PreparedStatement insert = connection(context)
                .prepareStatement("insert into task_group_tally_changes (group_id, delta) values (?, ?)")) {
            insert.setString(1, groupId);
            insert.setInt(2, delta);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not record a change of the open tasks of " + groupId, e);
        }
    }

    /** The count of {@code query} from the tally, or empty when only the engine's own count is exact. */
    static Optional<Long> count(TaskQueryImpl query) {
        // the acting user exactly when the engine checks this command's authorizations
        Authentication user = enabled ? TaskReach.actingUser() : null;
        if (user == null || TaskReach.isAdministrator(user)) {
            return Optional.empty();
        }
        String group = groupFilterOf(query);
        if (group == null || !answersFor(user.getGroupIds(), group)) {
            return Optional.empty();
        }
        CommandContext context = Context.getCommandContext();
        return Optional.of(openTasks(context, group) - suspendedTasks(context, group));
    }

    /** The candidate group of a group filter's query ({@code TasklistFilters}), or null for any other query. */
    static String groupFilterOf(TaskQueryImpl query) {
        if (query.getCandidateGroup() == null
                || !query.isIncludeAssignedTasks()
                || !SuspensionState.ACTIVE.equals(query.getSuspensionState())
                || query.getQueries().size() != 1) {
            return null;
        }
        // every criterion a query can hold is a key of its JSON form (what a filter stores): none but the group
        // filter's may be set. A query Tasklist extends with its sorting also carries an empty processInstanceIdIn,
        // which is no criterion (the engine's SQL leaves an empty list of process instances out)
        var json = new JsonTaskQueryConverter().toJsonObject(query);
        boolean onlyTheGroupFilters = json.entrySet().stream()
                .filter(criterion -> !(EMPTY_WHEN_EXTENDED.equals(criterion.getKey())
                        && criterion.getValue().isJsonArray()
                        && criterion.getValue().getAsJsonArray().isEmpty()))
                .allMatch(criterion -> GROUP_FILTER_KEYS.contains(criterion.getKey()));
        return onlyTheGroupFilters ? query.getCandidateGroup() : null;
    }

    /**
     * Whether a member of {@code groups} gets the group's whole tally from the engine: the user reaches the group's
     * tasks and holds READ_TASK on every definition the group has tasks in (its work, granted to those who work or
     * lead there: {@link IdentitySetup}).
     */
    static boolean answersFor(Collection<String> groups, String group) {
        Optional<WorkScope.Scope> scope = WorkScope.of(group);
        if (scope.isEmpty() || !WorkScope.taskGroupsOf(groups).contains(group)) {
            return false;
        }
        Set<String> readable = new HashSet<>();
        for (String own : groups) {
            WorkScope.of(own).ifPresent(line -> {
                readable.addAll(line.work());
                readable.addAll(line.lead());
            });
        }
        return readable.containsAll(scope.get().work());
    }

    /**
     * A group's open process tasks: its tally and its changes not folded yet, in one statement (the fold moves changes
     * into the tally in one transaction, seen whole or not at all). Both placeholders take the group.
     */
    static final String OPEN_TASKS = "select coalesce((select open_tasks from task_group_tally where group_id = ?), 0)"
            + " + coalesce((select sum(delta) from task_group_tally_changes where group_id = ?), 0)";

    /** A group's suspended process tasks, found through the index of suspended tasks ({@code db/engine}). */
    static final String SUSPENDED_TASKS =
            "select count(*) from ACT_RU_TASK T where T.SUSPENSION_STATE_ = 2 and T.PROC_DEF_ID_ is not null"
                    + " and exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_"
                    + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ = ?)";

    private static long openTasks(CommandContext context, String group) {
        return single(context, OPEN_TASKS, group, 2);
    }

    private static long suspendedTasks(CommandContext context, String group) {
        return single(context, SUSPENDED_TASKS, group, 1);
    }

    /** A single number from {@code sql}, whose {@code parameters} placeholders all take the group. */
    private static long single(CommandContext context, String sql, String group, int parameters) {
        try (PreparedStatement select = connection(context).prepareStatement(sql)) {
            for (int i = 1; i <= parameters; i++) {
                select.setString(i, group);
            }
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not count the open tasks of " + group, e);
        }
    }

    /** The engine's own connection, in the command's transaction. */
    private static Connection connection(CommandContext context) {
        return context.getDbSqlSession().getSqlSession().getConnection();
    }
}

package nl.asylumchain.platform;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * The reach rules of {@link WorkScope} applied to one task inside an engine command: who is acting (the user the
 * engine REST API, the webapps or our own code set on the identity service), and whether that user, or the user a
 * task is handed to, reaches the task through its candidate groups. The engine's own work (job executor, our
 * delegates, an unauthenticated call) has no acting user and is not bounded here.
 */
final class TaskReach {

    private TaskReach() {}

    /** The acting user when the engine checks authorizations for this command, else null. */
    static Authentication actingUser() {
        CommandContext context = Context.getCommandContext();
        if (context == null
                || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
                || !context.isAuthorizationCheckEnabled()) {
            return null;
        }
        Authentication authentication = context.getAuthentication();
        return authentication == null || authentication.getUserId() == null ? null : authentication;
    }

    static boolean isAdministrator(Authentication user) {
        return WorkScope.unbounded(user.getGroupIds());
    }

    static Set<String> candidateGroups(TaskEntity task) {
        return task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** Refuses the acting user when the task is outside their reach: not theirs by group, not assigned to them. */
    static void ensureActingUserReaches(TaskEntity task, String permission) {
        Authentication user = actingUser();
        if (user == null || isAdministrator(user) || user.getUserId().equals(task.getAssignee())) {
            return;
        }
        if (!WorkScope.reaches(user.getGroupIds(), candidateGroups(task))) {
            throw new AuthorizationException(user.getUserId(), permission, "Task", task.getId());
        }
    }

    /** True when the acting user is the task's assignee. */
    static boolean actingUserHolds(TaskEntity task) {
        Authentication user = actingUser();
        return user != null && user.getUserId().equals(task.getAssignee());
    }

    /** Refuses handing a task to a user outside its reach (a team lead handing an IND task to a municipality). */
    static void ensureUserReaches(TaskEntity task, String userId, String role) {
        Authentication actor = actingUser();
        if (actor == null || userId == null) {
            return;
        }
        List<String> groups = groupsOf(userId);
        if (!WorkScope.reaches(groups, candidateGroups(task))) {
            throw new AuthorizationException("Task " + task.getId() + " cannot get " + userId + " as " + role
                    + ": the groups of " + userId + " " + groups + " do not reach its candidate groups "
                    + candidateGroups(task));
        }
    }

    private static List<String> groupsOf(String userId) {
        CommandContext context = Context.getCommandContext();
        // the acting user may not read every membership; the rule needs them all
        return context.runWithoutAuthorization(
                () -> context
                        .getProcessEngineConfiguration()
                        .getIdentityService()
                        .createGroupQuery()
                        .groupMember(userId)
                        .list()
                        .stream()
                        .map(Group::getId)
                        .toList());
    }

    /** True while the engine itself builds a task (candidate groups and assignee from the model). */
    static boolean beingCreated(TaskEntity task) {
        return "Init".equals(task.getTaskState());
    }

    /** True for a task a user may still change (not being built, completed or deleted). */
    static boolean open(TaskEntity task) {
        return "Created".equals(task.getTaskState()) || "Updated".equals(task.getTaskState());
    }
}

package nl.asylumchain.platform;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, except that tasks get none. The default writes one TASK and one HISTORIC_TASK
 * row per task per candidate group, assignee and owner; the task query joins the authorization table on the task
 * id, so with those rows Tasklist's work grew with tasks × rows (issue 14). Here the work scope grants per process
 * definition ({@link IdentitySetup}) and bounds by candidate group ({@link WorkScopeAuthorizationManager},
 * {@link WorkScopeCommandChecker}), so the authorization table stays a few hundred rows whatever the number of tasks.
 *
 * <p>The engine calls this inside the command that changes a task, which makes it the place to refuse what the
 * work scope forbids there: only administrators change candidate groups and users of an existing task, and an
 * assignee or owner must reach the task. The engine building a task from its model is not refused. It is also where
 * the engine says that a task's candidate group came or went, on every path: the open tasks per group are kept
 * here ({@link TaskGroupTally}).
 */
class WorkScopeAuthorizationProvider extends DefaultAuthorizationProvider {

    /** Whether the changes of the open tasks per group are written ({@code asylumchain.tasklist.keep-tally}). */
    private final boolean keepTally;

    WorkScopeAuthorizationProvider(boolean keepTally) {
        this.keepTally = keepTally;
    }

    @Override
    public AuthorizationEntity[] newTask(Task task) {
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (task instanceof TaskEntity entity && TaskReach.open(entity)) {
            TaskReach.ensureUserReaches(entity, newAssignee, "assignee");
        }
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        if (task instanceof TaskEntity entity && TaskReach.open(entity)) {
            TaskReach.ensureUserReaches(entity, newOwner, "owner");
        }
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        refuseIdentityLinkChange(task, "candidate user " + userId);
        return null;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        refuseIdentityLinkChange(task, "candidate group " + groupId);
        if (keepTally && task instanceof TaskEntity entity) {
            TaskGroupTally.changed(entity, groupId, type, +1);
        }
        return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        refuseIdentityLinkChange(task, "candidate user " + userId);
        return null;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        refuseIdentityLinkChange(task, "candidate group " + groupId);
        if (keepTally && task instanceof TaskEntity entity) {
            TaskGroupTally.changed(entity, groupId, type, -1);
        }
        return null;
    }

    /** Candidate groups say which organisation a task belongs to: adding one would widen its reach. */
    private static void refuseIdentityLinkChange(Task task, String link) {
        if (!(task instanceof TaskEntity entity) || !TaskReach.open(entity)) {
            return;
        }
        Authentication user = TaskReach.actingUser();
        if (user != null && !TaskReach.isAdministrator(user)) {
            throw new AuthorizationException("Only camunda-admin changes the candidates of task " + task.getId() + " ("
                    + link + "); " + user.getUserId() + " is no administrator");
        }
    }
}

package nl.asylumchain.platform;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization checks for single-task commands, plus the work scope's bound: with grants per process
 * definition, a definition that holds several organisations' tasks (registration: police, KMar and the IND; housing:
 * COA and the municipality) would otherwise open all of them to each. Every command the engine checks on one task
 * (read, variables, form, claim, complete, assign, identity links, delete) also needs the acting user to reach the
 * task through one of its candidate groups, or to be its assignee. It replaces the engine's
 * {@link AuthorizationCommandChecker} in the checker list, so it holds for the engine REST API, the webapps' REST
 * API and our Java code alike.
 */
class WorkScopeCommandChecker extends AuthorizationCommandChecker {

    @Override
    public void checkReadTask(TaskEntity task) {
        super.checkReadTask(task);
        TaskReach.ensureActingUserReaches(task, "READ_TASK");
    }

    @Override
    public void checkReadTaskVariable(TaskEntity task) {
        super.checkReadTaskVariable(task);
        TaskReach.ensureActingUserReaches(task, "READ_TASK_VARIABLE");
    }

    @Override
    public void checkUpdateTaskVariable(TaskEntity task) {
        super.checkUpdateTaskVariable(task);
        TaskReach.ensureActingUserReaches(task, "UPDATE_TASK_VARIABLE");
    }

    @Override
    public void checkTaskWork(TaskEntity task) {
        super.checkTaskWork(task);
        TaskReach.ensureActingUserReaches(task, "TASK_WORK");
    }

    /**
     * Handing out work needs TASK_ASSIGN (team leads, administrators), except for the handler who holds the task: he
     * may give it back (Tasklist's unclaim) or pass it to a colleague, and the new assignee must reach the task too
     * ({@link WorkScopeAuthorizationProvider#newTaskAssignee}).
     */
    @Override
    public void checkTaskAssign(TaskEntity task) {
        if (!TaskReach.actingUserHolds(task)) {
            super.checkTaskAssign(task);
        }
        TaskReach.ensureActingUserReaches(task, "TASK_ASSIGN");
    }

    @Override
    public void checkDeleteTask(TaskEntity task) {
        super.checkDeleteTask(task);
        TaskReach.ensureActingUserReaches(task, "DELETE");
    }
}

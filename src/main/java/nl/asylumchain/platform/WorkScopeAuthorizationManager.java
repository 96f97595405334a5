package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, with every task query (Tasklist's filters and counts, {@code GET
 * /engine-rest/task}, the webapps, our code under a user) bounded to the tasks the acting user reaches: a candidate
 * group in the user's work scope, or assigned to the user. The engine's own check stays (READ_TASK on the
 * definition), so a task needs both.
 *
 * <p>The bound is added as one more "or" part of the query: {@code RES.ASSIGNEE_ = ? or (I.TYPE_ = 'candidate'
 * and I.GROUP_ID_ in (...))} over the identity-link join, which PostgreSQL answers from the identity links' group
 * index; no authorization row per task is needed, so the authorization join stays a handful of rows.
 */
class WorkScopeAuthorizationManager extends AuthorizationManager {

    /** The bound's part of a query, marked so that running a query twice does not add it twice. */
    static final class ReachQuery extends TaskQueryImpl {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        AuthorizationCheck check = query.getAuthCheck();
        Authentication user = getCurrentAuthentication();
        if (!check.isAuthorizationCheckEnabled()
                || user == null
                || user.getUserId() == null
                || TaskReach.isAdministrator(user)
                || query.getQueries().stream().anyMatch(ReachQuery.class::isInstance)) {
            return;
        }
        ReachQuery reach = new ReachQuery();
        reach.taskAssignee(user.getUserId());
        Set<String> taskGroups = WorkScope.taskGroupsOf(user.getGroupIds());
        if (!taskGroups.isEmpty()) {
            reach.taskCandidateGroupIn(new ArrayList<>(taskGroups));
            reach.includeAssignedTasks();
        }
        query.addOrQuery(reach);
    }

    /** Puts this manager where the engine looks for its authorization manager. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new WorkScopeAuthorizationManager();
        }
    }
}

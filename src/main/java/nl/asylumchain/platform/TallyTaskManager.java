package nl.asylumchain.platform;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;

/**
 * The engine's task manager, with a group filter's count taken from the open tasks per candidate group ({@link
 * TaskGroupTally}) when that is the exact answer for the acting user; every other count, and every list, as the engine
 * runs it.
 */
class TallyTaskManager extends TaskManager {

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
        return TaskGroupTally.count(query).orElseGet(() -> super.findTaskCountByQueryCriteria(query));
    }

    /** Puts this manager where the engine looks for its task manager. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return TaskManager.class;
        }

        @Override
        public Session openSession() {
            return new TallyTaskManager();
        }
    }
}

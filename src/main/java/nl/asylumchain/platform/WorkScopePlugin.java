package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts the work scope into the engine: no authorization rows per task ({@link WorkScopeAuthorizationProvider}),
 * task queries bounded to the user's reach ({@link WorkScopeAuthorizationManager}), single-task commands bounded the
 * same way ({@link WorkScopeCommandChecker}, in place of the engine's own checker, whose checks it keeps), jobs
 * checked before they run ({@link GuardedManagementService}), and a group filter counted from the open tasks per
 * candidate group ({@link TallyTaskManager}, {@link TaskGroupTally}).
 */
@Component
class WorkScopePlugin extends AbstractProcessEnginePlugin {

    private final boolean keepTally;

    /**
     * {@code keepTally}: whether the open tasks per candidate group are kept; the forecast switches it off, where
     * nobody counts a filter and the changes would only pile up (its engine folds none).
     */
    WorkScopePlugin(@Value("${asylumchain.tasklist.keep-tally:true}") boolean keepTally) {
        this.keepTally = keepTally;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new WorkScopeAuthorizationProvider(keepTally));
        configuration.setManagementService(new GuardedManagementService(configuration));

        List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        sessionFactories.add(new WorkScopeAuthorizationManager.Factory());
        sessionFactories.add(new TallyTaskManager.Factory());
        configuration.setCustomSessionFactories(sessionFactories);

        List<CommandChecker> checkers = new ArrayList<>();
        if (configuration.getCommandCheckers() == null) {
            // the engine's defaults (initCommandCheckers), with our checker in place of its authorization checker
            checkers.add(new TenantCommandChecker());
            checkers.add(new WorkScopeCommandChecker());
        } else {
            for (CommandChecker checker : configuration.getCommandCheckers()) {
                checkers.add(
                        checker.getClass() == AuthorizationCommandChecker.class
                                ? new WorkScopeCommandChecker()
                                : checker);
            }
        }
        configuration.setCommandCheckers(checkers);
    }
}

package nl.asylumchain.forecast.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;

/**
 * The latest deployed definition of each process and decision key, remembered in the forecast's engine. Camunda asks
 * its database for the latest version at every start by key, every call activity and every business rule task (so
 * that a cluster sees another node's deployment at once); the forecast's engine is alone with its database and
 * deploys only before and at the start of a run (the models, then a scenario's policy tables), so after the first
 * lookup the answer stands until the next deployment, which forgets them all (a post-deployer).
 *
 * <p>A remembered answer is the definition from the engine's own deployment cache, the one the database answer would
 * have been resolved to; a definition that has left that cache is looked up in the database again. A process
 * definition by id is answered from that cache too.
 */
final class LatestDefinitions {

    private final Map<String, String> processes = new ConcurrentHashMap<>();
    private final Map<String, String> decisions = new ConcurrentHashMap<>();

    /** Session factories that replace the engine's managers of process and decision definitions. */
    List<SessionFactory> sessionFactories() {
        return List.of(
                factory(ProcessDefinitionManager.class, RememberingProcessDefinitions::new),
                factory(DecisionDefinitionManager.class, RememberingDecisionDefinitions::new));
    }

    /** Forgets every remembered answer when anything is deployed. */
    Deployer forgetOnDeployment() {
        return new Deployer() {
            @Override
            public void deploy(DeploymentEntity deployment) {
                processes.clear();
                decisions.clear();
            }
        };
    }

    /** Adds this to the engine's post-deployers and session factories, keeping those already set. */
    void addTo(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.addAll(sessionFactories());
        configuration.setCustomSessionFactories(factories);
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(forgetOnDeployment());
        configuration.setCustomPostDeployers(deployers);
    }

    private static SessionFactory factory(Class<?> type, java.util.function.Supplier<Session> manager) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return manager.get();
            }
        };
    }

    /**
     * The remembered answer for {@code key} if the engine's deployment cache still holds it, else the database's
     * (remembered for the next time).
     */
    private static <T extends ResourceDefinitionEntity<?>> T latest(
            Map<String, String> remembered, String key, Function<String, T> cached, Function<String, T> database) {
        String id = remembered.get(key);
        if (id != null) {
            T deployed = cached.apply(id);
            if (deployed != null) {
                return deployed;
            }
        }
        T latest = database.apply(key);
        if (latest != null) {
            remembered.put(key, latest.getId());
        }
        return latest;
    }

    private static DeploymentCache deploymentCache() {
        return Context.getProcessEngineConfiguration().getDeploymentCache();
    }

    private final class RememberingProcessDefinitions extends ProcessDefinitionManager {

        @Override
        public ProcessDefinitionEntity findLatestDefinitionByKey(String key) {
            return latest(
                    processes,
                    key,
                    id -> deploymentCache().findProcessDefinitionFromCache(id),
                    super::findLatestDefinitionByKey);
        }

        /** A call activity's lookup (with the caller's tenant, none in the chain). */
        @Override
        public ProcessDefinitionEntity findLatestDefinitionByKeyAndTenantId(String key, String tenantId) {
            return latest(
                    processes,
                    key + "@" + tenantId,
                    id -> deploymentCache().findProcessDefinitionFromCache(id),
                    k -> super.findLatestDefinitionByKeyAndTenantId(key, tenantId));
        }

        /**
         * A definition by its id, which the engine reads from the database before it takes the deployment cache's
         * (at every execution and task that needs its definition): a definition's id never names another one, and
         * the forecast suspends none, so the deployment cache's definition is the answer.
         */
        @Override
        public ProcessDefinitionEntity findLatestDefinitionById(String id) {
            ProcessDefinitionEntity deployed = deploymentCache().findProcessDefinitionFromCache(id);
            return deployed != null ? deployed : super.findLatestDefinitionById(id);
        }
    }

    private final class RememberingDecisionDefinitions extends DecisionDefinitionManager {

        @Override
        public DecisionDefinitionEntity findLatestDefinitionByKey(String key) {
            return latest(
                    decisions,
                    key,
                    id -> deploymentCache().findDecisionDefinitionFromCache(id),
                    super::findLatestDefinitionByKey);
        }
    }
}

package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Models cannot run code: the engine evaluates expressions with {@link ModelExpressionManager} (only what
 * {@link ModelBeans} lists), every deployment passes {@link ModelGate} first, and there is no script engine at all,
 * for BPMN or DMN, so a script that got into the database some other way still cannot run.
 */
@Configuration(proxyBeanMethods = false)
class ModelGateConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModelGateConfiguration.class);

    @Bean
    ModelBeans modelBeans(ConfigurableListableBeanFactory beanFactory) {
        return new ModelBeans(beanFactory, ModelBeans.HELPERS);
    }

    @Bean
    @Order(Ordering.DEFAULT_ORDER + 1)
    AbstractProcessEnginePlugin modelGate(ModelBeans modelBeans) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setExpressionManager(new ModelExpressionManager(modelBeans));
                List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                        ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomPreDeployers());
                preDeployers.add(0, new ModelGate(modelBeans));
                configuration.setCustomPreDeployers(preDeployers);
                configuration.setScriptEngineResolver(new NoScriptEngines());
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine processEngine) {
                log.info("Models may use: {}", modelBeans.describe());
            }
        };
    }

    /** Resolves no language: a script task, script listener or script in a decision fails instead of running. */
    static final class NoScriptEngines implements ScriptEngineResolver {

        // searches no class loader, so it finds no engine either
        private final ScriptEngineManager none = new ScriptEngineManager(new ClassLoader(null) {});

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
            // the engine offers its JUEL script engine here; models get no script engine
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return none;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }
}

package nl.asylumchain.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** The chain works in Dutch time: deadlines that end "at the end of the day" end in Amsterdam. */
    static final ZoneId CHAIN_ZONE = ZoneId.of("Europe/Amsterdam");

    @Bean
    Clock businessClock() {
        return new BusinessClock(CHAIN_ZONE);
    }

    /** Bean Validation's {@code @PastOrPresent} and friends use the same business clock. */
    @Bean
    ValidationConfigurationCustomizer businessClockForValidation(Clock businessClock) {
        return configuration -> configuration.clockProvider(() -> businessClock);
    }

    /**
     * All models go out as one deployment named after the application; an unchanged model is not deployed again
     * on restart, so running cases keep their version and the history stays readable.
     */
    @Bean
    @Order(Ordering.DEFAULT_ORDER + 1)
    AbstractProcessEnginePlugin deploymentSettings() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration instanceof SpringProcessEngineConfiguration spring) {
                    spring.setDeploymentName("asylum-chain");
                    spring.setDeployChangedOnly(true);
                }
            }
        };
    }

    /**
     * The engine's DMN engine parses each FEEL text of the deployed tables once instead of at every evaluation
     * ({@link ParsedFeelCache}; docs/benchmarks.md, "Less work per step").
     */
    @Bean
    AbstractProcessEnginePlugin parsedFeel() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                ParsedFeelCache.installIn(configuration);
            }
        };
    }

    /**
     * The engine's statements are built with OGNL reading each property's method from a memory instead of searching
     * the class's methods at every evaluation ({@link RememberedReadMethods}; docs/forecast.md, "Eighth round").
     */
    @Bean
    AbstractProcessEnginePlugin rememberedReadMethods() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                RememberedReadMethods.install();
            }
        };
    }

    /**
     * With several nodes on one database (docs/production.md) the job table should tell which node holds a job: the
     * job executor's lock owner becomes the engine's host name (camunda.bpm.generic-properties.properties.hostname,
     * by default the node's address), which the job log also records, plus a random part because two executors must
     * never share an owner (on shutdown an executor releases every lock of its owner).
     */
    @Bean
    AbstractProcessEnginePlugin lockOwnerNamesTheNode() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getJobExecutor() != null) {
                    configuration.getJobExecutor().setLockOwner(configuration.getHostname() + "/" + UUID.randomUUID());
                }
            }
        };
    }
}

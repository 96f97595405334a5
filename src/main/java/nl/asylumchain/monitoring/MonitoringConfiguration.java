package nl.asylumchain.monitoring;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The backlog refresh and the demo traffic run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MonitoringConfiguration {}

package nl.asylumchain.reception;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reception capacities from configuration; the gauges refresh on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReceptionProperties.class)
@EnableScheduling
class ReceptionConfiguration {}

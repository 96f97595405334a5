package nl.asylumchain.housing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housing settings; the quota gauges refresh on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HousingProperties.class)
@EnableScheduling
class HousingConfiguration {}

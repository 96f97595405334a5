package nl.asylumchain.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The access log's settings and its retention purge, once a day by default. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessLogProperties.class)
@EnableScheduling
class AccessLogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessLogConfiguration.class);

    private final AccessLog accessLog;

    AccessLogConfiguration(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Scheduled(cron = "${asylumchain.access-log.purge-cron:0 15 3 * * *}")
    void purge() {
        // a count, never a row: the log line carries no ids either
        log.info("Access log purge removed {} rows past their retention", accessLog.purge());
    }
}

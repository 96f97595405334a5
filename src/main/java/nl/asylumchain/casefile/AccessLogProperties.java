package nl.asylumchain.casefile;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access log's settings ({@code asylumchain.access-log.*}): how long a row is kept (ISO-8601 period) and when
 * the purge runs (a Spring cron expression, in the server's time zone).
 */
@ConfigurationProperties("asylumchain.access-log")
public record AccessLogProperties(
        @DefaultValue("P5Y") Period retention,
        @DefaultValue("0 15 3 * * *") String purgeCron) {}

package nl.asylumchain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on in-memory H2, one context (one engine boot) shared by every API and module test that
 * needs nothing else: no job executor and no background refresh of the gauges (tests decide what happens when),
 * the Prometheus endpoint on. Tests in it share the database too, so they assert on their own cases or on
 * differences, never on totals. A test that needs another setting (demo users off, a small capacity, the demo
 * traffic) has its own context, and says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:chain;DB_CLOSE_DELAY=-1",
            "camunda.bpm.job-execution.enabled=false",
            "asylumchain.monitoring.initial-delay=1h",
            "asylumchain.monitoring.refresh-interval=1h"
        })
@AutoConfigureObservability
public @interface ChainTestContext {}

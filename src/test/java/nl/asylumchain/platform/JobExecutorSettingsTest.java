package nl.asylumchain.platform;

import java.time.Duration;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job executor settings of application.yml against the promises in docs/errors-and-recovery.md: a job locked by
 * a node that died is free again and taken by another node within 60 s; an idle node notices a newly due job within
 * 5 s. Camunda's defaults (a 5-minute lock, up to 60 s between acquisitions) keep neither.
 */
class JobExecutorSettingsTest {

    private final JobExecutionProperty jobs = settings();

    @Test
    void jobsOfADeadNodeAreTakenOverWithinAMinute() {
        Duration worstCase =
                Duration.ofMillis(jobs.getLockTimeInMillis()).plus(idleWait()).plusMillis(jobs.getMaxBackoff());
        assertThat(worstCase).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anIdleNodePicksUpANewlyDueJobWithinFiveSeconds() {
        assertThat(idleWait().plusMillis(jobs.getMaxBackoff())).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theLockOutlastsAnyJobWeRunByFar() {
        // a job that runs longer than its lock is taken by a second node and run twice
        assertThat(Duration.ofMillis(jobs.getLockTimeInMillis())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    /** The longest an idle node waits before it looks for due jobs again. */
    private Duration idleWait() {
        assertThat(jobs.getWaitTimeInMillis()).isNotNull();
        return Duration.ofMillis(Math.max(jobs.getMaxWait(), jobs.getWaitTimeInMillis()));
    }

    private static JobExecutionProperty settings() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
                environment.getPropertySources().addLast(source);
            }
            JobExecutionProperty jobs = Binder.get(environment)
                    .bind(CamundaBpmProperties.PREFIX, CamundaBpmProperties.class)
                    .get()
                    .getJobExecution();
            assertThat(jobs.getLockTimeInMillis()).as("lock-time-in-millis set").isNotNull();
            assertThat(jobs.getMaxWait()).as("max-wait set").isNotNull();
            assertThat(jobs.getMaxBackoff()).as("max-backoff set").isNotNull();
            return jobs;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

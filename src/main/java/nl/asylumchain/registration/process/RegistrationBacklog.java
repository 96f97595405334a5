package nl.asylumchain.registration.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.BacklogFigures;
import nl.asylumchain.platform.RunningInstanceCounts;

/**
 * Open cases in registration: {@code rest_period} waits at the rest-period timer of {@code registration},
 * {@code registration} is the rest of its running instances.
 */
@Component
class RegistrationBacklog implements BacklogFigures {

    static final Series REGISTRATION = Series.openCases("registration");
    static final Series REST_PERIOD = Series.openCases("rest_period");

    private final RuntimeService runtime;
    private final RunningInstanceCounts instances;

    RegistrationBacklog(RuntimeService runtime, RunningInstanceCounts instances) {
        this.runtime = runtime;
        this.instances = instances;
    }

    @Override
    public List<Series> series() {
        return List.of(REGISTRATION, REST_PERIOD);
    }

    @Override
    public Map<Series, Long> count(Instant now) {
        long restPeriod = runtime.createExecutionQuery()
                .processDefinitionKey(RegistrationModel.PROCESS_KEY)
                .activityId(RegistrationModel.EVENT_REST_PERIOD_PASSED)
                .count();
        long all = instances.count(RegistrationModel.PROCESS_KEY);
        return Map.of(REGISTRATION, all - restPeriod, REST_PERIOD, restPeriod);
    }
}

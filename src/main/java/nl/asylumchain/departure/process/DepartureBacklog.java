package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RunningInstancesBacklog;

/** Open cases in {@code departure}: the running instances of this stage's process. */
@Component
class DepartureBacklog extends RunningInstancesBacklog {

    DepartureBacklog(RuntimeService runtime) {
        super("departure", DepartureModel.PROCESS_KEY, runtime);
    }
}

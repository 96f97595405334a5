package nl.asylumchain.departure.process;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RunningInstanceCounts;
import nl.asylumchain.platform.RunningInstancesBacklog;

/** Open cases in {@code departure}: the running instances of this stage's process. */
@Component
class DepartureBacklog extends RunningInstancesBacklog {

    DepartureBacklog(RunningInstanceCounts instances) {
        super("departure", DepartureModel.PROCESS_KEY, instances);
    }
}

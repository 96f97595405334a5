package nl.asylumchain.housing.process;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RunningInstanceCounts;
import nl.asylumchain.platform.RunningInstancesBacklog;

/** Open cases in {@code housing}: the running instances of this stage's process. */
@Component
class HousingBacklog extends RunningInstancesBacklog {

    HousingBacklog(RunningInstanceCounts instances) {
        super("housing", HousingModel.PROCESS_KEY, instances);
    }
}

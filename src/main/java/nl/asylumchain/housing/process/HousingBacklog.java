package nl.asylumchain.housing.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RunningInstancesBacklog;

/** Open cases in {@code housing}: the running instances of this stage's process. */
@Component
class HousingBacklog extends RunningInstancesBacklog {

    HousingBacklog(RuntimeService runtime) {
        super("housing", HousingModel.PROCESS_KEY, runtime);
    }
}

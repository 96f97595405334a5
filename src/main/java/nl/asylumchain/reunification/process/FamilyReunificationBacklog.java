package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RunningInstancesBacklog;

/** Open cases in {@code family_reunification}: the running instances of this stage's process. */
@Component
class FamilyReunificationBacklog extends RunningInstancesBacklog {

    FamilyReunificationBacklog(RuntimeService runtime) {
        super("family_reunification", FamilyReunificationModel.PROCESS_KEY, runtime);
    }
}

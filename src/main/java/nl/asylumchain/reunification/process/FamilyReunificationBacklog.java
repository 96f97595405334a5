package nl.asylumchain.reunification.process;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RunningInstanceCounts;
import nl.asylumchain.platform.RunningInstancesBacklog;

/** Open cases in {@code family_reunification}: the running instances of this stage's process. */
@Component
class FamilyReunificationBacklog extends RunningInstancesBacklog {

    FamilyReunificationBacklog(RunningInstanceCounts instances) {
        super("family_reunification", FamilyReunificationModel.PROCESS_KEY, instances);
    }
}

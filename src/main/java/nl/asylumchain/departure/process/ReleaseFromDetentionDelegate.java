package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Activity_ReleaseFromDetention: released from detention. */
@Component("releaseFromDetentionDelegate")
class ReleaseFromDetentionDelegate implements JavaDelegate {
    private final DepartureService departures;

    ReleaseFromDetentionDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        departures.releaseFromDetention(DepartureVariables.caseId(execution));
        execution.setVariable("proposeDetention", false);
    }
}

package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Vertrek sluiten na vernietiging (in {@code asylumCase}): the suspended departure ends without an outcome. */
@Component("closeSuspendedDepartureDelegate")
class CloseSuspendedDepartureDelegate implements JavaDelegate {

    private final DepartureService departures;

    CloseSuspendedDepartureDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        departures.closeAfterAnnulment(DepartureVariables.caseId(execution));
    }
}

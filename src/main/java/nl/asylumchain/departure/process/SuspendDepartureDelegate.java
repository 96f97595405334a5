package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Opschorting vertrek vastleggen (in {@code asylumCase}, after interim relief interrupted the departure): DT&V's record shows the departure suspended until the ruling. */
@Component("suspendDepartureDelegate")
class SuspendDepartureDelegate implements JavaDelegate {

    private final DepartureService departures;

    SuspendDepartureDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        departures.suspend(DepartureVariables.caseId(execution));
    }
}

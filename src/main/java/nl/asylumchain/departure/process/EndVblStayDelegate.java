package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Activity_EndVblStay: the stay in the VBL ends. */
@Component("endVblStayDelegate")
class EndVblStayDelegate implements JavaDelegate {
    private final DepartureService departures;

    EndVblStayDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        departures.endVblStay(DepartureVariables.caseId(execution));
    }
}

package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Activity_RecordResponsibility: the transfer period passed and the Netherlands is responsible; the case goes to spoor 4. */
@Component("recordResponsibilityDelegate")
class RecordResponsibilityDelegate implements JavaDelegate {
    private final DepartureService departures;

    RecordResponsibilityDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        departures.assumeResponsibility(DepartureVariables.caseId(execution));
        execution.setVariable("track", 4);
        execution.setVariable("trackReason", DepartureService.DUBLIN_TRANSFER_DEADLINE_PASSED);
    }
}

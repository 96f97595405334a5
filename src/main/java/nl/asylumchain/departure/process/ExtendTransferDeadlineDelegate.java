package nl.asylumchain.departure.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;
import nl.asylumchain.departure.TransferCircumstance;

/** Overdrachtstermijn verlengen (Activity_ExtendTransferImprisoned, Activity_ExtendTransferAbsconded), by the circumstance the boundary event sets. */
@Component("extendTransferDeadlineDelegate")
class ExtendTransferDeadlineDelegate implements JavaDelegate {
    private final DepartureService departures;

    ExtendTransferDeadlineDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TransferCircumstance circumstance =
                TransferCircumstance.valueOf((String) execution.getVariableLocal("circumstance"));
        execution.setVariable(
                "transferDeadline",
                Date.from(departures.extendTransferDeadline(DepartureVariables.caseId(execution), circumstance)));
    }
}

package nl.asylumchain.departure.process;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;
import nl.asylumchain.platform.FormDate;
import nl.asylumchain.platform.InvalidRequestException;

/** Meldtijd Dublinoverdracht vastleggen: the transfer date from the form, and the 48 hours to show up. */
@Component("recordTransferPlanDelegate")
class RecordTransferPlanDelegate implements JavaDelegate {
    private final DepartureService departures;

    RecordTransferPlanDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate date = FormDate.of(execution.getVariable("transferDate"))
                .orElseThrow(() -> new InvalidRequestException("transferDate", "must be a date (yyyy-MM-dd)"));
        execution.setVariable(
                "transferReportBy", Date.from(departures.planTransfer(DepartureVariables.caseId(execution), date)));
    }
}

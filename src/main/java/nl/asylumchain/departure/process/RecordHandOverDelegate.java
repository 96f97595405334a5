package nl.asylumchain.departure.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;
import nl.asylumchain.departure.DepartureService.HandOver;

/** Overdracht vastleggen: starts the clocks and the variables the branches wait on. */
@Component("recordHandOverDelegate")
class RecordHandOverDelegate implements JavaDelegate {
    private final DepartureService departures;

    RecordHandOverDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HandOver handOver = departures.handOver(
                DepartureVariables.caseId(execution),
                (String) execution.getVariable("indOutcome"),
                (String) execution.getVariable("departurePeriod"),
                DepartureVariables.instant(execution.getVariable("dublinAcceptedOn")),
                DepartureVariables.instant(execution.getVariable("transferPeriodFrom")));
        execution.setVariable("departurePeriodEnds", Date.from(handOver.departurePeriodEnds()));
        execution.setVariable(
                "transferDeadline",
                handOver.transferDeadline() == null ? null : Date.from(handOver.transferDeadline()));
        execution.setVariable("missedReportLimit", handOver.missedReportLimit());
        execution.setVariable("missedReportsInARow", 0);
        execution.setVariable(
                "interviewInterval", departures.rules().interviewInterval().toString());
        execution.setVariable(
                "vblMaximumStay", departures.rules().vblMaximumStay().toString());
        execution.setVariable("familyWithMinorChildren", false);
        execution.setVariable("departed", false);
        execution.setVariable("proposeDetention", false);
    }
}

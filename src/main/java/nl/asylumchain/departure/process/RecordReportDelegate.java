package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Meldplicht vastleggen (Activity_RecordReport, Activity_RecordMissedReport): a report or a missed one; counts the missed reports in a row. */
@Component("recordReportDelegate")
class RecordReportDelegate implements JavaDelegate {
    private final DepartureService departures;

    RecordReportDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean reported = Boolean.TRUE.equals(execution.getVariableLocal("reported"));
        execution.setVariable(
                "missedReportsInARow", departures.recordReport(DepartureVariables.caseId(execution), reported));
    }
}

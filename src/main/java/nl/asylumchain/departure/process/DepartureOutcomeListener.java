package nl.asylumchain.departure.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureOutcome;
import nl.asylumchain.departure.DepartureService;

/** On each outcome end event: records the outcome and hands it to the main process. */
@Component("departureOutcomeListener")
class DepartureOutcomeListener implements ExecutionListener {
    private final DepartureService departures;

    DepartureOutcomeListener(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DepartureOutcome outcome = DepartureModel.OUTCOMES.get(execution.getCurrentActivityId());
        if (outcome == null) {
            throw new IllegalStateException("No outcome for end event " + execution.getCurrentActivityId());
        }
        departures.close(DepartureVariables.caseId(execution), outcome);
        execution.setVariable("departureOutcome", outcome.name());
    }
}

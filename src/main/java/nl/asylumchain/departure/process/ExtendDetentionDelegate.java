package nl.asylumchain.departure.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Activity_ExtendDetention: the detention ends later. */
@Component("extendDetentionDelegate")
class ExtendDetentionDelegate implements JavaDelegate {
    private final DepartureService departures;

    ExtendDetentionDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant ends = departures.extendDetention(
                DepartureVariables.caseId(execution), (String) execution.getVariable("extensionReason"));
        execution.setVariable("detentionEnds", Date.from(ends));
    }
}

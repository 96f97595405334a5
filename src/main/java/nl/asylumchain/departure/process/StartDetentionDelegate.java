package nl.asylumchain.departure.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureService;

/** Activity_StartDetention: the detention and when it ends. */
@Component("startDetentionDelegate")
class StartDetentionDelegate implements JavaDelegate {
    private final DepartureService departures;

    StartDetentionDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant ends = departures.startDetention(
                DepartureVariables.caseId(execution), (String) execution.getVariable("detentionGround"));
        execution.setVariable("detentionEnds", Date.from(ends));
        execution.setVariable("extendDetention", false);
    }
}

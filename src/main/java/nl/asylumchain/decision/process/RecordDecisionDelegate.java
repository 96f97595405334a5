package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;
import nl.asylumchain.decision.IndDecisionService.Consequence;
import nl.asylumchain.decision.IndOutcome;

/**
 * Records the outcome the model hands it as input parameter {@code outcome} and sets what the chain routes on:
 * {@code indOutcome} and, after a rejection, the {@code departurePeriod} (ISO-8601).
 */
@Component("recordDecisionDelegate")
class RecordDecisionDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    RecordDecisionDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IndOutcome outcome = IndOutcome.fromRecorded((String) execution.getVariableLocal("outcome"));
        int track = ((Number) execution.getVariable("track")).intValue();
        Consequence consequence = decisions.record(UUID.fromString(execution.getProcessBusinessKey()), track,
                outcome);
        execution.setVariable("indOutcome", consequence.outcome().name());
        execution.setVariable("departurePeriod", consequence.departurePeriod().map(Object::toString).orElse(null));
    }
}

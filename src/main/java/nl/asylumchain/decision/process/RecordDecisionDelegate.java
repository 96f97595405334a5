package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;
import nl.asylumchain.decision.IndDecisionService.Consequence;
import nl.asylumchain.decision.IndOutcome;

/**
 * Records the outcome the model hands it as input parameter {@code outcome} (GRANT, REJECT, DUBLIN_ACCEPTED) and
 * sets what the chain routes on: {@code indOutcome} and {@code departurePeriod} (ISO-8601) for a grant; for an
 * accepted Dublin claim only {@code dublinAcceptedOn}. A rejection or a Dublin decision sets no outcome yet: it can
 * be carried out only after the appeal window (and any interim relief).
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
        Consequence consequence = decisions.record(UUID.fromString(execution.getProcessBusinessKey()), track, outcome);
        apply(execution, consequence);
    }

    static void apply(DelegateExecution execution, Consequence consequence) {
        // the acceptance date is known at the Dublin decision, before the appeal says whether it can be carried out
        consequence.dublinAcceptedOn().ifPresent(on -> execution.setVariable("dublinAcceptedOn", Date.from(on)));
        consequence.outcome().ifPresent(outcome -> {
            execution.setVariable("indOutcome", outcome.name());
            execution.setVariable(
                    "departurePeriod",
                    consequence.departurePeriod().map(Object::toString).orElse(null));
            execution.setVariable(
                    "transferPeriodFrom",
                    consequence.transferPeriodFrom().map(Date::from).orElse(null));
        });
    }
}

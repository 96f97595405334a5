package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;

/** Two weeks after the notice of default: the case is exposed to penalty payments. */
@Component("flagPenaltyExposureDelegate")
class FlagPenaltyExposureDelegate implements JavaDelegate {

    private final DecisionDeadlineService deadlines;

    FlagPenaltyExposureDelegate(DecisionDeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.flagPenaltyExposure(UUID.fromString(execution.getProcessBusinessKey()));
    }
}

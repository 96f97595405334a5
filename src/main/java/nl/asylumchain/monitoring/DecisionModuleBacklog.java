package nl.asylumchain.monitoring;

import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.decision.PolicyHoldService;

/**
 * The deadline gauges from where the facts live: the decision module's holds, deadlines (with extensions and time
 * on hold) and notices of default. Each figure is one query in the decision module, run by the background refresh.
 */
@Component
class DecisionModuleBacklog implements DecisionBacklogSource {

    private final PolicyHoldService holds;
    private final DecisionDeadlineService deadlines;

    DecisionModuleBacklog(PolicyHoldService holds, DecisionDeadlineService deadlines) {
        this.holds = holds;
        this.deadlines = deadlines;
    }

    @Override
    public long casesOnHold() {
        return holds.casesOnHold();
    }

    @Override
    public long casesPastDecisionDeadline() {
        return deadlines.casesPastDeadline();
    }

    @Override
    public long casesExposedToPenalty() {
        return deadlines.casesExposedToPenalty();
    }
}

package nl.asylumchain.monitoring;

/**
 * Where the deadline gauges come from: {@code asylum.cases.on.hold}, {@code asylum.cases.past.decision.deadline}
 * and {@code asylum.cases.penalty.exposed}. Called by the background refresh only.
 * <p>
 * The decision module keeps holds, deadlines with their extensions and notices of default in its own tables and
 * offers the figures in its module root; {@link DecisionModuleBacklog} passes them on. The adapter belongs in
 * monitoring: monitoring depends on decision, so the decision module implementing this interface itself would make
 * a cycle.
 */
public interface DecisionBacklogSource {

    /** Cases parked now by a policy hold (beleidsmatige aanhouding, besluitmoratorium) at an IND step. */
    long casesOnHold();

    /**
     * Cases in the IND procedure without a decision whose decision deadline has passed: 6 months from the
     * application, moved by extensions and by the time on hold.
     */
    long casesPastDecisionDeadline();

    /** Cases without a decision exposed to penalty payments (dwangsom): two weeks after a notice of default. */
    long casesExposedToPenalty();
}

package nl.asylumchain.monitoring;

/**
 * Where the deadline gauges come from: {@code asylum.cases.on.hold}, {@code asylum.cases.past.decision.deadline}
 * and {@code asylum.cases.penalty.exposed}. Called by the background refresh only.
 * <p>
 * The default ({@link CaseFileDecisionBacklog}) derives what the case file knows. When the decision module keeps
 * holds, extensions and notices of default in its own tables, it offers the figures in its module root (a method
 * of its service), and a bean of this type here with a higher precedence ({@code @Order}) passes them on. The
 * adapter belongs in monitoring: monitoring already depends on decision, so the decision module implementing this
 * interface itself would make a cycle.
 */
public interface DecisionBacklogSource {

    /** Cases whose decision is suspended (besluit- en vertrekmoratorium, a policy hold). */
    long casesOnHold();

    /** Open cases without a decision whose decision deadline has passed. */
    long casesPastDecisionDeadline();

    /** Cases past their deadline for which a penalty (dwangsom) runs or can run after a notice of default. */
    long casesExposedToPenalty();
}

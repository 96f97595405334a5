package nl.asylumchain.decision;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The decision module's port to its DMN period tables ({@code dmn/decisionPeriods.dmn}, {@code dmn/departurePeriod.dmn}):
 * the services compute deadlines from what the deployed tables say, without knowing the engine that evaluates them.
 * Implemented in {@code process/}.
 */
public interface DecisionPeriods {

    /**
     * The statutory decision period (from the application) and, when the procedure has its own day for the decision,
     * how long after the opening it falls (empty in the VA: the decision is due at the deadline); how long before the
     * deadline the team lead is warned; how long after a notice of default penalty payments run (Awb art. 4:17); and
     * the term for a new decision after a court annulment, from the ruling (Awb art. 8:72 lid 4).
     */
    record Periods(
            Period decisionPeriod,
            Optional<Period> decideWithin,
            Period warningBefore,
            Period noticeOfDefaultPeriod,
            Period redecisionPeriod) {}

    /** A category-wide extension that covers a case, with the decision it rests on. */
    record GroupExtension(Period extension, String basis) {}

    /** The periods for this track and procedure; a table without a row for them is a broken deployment. */
    Periods periods(int track, String procedure);

    /** The extension for this step (1, 2, ...) on this ground; empty when the table allows none. */
    Optional<Period> extension(int step, String ground);

    /** The category-wide extension that covers an application of this day in this track, if any. */
    Optional<GroupExtension> groupExtension(LocalDate applicationDate, int track);

    /** The departure period after a decision of this type (REJECTION, DUBLIN); empty when the table gives none. */
    Optional<Period> departurePeriod(String decisionType, int track, String trackReason);

    /**
     * These tables as deployed now, for many answers in one step or count: each table's version is looked up once. The
     * answers themselves are not remembered.
     */
    default DecisionPeriods pinned() {
        return this;
    }
}

package nl.asylumchain.platform;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history level for the chain ({@code camunda.bpm.history-level: chain}, docs/production.md): everything
 * of level {@code full} except the two kinds of detail nobody reads. Kept: process, activity and task instances (the
 * case timeline, stage lead times), identity links, incidents, the user operation log, the job log, every decision
 * evaluation with its inputs and outputs (the motivation of a routing decision, Awb 3:46), the latest value of every
 * variable, batches and external task logs. Dropped: a second copy of every variable value at every update
 * ({@code ACT_HI_DETAIL}) and form-property details (our forms submit variables). Data minimisation (AVG art. 5(1)(c)):
 * the access log and the user operation log are the record of who did what, not a copy of each intermediate value.
 *
 * <p>Also dropped: the evaluations of the decisions named in {@code asylumchain.history.unrecorded-decisions}
 * ({@code taskPeriods}). Such a table takes no fact of a case as input (only the name of the process that starts) and
 * the version a process read is kept anyway, as its variable {@code taskPeriods}, whose latest value the history
 * keeps; its evaluation at every process start was a tenth of the rows a case's step wrote
 * (docs/postgresql.md#history-level). Since 4 December 2026 it is evaluated once per version and process.
 */
public final class ChainHistoryLevel extends AbstractHistoryLevel {

    /** The name {@code camunda.bpm.history-level} takes. */
    public static final String NAME = "chain";

    /**
     * Stored by the engine in {@code ACT_GE_PROPERTY} ({@code historyLevel}); the built-in levels take 0 to 3, so a
     * database that ran at {@code full} (3) is told apart.
     */
    public static final int ID = 10;

    /** The level with every decision's evaluations recorded (the benchmarks' stock engine registers it). */
    public static final ChainHistoryLevel INSTANCE = new ChainHistoryLevel(Set.of());

    private static final Set<HistoryEventTypes> DROPPED =
            EnumSet.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.FORM_PROPERTY_UPDATE);

    private final Set<String> unrecordedDecisions;

    private ChainHistoryLevel(Set<String> unrecordedDecisions) {
        this.unrecordedDecisions = unrecordedDecisions;
    }

    /** The level that records no evaluation of the decisions with these keys. */
    public static ChainHistoryLevel withUnrecordedDecisions(Collection<String> decisionKeys) {
        return new ChainHistoryLevel(Set.copyOf(decisionKeys));
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE
                && entity instanceof DmnDecision decision
                && unrecordedDecisions.contains(decision.getKey())) {
            return false;
        }
        // a history event type from outside the engine's enum (a plugin's own) is kept, as level full would
        return !(eventType instanceof HistoryEventTypes type && DROPPED.contains(type));
    }
}

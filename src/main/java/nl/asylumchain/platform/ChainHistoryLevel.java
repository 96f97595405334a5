package nl.asylumchain.platform;

import java.util.EnumSet;
import java.util.Set;

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
 */
public final class ChainHistoryLevel extends AbstractHistoryLevel {

    /** The name {@code camunda.bpm.history-level} takes. */
    public static final String NAME = "chain";

    /**
     * Stored by the engine in {@code ACT_GE_PROPERTY} ({@code historyLevel}); the built-in levels take 0 to 3, so a
     * database that ran at {@code full} (3) is told apart.
     */
    public static final int ID = 10;

    /** The only instance the engines need; both ours and the benchmarks' stock engine register it. */
    public static final ChainHistoryLevel INSTANCE = new ChainHistoryLevel();

    private static final Set<HistoryEventTypes> DROPPED =
            EnumSet.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.FORM_PROPERTY_UPDATE);

    private ChainHistoryLevel() {}

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
        // a history event type from outside the engine's enum (a plugin's own) is kept, as level full would
        return !(eventType instanceof HistoryEventTypes type && DROPPED.contains(type));
    }
}

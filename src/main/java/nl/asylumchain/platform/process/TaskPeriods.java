package nl.asylumchain.platform.process;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The due periods and priorities of a process's tasks, as its model reads them: {@code ${periods.Activity_X}} (an
 * ISO-8601 duration) and {@code ${priorities.Activity_X}}, from the rows of DMN {@code taskPeriods} for that process.
 * At its start a process notes which version of the table is in force ({@link TaskPeriodsListener}, the variable
 * {@value #VARIABLE}: that version's id), so a running case keeps the periods it started with when a designer
 * deploys a new table. The resolver from {@link #resolver()} answers {@code periods} and {@code priorities} from that
 * version's rows for the process, evaluated once per engine and kept: a deployed version never changes.
 *
 * <p>Until 4 December 2026 the listener copied the two maps into every process instance as serialized Java
 * variables: four runtime rows and four history rows per process, a serialization at each start and a byte-array
 * read and deserialization at every task and timer that read one. A process started before that still has them;
 * variables resolve first, so it reads its own copies.
 */
public final class TaskPeriods {

    /** The process variable with the id of the {@code taskPeriods} version a process started with. */
    public static final String VARIABLE = "taskPeriods";

    static final String DECISION = "taskPeriods";
    static final String PERIODS = "periods";
    static final String PRIORITIES = "priorities";

    /** A process's rows of one table version: model id to period, model id to priority. */
    record Rows(Map<String, String> periods, Map<String, Integer> priorities) {}

    /** By table version and process definition id. */
    private final Map<String, Rows> rows = new ConcurrentHashMap<>();

    /** Resolves {@code periods} and {@code priorities} in a process's expressions; read-only. */
    public ELResolver resolver() {
        return new Resolver();
    }

    Rows rows(String tableId, String processDefinitionId) {
        return rows.computeIfAbsent(tableId + '/' + processDefinitionId, key -> evaluate(tableId, processDefinitionId));
    }

    /**
     * Straight through the engine's DMN engine, as a business rule task does, on the definitions in its deployment
     * cache: no query for the definitions once cached, and no authorization check on the user whose command reads
     * a period (a handler completing a task that starts a process is not one who evaluates decisions).
     */
    private static Rows evaluate(String tableId, String processDefinitionId) {
        ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
        DeploymentCache definitions = engine.getDeploymentCache();
        String process = definitions
                .findDeployedProcessDefinitionById(processDefinitionId)
                .getKey();
        Map<String, String> periods = new HashMap<>();
        Map<String, Integer> priorities = new HashMap<>();
        for (DmnDecisionResultEntries row : engine.getDmnEngine()
                .evaluateDecision(
                        definitions.findDeployedDecisionDefinitionById(tableId),
                        Variables.createVariables().putValue("process", process))) {
            // an empty cell is no entry at all: read the map, not getEntry
            Map<String, Object> cells = row.getEntryMap();
            String element = (String) cells.get("element");
            Object period = cells.get("period");
            Object priority = cells.get("priority");
            if (period != null) {
                periods.put(element, period.toString());
            }
            if (priority != null) {
                priorities.put(element, ((Number) priority).intValue());
            }
        }
        return new Rows(Map.copyOf(periods), Map.copyOf(priorities));
    }

    private final class Resolver extends ReadOnlyResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null || !(PERIODS.equals(property) || PRIORITIES.equals(property))) {
                return null;
            }
            if (!(context.getContext(VariableScope.class) instanceof VariableScope scope)
                    || !(scope.getVariable(VARIABLE) instanceof String tableId)) {
                return null;
            }
            String processDefinitionId = scope instanceof DelegateExecution execution
                    ? execution.getProcessDefinitionId()
                    : scope instanceof DelegateTask task ? task.getProcessDefinitionId() : null;
            if (processDefinitionId == null) {
                return null;
            }
            Rows found = rows(tableId, processDefinitionId);
            context.setPropertyResolved(true);
            return PERIODS.equals(property) ? found.periods() : found.priorities();
        }
    }
}

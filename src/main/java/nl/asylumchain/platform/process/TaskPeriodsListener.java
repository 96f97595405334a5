package nl.asylumchain.platform.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the rows of DMN {@code taskPeriods} for the process that starts and sets {@value #PERIODS} (model id → ISO-8601
 * duration) and {@value #PRIORITIES} (model id → priority), so its tasks and timers say
 * {@code camunda:dueDate="${periods.Activity_MainInterview}"} and the numbers stay in one table a designer can change.
 * Registered on the process as {@code <camunda:executionListener delegateExpression="${taskPeriodsListener}"
 * event="start"/>}; the engine needs no Spring bean for it, so the process path tests register it as it is.
 */
@Component(TaskPeriodsListener.BEAN)
public class TaskPeriodsListener implements ExecutionListener {

    public static final String BEAN = "taskPeriodsListener";
    static final String DECISION = "taskPeriods";
    static final String PERIODS = "periods";
    static final String PRIORITIES = "priorities";

    @Override
    public void notify(DelegateExecution execution) {
        String process = execution
                .getProcessEngineServices()
                .getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getKey();
        DmnDecisionResult rows = execution
                .getProcessEngineServices()
                .getDecisionService()
                .evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables().putValue("process", process))
                .evaluate();
        Map<String, String> periods = new HashMap<>();
        Map<String, Integer> priorities = new HashMap<>();
        for (DmnDecisionResultEntries row : rows) {
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
        execution.setVariable(PERIODS, periods);
        execution.setVariable(PRIORITIES, priorities);
    }
}

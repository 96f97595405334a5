package nl.asylumchain.decision.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;

/**
 * Opens the IND procedure: decision deadline and priority (with its reason) into our tables, the deadline watch
 * started; sets {@code procedure} = AA and {@code decisionDueDate} for the decision task.
 */
@Component("openIndProcedureDelegate")
class OpenIndProcedureDelegate implements JavaDelegate {

    private final DecisionDeadlineService deadlines;
    private final Clock clock;

    OpenIndProcedureDelegate(DecisionDeadlineService deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int track = ((Number) execution.getVariable("track")).intValue();
        Date applied = (Date) execution.getVariable("applicationDate");
        @SuppressWarnings("unchecked")
        Map<String, Object> priority = (Map<String, Object>) execution.getVariable("casePriority");
        Integer level = priority == null || priority.get("priority") == null
                ? null
                : ((Number) priority.get("priority")).intValue();
        String reason = priority == null ? null : (String) priority.get("priorityReason");
        LocalDate applicationDate =
                applied == null ? LocalDate.now(clock) : LocalDate.ofInstant(applied.toInstant(), clock.getZone());
        Date due = Date.from(deadlines.open(
                UUID.fromString(execution.getProcessBusinessKey()), track, applicationDate, level, reason));
        execution.setVariable("procedure", "AA");
        execution.setVariable("decisionDueDate", due);
    }
}

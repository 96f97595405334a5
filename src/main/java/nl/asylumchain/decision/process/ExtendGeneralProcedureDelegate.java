package nl.asylumchain.decision.process;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/**
 * AA+ (Vb 2000 art. 3.110): DMN procedureChoice gave the case 3 more days in the general procedure. Sets
 * {@code procedure} = AA_PLUS and moves {@code decisionDueDate} on by those days, once: asking again in the AA+
 * changes nothing.
 */
@Component("extendGeneralProcedureDelegate")
class ExtendGeneralProcedureDelegate implements JavaDelegate {

    /** AA 6 days, AA+ 9 days. */
    static final Duration EXTRA_DAYS = Duration.ofDays(3);

    private final IndDecisionService decisions;

    ExtendGeneralProcedureDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if ("AA_PLUS".equals(execution.getVariable("procedure"))) {
            return;
        }
        decisions.extendGeneralProcedure(UUID.fromString(execution.getProcessBusinessKey()));
        execution.setVariable("procedure", "AA_PLUS");
        if (execution.getVariable("decisionDueDate") instanceof Date due) {
            execution.setVariable("decisionDueDate", Date.from(due.toInstant().plus(EXTRA_DAYS)));
        }
    }
}

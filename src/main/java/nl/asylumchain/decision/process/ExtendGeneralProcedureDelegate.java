package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;

/**
 * AA+ (Vb 2000 art. 3.110): DMN procedureChoice gave the case more days in the general procedure. Sets
 * {@code procedure} = AA_PLUS and {@code decisionDueDate} to the day DMN decisionPeriods gives the AA+ (day 9 from the
 * opening as shipped), once: asking again in the AA+ changes nothing.
 */
@Component("extendGeneralProcedureDelegate")
class ExtendGeneralProcedureDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    ExtendGeneralProcedureDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if ("AA_PLUS".equals(execution.getVariable("procedure"))) {
            return;
        }
        Date due = Date.from(decisions.extendGeneralProcedure(UUID.fromString(execution.getProcessBusinessKey())));
        execution.setVariable("procedure", "AA_PLUS");
        execution.setVariable("decisionDueDate", due);
    }
}

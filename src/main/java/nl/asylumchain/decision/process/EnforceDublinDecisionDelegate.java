package nl.asylumchain.decision.process;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.IndDecisionService;
import nl.asylumchain.decision.IndDecisionService.TransferPeriodStart;

/**
 * The Dublin decision can be carried out: sets indOutcome DUBLIN_ACCEPTED and {@code transferPeriodFrom}, so the
 * chain goes on to the transfer. The model says from when the transfer period runs, as input parameter
 * {@code transferPeriodStart}: ACCEPTANCE or RULING.
 */
@Component("enforceDublinDecisionDelegate")
class EnforceDublinDecisionDelegate implements JavaDelegate {

    private final IndDecisionService decisions;

    EnforceDublinDecisionDelegate(IndDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TransferPeriodStart start =
                TransferPeriodStart.valueOf((String) execution.getVariableLocal("transferPeriodStart"));
        Date acceptedOn = (Date) execution.getVariable("dublinAcceptedOn");
        RecordDecisionDelegate.apply(
                execution,
                decisions.dublinDecisionEnforceable(
                        UUID.fromString(execution.getProcessBusinessKey()),
                        acceptedOn == null ? null : acceptedOn.toInstant(),
                        start));
    }
}

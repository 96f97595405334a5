package nl.asylumchain.decision.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the case's main process what the court's interim-relief judge or the court did to a departure that runs beside
 * the appeal (spoor 2): {@code DepartureSuspended} (relief granted, Awb art. 8:81), {@code DepartureResumed} (the appeal
 * dismissed) or {@code RejectionAnnulled}. The model names the message in the task's input {@code departureNotice},
 * so the message name lives next to the process that waits for it ({@code asylumCase}), not in Java. Correlated by the
 * business key to whatever process of the case waits for it; when none does (the departure already ended, e.g. the
 * person left), there is nothing to stop or resume and the notice changes nothing.
 */
@Component("departureNoticeDelegate")
class DepartureNoticeDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String notice = (String) execution.getVariableLocal("departureNotice");
        if (notice == null || notice.isBlank()) {
            throw new IllegalStateException(
                    execution.getCurrentActivityId() + " names no departureNotice (the message to send)");
        }
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createMessageCorrelation(notice)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .correlateAll();
    }
}

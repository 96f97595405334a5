package nl.asylumchain.decision.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A rejection whose appeal does not suspend departure (DMN appealEffect; spoor 2, Vw 2000 art. 82 lid 2): the case
 * goes to DT&V now, and the appeal ({@code appeal}: window, APPEAL_LODGED with an interim-relief request,
 * INTERIM_RELIEF, COURT_RULING) runs as a process of its own under the case's business key, so the events reach it
 * as before while nobody waits for it.
 */
@Component("openAppealBesideDepartureDelegate")
class OpenAppealBesideDepartureDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object periods = execution.getVariable("procedurePeriods");
        Object appealWindow = periods instanceof Map<?, ?> map ? map.get("appealWindow") : null;
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        AppealModel.PROCESS_KEY,
                        execution.getProcessBusinessKey(),
                        Variables.createVariables()
                                .putValue("caseId", execution.getVariable("caseId"))
                                .putValue("appealWindow", appealWindow)
                                .putValue("procedure", execution.getVariable("procedure"))
                                .putValue("track", execution.getVariable("track"))
                                .putValue("decisionType", "REJECTION")
                                // the appeal itself makes the rejection final: no indDecision waits for it
                                .putValue("besideDeparture", true));
    }
}

package nl.asylumchain.departure.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureRoute;
import nl.asylumchain.departure.DepartureService;

/** Gesprek en route vastleggen: the interview's facts and the route the DMN chose. */
@Component("recordInterviewDelegate")
class RecordInterviewDelegate implements JavaDelegate {
    private final DepartureService departures;

    RecordInterviewDelegate(DepartureService departures) {
        this.departures = departures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = (Map<String, Object>) execution.getVariable("routeDecision");
        DepartureRoute route = DepartureRoute.valueOf((String) decision.get("departureRoute"));
        departures.recordInterview(
                DepartureVariables.caseId(execution),
                DepartureVariables.flag(execution, "willingToLeave"),
                DepartureVariables.flag(execution, "travelDocumentPresent"),
                DepartureVariables.flag(execution, "familyWithMinorChildren"),
                route);
        execution.setVariable("departureRoute", route.name());
        execution.setVariable("departed", false);
    }
}

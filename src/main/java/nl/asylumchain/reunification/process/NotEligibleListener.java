package nl.asylumchain.reunification.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Event_NotEligible: refused as outside the nareis, with the rule of DMN reunificationEligibility that said so. */
@Component
class NotEligibleListener implements ExecutionListener {

    private final FamilyReunificationService reunification;

    NotEligibleListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> eligibility = (Map<String, Object>) execution.getVariable("reunificationEligibility");
        reunification.refusedAsIneligible(
                ReunificationVariables.member(execution), (String) eligibility.get("eligibilityRule"));
    }
}

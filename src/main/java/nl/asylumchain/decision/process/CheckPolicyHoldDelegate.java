package nl.asylumchain.decision.process;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.PolicyHoldService;

/**
 * Before an IND step: parks the case when one of its categories is on hold ({@code policyHeld}). The categories
 * ({@code holdCategories}) come from DMN holdCategory, evaluated just before in bpmn/policyHold.bpmn.
 */
@Component("checkPolicyHoldDelegate")
class CheckPolicyHoldDelegate implements JavaDelegate {

    private final PolicyHoldService holds;

    CheckPolicyHoldDelegate(PolicyHoldService holds) {
        this.holds = holds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString(execution.getProcessBusinessKey());
        List<String> categories = execution.getVariable("holdCategories") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        execution.setVariable("policyHeld", holds.parkIfHeld(caseId, categories));
    }
}

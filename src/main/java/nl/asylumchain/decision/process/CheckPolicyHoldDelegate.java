package nl.asylumchain.decision.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.decision.PolicyHoldService;

/**
 * Before an IND step: parks the case when its category is on hold ({@code policyHeld}). The category comes from the
 * variable {@code temporaryProtectionUkraine}, or from the case file when the caller did not pass it.
 */
@Component("checkPolicyHoldDelegate")
class CheckPolicyHoldDelegate implements JavaDelegate {

    private final PolicyHoldService holds;
    private final CaseFiles caseFile;

    CheckPolicyHoldDelegate(PolicyHoldService holds, CaseFiles caseFile) {
        this.holds = holds;
        this.caseFile = caseFile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID caseId = UUID.fromString(execution.getProcessBusinessKey());
        Boolean ukraine = (Boolean) execution.getVariable("temporaryProtectionUkraine");
        if (ukraine == null) {
            ukraine = caseFile.temporaryProtectionUkraine(caseId).orElse(false);
        }
        execution.setVariable("policyHeld", holds.parkIfHeld(caseId, ukraine));
    }
}

package nl.asylumchain.casefile.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseOutcome;
import nl.asylumchain.casefile.CaseProgress;

/** On each end event of {@code asylumCase}: the case file closes the case with that outcome. */
@Component("caseOutcomeListener")
class CaseOutcomeListener implements ExecutionListener {

    private final CaseProgress caseFile;

    CaseOutcomeListener(CaseProgress caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CaseOutcome outcome = CaseModel.OUTCOMES.get(execution.getCurrentActivityId());
        if (outcome == null) {
            throw new IllegalStateException("No outcome for end event " + execution.getCurrentActivityId());
        }
        caseFile.close(UUID.fromString(execution.getProcessBusinessKey()), outcome);
    }
}

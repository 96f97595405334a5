package nl.asylumchain.casefile.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Stage;

/** On the start of each stage's call activity in {@code asylumCase}: the case file records the stage. */
@Component("caseStageListener")
class CaseStageListener implements ExecutionListener {

    private final CaseProgress caseFile;

    CaseStageListener(CaseProgress caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Stage stage = CaseModel.STAGES.get(execution.getCurrentActivityId());
        if (stage == null) {
            throw new IllegalStateException("No stage for activity " + execution.getCurrentActivityId());
        }
        caseFile.enterStage(UUID.fromString(execution.getProcessBusinessKey()), stage);
    }
}

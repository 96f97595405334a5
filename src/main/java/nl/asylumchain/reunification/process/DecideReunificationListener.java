package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Activity_DecideReunification, on completion: the IND's decision. */
@Component
class DecideReunificationListener implements TaskListener {

    private final FamilyReunificationService reunification;

    DecideReunificationListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution());
    }

    void record(DelegateExecution execution) {
        reunification.decided(
                ReunificationVariables.member(execution),
                "GRANT".equals(execution.getVariable("reunificationOutcome")));
    }
}

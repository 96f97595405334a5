package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Activity_DnaTest, on completion: the DNA test's outcome. */
@Component
class DnaTestListener implements TaskListener {

    private final FamilyReunificationService reunification;

    DnaTestListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution());
    }

    void record(DelegateExecution execution) {
        reunification.evidenceResearched(
                ReunificationVariables.member(execution), (String) execution.getVariable("evidenceOutcome"));
    }
}

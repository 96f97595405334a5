package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Activity_AssessReunification, on completion: the evidence of the family tie was assessed. */
@Component
class AssessReunificationListener implements TaskListener {

    private final FamilyReunificationService reunification;

    AssessReunificationListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution());
    }

    void record(DelegateExecution execution) {
        reunification.evidenceAssessed(
                ReunificationVariables.member(execution), (String) execution.getVariable("evidenceType"));
    }
}

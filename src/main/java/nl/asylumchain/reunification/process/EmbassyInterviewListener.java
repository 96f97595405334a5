package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Activity_EmbassyInterview, on completion: the identifying interview's outcome. */
@Component
class EmbassyInterviewListener implements TaskListener {

    private final FamilyReunificationService reunification;

    EmbassyInterviewListener(FamilyReunificationService reunification) {
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

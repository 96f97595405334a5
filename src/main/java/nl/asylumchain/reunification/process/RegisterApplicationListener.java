package nl.asylumchain.reunification.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;
import nl.asylumchain.reunification.FamilyReunificationService.Application;

/** Activity_RegisterApplication, on completion: the application is registered. Writes the decision deadline for the timers and the facts DMN reunificationEligibility reads next. */
@Component
class RegisterApplicationListener implements TaskListener {

    private final FamilyReunificationService reunification;

    RegisterApplicationListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateTask task) {
        record(task.getExecution());
    }

    void record(DelegateExecution execution) {
        Application application = reunification.applied(
                ReunificationVariables.member(execution), (Boolean) execution.getVariable("relationBeforeEntry"));
        execution.setVariable("decisionDeadline", Date.from(application.decisionDeadline()));
        execution.setVariable("relation", application.relation().name());
        execution.setVariable("relationBeforeEntry", application.relationBeforeEntry());
        execution.setVariable("ageAtApplication", application.ageAtApplication());
        execution.setVariable("sponsorUnaccompaniedMinor", application.sponsorUnaccompaniedMinor());
    }
}

package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Event_MvvIssued: the mvv is issued. */
@Component
class MvvIssuedListener implements ExecutionListener {

    private final FamilyReunificationService reunification;

    MvvIssuedListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reunification.mvvIssued(ReunificationVariables.member(execution));
    }
}

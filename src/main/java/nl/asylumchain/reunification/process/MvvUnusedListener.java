package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Event_MvvUnused: the mvv expired unused. */
@Component
class MvvUnusedListener implements ExecutionListener {

    private final FamilyReunificationService reunification;

    MvvUnusedListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reunification.mvvExpired(ReunificationVariables.member(execution));
    }
}

package nl.asylumchain.reunification.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Event_RegularRoute: no application inside the three-month window; the regular route remains. */
@Component
class RegularRouteListener implements ExecutionListener {

    private final FamilyReunificationService reunification;

    RegularRouteListener(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reunification.windowMissed(ReunificationVariables.member(execution));
    }
}

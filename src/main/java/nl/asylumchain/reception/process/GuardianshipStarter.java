package nl.asylumchain.reception.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.asylumchain.reception.LocationType;
import nl.asylumchain.reception.ReceptionMoved;
import nl.asylumchain.reception.ReceptionService;

/**
 * An unaccompanied minor who enters reception needs a Nidos guardian: starts {@code guardianship} for the case, in
 * the same transaction, with the placement the DMN proposes for when the guardian is appointed.
 */
@Component
class GuardianshipStarter {

    private final RuntimeService runtimeService;
    private final ReceptionService reception;

    GuardianshipStarter(RuntimeService runtimeService, ReceptionService reception) {
        this.runtimeService = runtimeService;
        this.reception = reception;
    }

    @EventListener
    void on(ReceptionMoved moved) {
        if (moved.move() != ReceptionMoved.Move.IN || !moved.unaccompaniedMinor()) {
            return;
        }
        String proposal = reception
                .proposal(moved.caseId(), ReceptionService.GUARDIAN_APPOINTED)
                .filter(LocationType::forUnaccompaniedMinors)
                .map(LocationType::name)
                .orElse(null);
        runtimeService.startProcessInstanceByKey(
                GuardianshipModel.PROCESS_KEY,
                moved.caseId().toString(),
                Variables.createVariables()
                        .putValue("caseId", moved.caseId().toString())
                        .putValue("proposedPlacement", proposal)
                        .putValue("placement", proposal));
    }
}

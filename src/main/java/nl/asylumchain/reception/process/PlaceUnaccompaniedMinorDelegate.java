package nl.asylumchain.reception.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.reception.LocationType;
import nl.asylumchain.reception.ReceptionService;

/** Moves the minor to the placement the Nidos guardian chose on the form ({@code placement}). */
@Component("placeUnaccompaniedMinorDelegate")
class PlaceUnaccompaniedMinorDelegate implements JavaDelegate {

    private final ReceptionService reception;

    PlaceUnaccompaniedMinorDelegate(ReceptionService reception) {
        this.reception = reception;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String placement = (String) execution.getVariable("placement");
        if (placement == null || placement.isBlank()) {
            throw new IllegalStateException("The guardian chose no placement");
        }
        reception.placeUnaccompaniedMinor(
                UUID.fromString(execution.getProcessBusinessKey()), LocationType.valueOf(placement));
    }
}

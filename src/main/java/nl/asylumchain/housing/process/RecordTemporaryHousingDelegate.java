package nl.asylumchain.housing.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.housing.HousingService;

/** Activity_RecordTemporaryHousing: the permit holder moved into a doorstroomlocatie on the form's moveDate. */
@Component("recordTemporaryHousingDelegate")
class RecordTemporaryHousingDelegate implements JavaDelegate {

    private final HousingService housing;

    RecordTemporaryHousingDelegate(HousingService housing) {
        this.housing = housing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        housing.moveToTemporaryHousing(
                UUID.fromString(execution.getProcessBusinessKey()), RecordHousingDelegate.moveDate(execution));
    }
}

package nl.asylumchain.housing.process;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.housing.HousingService;
import nl.asylumchain.platform.FormDate;
import nl.asylumchain.platform.InvalidRequestException;

/** Activity_RecordHousing: the permit holder moved into a home on the form's moveDate (the household moves along). */
@Component("recordHousingDelegate")
class RecordHousingDelegate implements JavaDelegate {

    private final HousingService housing;

    RecordHousingDelegate(HousingService housing) {
        this.housing = housing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        housing.house(UUID.fromString(execution.getProcessBusinessKey()), moveDate(execution));
    }

    /** The move date as the form gives it; refused when missing or unreadable. */
    static LocalDate moveDate(DelegateExecution execution) {
        return FormDate.of(execution.getVariable("moveDate"))
                .orElseThrow(() -> new InvalidRequestException("moveDate", "must be a date (yyyy-MM-dd)"));
    }
}

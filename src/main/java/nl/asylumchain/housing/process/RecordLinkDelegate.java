package nl.asylumchain.housing.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.housing.HousingService;
import nl.asylumchain.housing.Municipality;

/** Records COA's link ({@code municipalityCode}, {@code linkReason}); a refused link leaves the task open. */
@Component("recordLinkDelegate")
class RecordLinkDelegate implements JavaDelegate {

    private final HousingService housing;

    RecordLinkDelegate(HousingService housing) {
        this.housing = housing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Municipality municipality = housing.link(
                UUID.fromString(execution.getProcessBusinessKey()),
                (String) execution.getVariable("municipalityCode"),
                (String) execution.getVariable("linkReason"));
        execution.setVariable("municipalityName", municipality.code() + " " + municipality.name());
    }
}

package nl.asylumchain.housing.process;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.asylumchain.housing.HousingService;
import nl.asylumchain.platform.FormDate;
import nl.asylumchain.platform.InvalidRequestException;

/** The two moves out of reception: into a doorstroomlocatie, and into a home. */
@Configuration(proxyBeanMethods = false)
class RecordHousingDelegates {

    @Bean
    JavaDelegate recordTemporaryHousingDelegate(HousingService housing) {
        return execution -> housing.moveToTemporaryHousing(caseId(execution), moveDate(execution));
    }

    @Bean
    JavaDelegate recordHousingDelegate(HousingService housing) {
        return execution -> housing.house(caseId(execution), moveDate(execution));
    }

    private static UUID caseId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    /** The move date as the form gives it; refused when missing or unreadable. */
    static LocalDate moveDate(DelegateExecution execution) {
        return FormDate.of(execution.getVariable("moveDate"))
                .orElseThrow(() -> new InvalidRequestException("moveDate", "must be a date (yyyy-MM-dd)"));
    }
}

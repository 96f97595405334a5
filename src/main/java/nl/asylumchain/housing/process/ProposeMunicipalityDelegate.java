package nl.asylumchain.housing.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.housing.HousingProperties;
import nl.asylumchain.housing.HousingService;
import nl.asylumchain.housing.HousingService.LinkProposal;

/**
 * Starts housing: records the permit, puts the proposal on the link form (prefilled {@code municipalityCode}) and
 * sets the deadlines from configuration as ISO-8601 periods ({@code linkPeriod} ...), which the model's due dates
 * and timers read.
 */
@Component("proposeMunicipalityDelegate")
class ProposeMunicipalityDelegate implements JavaDelegate {

    private final HousingService housing;
    private final HousingProperties properties;

    ProposeMunicipalityDelegate(HousingService housing, HousingProperties properties) {
        this.housing = housing;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LinkProposal proposal = housing.start(UUID.fromString(execution.getProcessBusinessKey()));
        execution.setVariable("linkPeriod", properties.linkPeriod().toString());
        execution.setVariable("offerPeriod", properties.offerPeriod().toString());
        execution.setVariable("movePeriod", properties.movePeriod().toString());
        execution.setVariable(
                "temporaryHousingPeriod", properties.temporaryHousingPeriod().toString());
        execution.setVariable("proposedMunicipality", proposal.summary());
        execution.setVariable("regionalProposals", proposal.perProvince());
        proposal.municipality().ifPresent(m -> execution.setVariable("municipalityCode", m.code()));
    }
}

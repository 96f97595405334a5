package nl.asylumchain.housing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.housing.persistence.HousingRepository;
import nl.asylumchain.housing.process.HousingModel;

/** {@code sections.housing} of a case: proposal, link, how and when the permit holder moved, late steps. */
@Component
class HousingSection implements nl.asylumchain.casefile.CaseFileSection {

    record Housing(
            Instant permitAt,
            String proposedMunicipality,
            Municipality municipality,
            String linkReason,
            Instant linkedAt,
            String housingKind,
            Instant leftReceptionAt,
            LocalDate temporaryUntil,
            Instant housedAt,
            LocalDate moveDate,
            List<String> lateSteps) {}

    /** The tables themselves, not the service: the case file's sections must not need the case file. */
    private final HousingRepository housing;

    private final MunicipalityCatalogue municipalities;

    HousingSection(HousingRepository housing, MunicipalityCatalogue municipalities) {
        this.housing = housing;
        this.municipalities = municipalities;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(HousingModel.PROCESS_KEY);
    }

    @Override
    public String name() {
        return "housing";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        return housing.find(caseId)
                .map(c -> new Housing(
                        c.permitAt(),
                        c.proposedCode(),
                        municipalities.find(c.municipalityCode()).orElse(null),
                        c.linkReason(),
                        c.linkedAt(),
                        c.housingKind(),
                        c.leftReceptionAt(),
                        c.temporaryUntil(),
                        c.housedAt(),
                        c.moveDate(),
                        housing.lateSteps(caseId)));
    }
}

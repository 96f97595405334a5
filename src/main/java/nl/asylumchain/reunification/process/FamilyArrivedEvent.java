package nl.asylumchain.reunification.process;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.reunification.FamilyArrival;
import nl.asylumchain.reunification.FamilyReunificationService;

/**
 * {@code FAMILY_ARRIVED {familyMemberId, familyName, givenNames, sex, nationality}} on the sponsor's case: the
 * family member arrived on their mvv and reported at IND Zevenaar (or COA received them).
 */
@Component
class FamilyArrivedEvent implements CaseEventType<FamilyArrival> {

    private final FamilyReunificationService reunification;

    FamilyArrivedEvent(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    @Override
    public CaseFilePart part() {
        return CaseFilePart.FAMILY_REUNIFICATION_SECTION;
    }

    @Override
    public String type() {
        return "FAMILY_ARRIVED";
    }

    @Override
    public Class<FamilyArrival> payloadType() {
        return FamilyArrival.class;
    }

    @Override
    public Set<String> senderGroups() {
        return Set.of(Groups.IND_REUNIFICATION, Groups.COA);
    }

    @Override
    public void deliver(UUID caseId, FamilyArrival arrival) {
        reunification.arrived(caseId, arrival);
    }
}

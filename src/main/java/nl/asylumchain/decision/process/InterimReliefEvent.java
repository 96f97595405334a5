package nl.asylumchain.decision.process;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.decision.AppealService;
import nl.asylumchain.decision.AppealService.ReliefOutcome;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code INTERIM_RELIEF {outcome}}: the interim relief judge's decision (voorlopige voorziening) on a non-suspensive
 * appeal, entered by IND staff. GRANTED: departure stays suspended until the ruling; REFUSED: the rejection is
 * enforceable and the case goes to departure while the appeal runs.
 */
@Component
class InterimReliefEvent implements CaseEventType<InterimReliefEvent.InterimRelief> {

    record InterimRelief(@NotNull ReliefOutcome outcome) {}

    private final ProcessMessages messages;
    private final AppealService appeals;

    InterimReliefEvent(ProcessMessages messages, AppealService appeals) {
        this.messages = messages;
        this.appeals = appeals;
    }

    @Override
    public CaseFilePart part() {
        return CaseFilePart.DECISION_SECTION;
    }

    @Override
    public String type() {
        return "INTERIM_RELIEF";
    }

    @Override
    public Class<InterimRelief> payloadType() {
        return InterimRelief.class;
    }

    @Override
    public Set<String> senderGroups() {
        return Set.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD);
    }

    @Override
    @Transactional
    public void deliver(UUID caseId, InterimRelief relief) {
        messages.correlate(
                caseId,
                AppealModel.MESSAGE_INTERIM_RELIEF,
                Map.of("interimReliefOutcome", relief.outcome().name()));
        appeals.decideInterimRelief(caseId, relief.outcome());
    }
}

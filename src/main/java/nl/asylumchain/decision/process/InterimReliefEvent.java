package nl.asylumchain.decision.process;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.AppealService;
import nl.asylumchain.decision.AppealService.ReliefOutcome;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code INTERIM_RELIEF {outcome}}: the interim relief judge's decision (voorlopige voorziening) on a non-suspensive
 * appeal, entered by IND staff. GRANTED: departure stays suspended until the ruling; REFUSED: the rejection is
 * enforceable and the case goes to departure while the appeal runs.
 */
@Component
class InterimReliefEvent extends DecisionEvent<InterimReliefEvent.InterimRelief> {

    record InterimRelief(@NotNull ReliefOutcome outcome) {}

    private final ProcessMessages messages;
    private final AppealService appeals;

    InterimReliefEvent(ProcessMessages messages, AppealService appeals) {
        super("INTERIM_RELIEF", InterimRelief.class);
        this.messages = messages;
        this.appeals = appeals;
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

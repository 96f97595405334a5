package nl.asylumchain.decision.process;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.AppealService;
import nl.asylumchain.decision.AppealService.RulingOutcome;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code COURT_RULING {outcome}}: the court's ruling on the appeal, entered by IND staff. UPHELD: the rejection is
 * final; ANNULLED: the IND decides again. When the case already went to departure (non-suspensive appeal, interim
 * relief refused or not asked for), no process waits for the ruling any more: it is recorded on the appeal and departure goes on;
 * after an annulment the IND decides again and, on a permit, sends {@code PERMIT_AFTER_ALL {reason:
 * COURT_ANNULMENT}} (departure module), which takes the case to housing.
 */
@Component
class CourtRulingEvent extends DecisionEvent<CourtRulingEvent.CourtRuling> {

    record CourtRuling(@NotNull RulingOutcome outcome) {}

    private final ProcessMessages messages;
    private final AppealService appeals;

    CourtRulingEvent(ProcessMessages messages, AppealService appeals) {
        super("COURT_RULING", CourtRuling.class);
        this.messages = messages;
        this.appeals = appeals;
    }

    @Override
    @Transactional
    public void deliver(UUID caseId, CourtRuling ruling) {
        boolean inDeparture = appeals.latest(caseId)
                .map(AppealService.Appeal::enforcedWhilePending)
                .orElse(false);
        if (!inDeparture) {
            messages.correlate(
                    caseId,
                    AppealModel.MESSAGE_COURT_RULING,
                    Map.of("appealOutcome", ruling.outcome().name()));
        }
        appeals.rule(caseId, ruling.outcome());
    }
}

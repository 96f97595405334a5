package nl.asylumchain.decision.process;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.decision.AppealService;
import nl.asylumchain.decision.AppealService.RulingOutcome;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code COURT_RULING {outcome}}: the court's ruling on the appeal, entered by IND staff. UPHELD: the rejection is
 * final; ANNULLED: the IND decides again.
 */
@Component
class CourtRulingEvent implements CaseEventType<CourtRulingEvent.CourtRuling> {

    record CourtRuling(@NotNull RulingOutcome outcome) {
    }

    private final ProcessMessages messages;
    private final AppealService appeals;

    CourtRulingEvent(ProcessMessages messages, AppealService appeals) {
        this.messages = messages;
        this.appeals = appeals;
    }

    @Override
    public String type() {
        return "COURT_RULING";
    }

    @Override
    public Class<CourtRuling> payloadType() {
        return CourtRuling.class;
    }

    @Override
    public Set<String> senderGroups() {
        return Set.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD);
    }

    @Override
    @Transactional
    public void deliver(UUID caseId, CourtRuling ruling) {
        messages.correlate(caseId, AppealModel.MESSAGE_COURT_RULING, Map.of("appealOutcome", ruling.outcome().name()));
        appeals.rule(caseId, ruling.outcome());
    }
}

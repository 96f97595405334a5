package nl.asylumchain.decision.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.decision.AppealService;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code APPEAL_LODGED {lodgedOn, suspensive?}}: an appeal against the rejection, inside the appeal window, as the
 * IND learns of it. {@code suspensive} defaults to true (Vw 2000 art. 82); false where the law lists an exception.
 */
@Component
class AppealLodgedEvent implements CaseEventType<AppealLodgedEvent.AppealLodged> {

    record AppealLodged(@NotNull @PastOrPresent LocalDate lodgedOn, Boolean suspensive) {
    }

    private final ProcessMessages messages;
    private final AppealService appeals;
    private final Clock clock;

    AppealLodgedEvent(ProcessMessages messages, AppealService appeals, Clock clock) {
        this.messages = messages;
        this.appeals = appeals;
        this.clock = clock;
    }

    @Override
    public CaseFilePart part() {
        return CaseFilePart.DECISION_SECTION;
    }

    @Override
    public String type() {
        return "APPEAL_LODGED";
    }

    @Override
    public Class<AppealLodged> payloadType() {
        return AppealLodged.class;
    }

    @Override
    public Set<String> senderGroups() {
        return Set.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD);
    }

    @Override
    @Transactional
    public void deliver(UUID caseId, AppealLodged appeal) {
        boolean suspensive = appeal.suspensive() == null || appeal.suspensive();
        messages.correlate(caseId, AppealModel.MESSAGE_APPEAL_LODGED, Map.of(
                "appealLodgedOn", Date.from(appeal.lodgedOn().atStartOfDay(clock.getZone()).toInstant()),
                "appealSuspensive", suspensive));
        appeals.lodge(caseId, appeal.lodgedOn(), suspensive);
    }
}

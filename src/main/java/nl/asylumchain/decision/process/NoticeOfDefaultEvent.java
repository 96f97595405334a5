package nl.asylumchain.decision.process;

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
import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code NOTICE_OF_DEFAULT {receivedOn}}: the applicant's notice of default (ingebrekestelling) after the decision
 * deadline passed; two weeks later the case is exposed to penalty payments.
 */
@Component
class NoticeOfDefaultEvent implements CaseEventType<NoticeOfDefaultEvent.NoticeOfDefault> {

    record NoticeOfDefault(@NotNull @PastOrPresent LocalDate receivedOn) {}

    private final ProcessMessages messages;
    private final DecisionDeadlineService deadlines;

    NoticeOfDefaultEvent(ProcessMessages messages, DecisionDeadlineService deadlines) {
        this.messages = messages;
        this.deadlines = deadlines;
    }

    @Override
    public CaseFilePart part() {
        return CaseFilePart.DECISION_SECTION;
    }

    @Override
    public String type() {
        return "NOTICE_OF_DEFAULT";
    }

    @Override
    public Class<NoticeOfDefault> payloadType() {
        return NoticeOfDefault.class;
    }

    @Override
    public Set<String> senderGroups() {
        return Set.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD);
    }

    @Override
    @Transactional
    public void deliver(UUID caseId, NoticeOfDefault notice) {
        messages.correlate(
                caseId,
                DecisionDeadlineModel.MESSAGE_NOTICE_OF_DEFAULT,
                Map.of("penaltyExposedAt", Date.from(deadlines.penaltyExposedAt(caseId, notice.receivedOn()))));
        deadlines.noticeOfDefault(caseId, notice.receivedOn());
    }
}

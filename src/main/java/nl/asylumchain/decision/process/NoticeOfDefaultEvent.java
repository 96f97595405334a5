package nl.asylumchain.decision.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code NOTICE_OF_DEFAULT {receivedOn}}: the applicant's notice of default (ingebrekestelling) after the decision
 * deadline passed; two weeks later the case is exposed to penalty payments.
 */
@Component
class NoticeOfDefaultEvent extends DecisionEvent<NoticeOfDefaultEvent.NoticeOfDefault> {

    record NoticeOfDefault(@NotNull @PastOrPresent LocalDate receivedOn) {}

    private final ProcessMessages messages;
    private final DecisionDeadlineService deadlines;

    NoticeOfDefaultEvent(ProcessMessages messages, DecisionDeadlineService deadlines) {
        super("NOTICE_OF_DEFAULT", NoticeOfDefault.class);
        this.messages = messages;
        this.deadlines = deadlines;
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

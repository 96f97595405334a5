package nl.asylumchain.decision.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.platform.ProcessMessages;

/**
 * {@code APPEAL_LODGED {lodgedOn, interimReliefRequested?}}: an appeal against the rejection or the Dublin decision,
 * inside the appeal window, as the IND learns of it, with whether the lawyer asked for interim relief (default: no).
 * Whether the appeal suspends departure is not the sender's to say: DMN appealEffect decides it in the appeal process,
 * which records the appeal.
 */
@Component
class AppealLodgedEvent extends DecisionEvent<AppealLodgedEvent.AppealLodged> {

    record AppealLodged(@NotNull @PastOrPresent LocalDate lodgedOn, Boolean interimReliefRequested) {}

    private final ProcessMessages messages;
    private final Clock clock;

    AppealLodgedEvent(ProcessMessages messages, Clock clock) {
        super("APPEAL_LODGED", AppealLodged.class);
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void deliver(UUID caseId, AppealLodged appeal) {
        messages.correlate(
                caseId,
                AppealModel.MESSAGE_APPEAL_LODGED,
                Map.of(
                        "appealLodgedOn",
                                Date.from(appeal.lodgedOn()
                                        .atStartOfDay(clock.getZone())
                                        .toInstant()),
                        "interimReliefRequested", Boolean.TRUE.equals(appeal.interimReliefRequested())));
    }
}

package nl.asylumchain.decision.process;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.ProcessMessages;

/** {@code DUBLIN_REPLY {accepted}}: the other member state's answer to the Dublin claim, entered by the Dublin unit. */
@Component
class DublinReplyEvent implements CaseEventType<DublinReplyEvent.DublinReply> {

    record DublinReply(@NotNull Boolean accepted) {}

    private final ProcessMessages messages;

    DublinReplyEvent(ProcessMessages messages) {
        this.messages = messages;
    }

    @Override
    public CaseFilePart part() {
        return CaseFilePart.DECISION_SECTION;
    }

    @Override
    public String type() {
        return "DUBLIN_REPLY";
    }

    @Override
    public Class<DublinReply> payloadType() {
        return DublinReply.class;
    }

    @Override
    public Set<String> senderGroups() {
        return Set.of(Groups.IND_DUBLIN);
    }

    @Override
    public void deliver(UUID caseId, DublinReply reply) {
        messages.correlate(caseId, IndDecisionModel.MESSAGE_DUBLIN_REPLY, Map.of("dublinAccepted", reply.accepted()));
    }
}

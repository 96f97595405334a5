package nl.asylumchain.decision.process;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.ProcessMessages;

/** {@code DUBLIN_REPLY {accepted}}: the other member state's answer to the Dublin claim, entered by the Dublin unit. */
@Component
class DublinReplyEvent extends DecisionEvent<DublinReplyEvent.DublinReply> {

    record DublinReply(@NotNull Boolean accepted) {}

    private final ProcessMessages messages;

    DublinReplyEvent(ProcessMessages messages) {
        super("DUBLIN_REPLY", DublinReply.class, Set.of(Groups.IND_DUBLIN));
        this.messages = messages;
    }

    @Override
    public void deliver(UUID caseId, DublinReply reply) {
        messages.correlate(caseId, IndDecisionModel.MESSAGE_DUBLIN_REPLY, Map.of("dublinAccepted", reply.accepted()));
    }
}

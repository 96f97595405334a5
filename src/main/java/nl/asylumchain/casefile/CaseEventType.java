package nl.asylumchain.casefile;

import java.util.Set;
import java.util.UUID;

/**
 * A kind of event from outside the chain that a case can receive on {@code POST /api/cases/{caseId}/events}
 * (a Dublin reply, a court ruling, a family member's arrival ...). Each module contributes the types it receives
 * as beans; the case file's endpoint finds the type by name, checks the sender's group and the payload, and
 * delivers it.
 *
 * @param <P> the payload: a record with Bean Validation annotations, read from the event's JSON without its
 *            {@code type} field
 */
public interface CaseEventType<P> {

    /** The name in the {@code type} field, e.g. {@code DUBLIN_REPLY}. */
    String type();

    Class<P> payloadType();

    /**
     * The part of the case file this event belongs to: the case view lists a received event only to readers who see
     * that part (a court ruling tells what the decision section tells).
     */
    CaseFilePart part();

    /** Groups allowed to send this event (besides {@code camunda-admin}). */
    Set<String> senderGroups();

    /**
     * Delivers the event to the case. Throws {@link nl.asylumchain.platform.ConflictException} when the case is
     * not waiting for it, having changed nothing.
     */
    void deliver(UUID caseId, P payload);
}

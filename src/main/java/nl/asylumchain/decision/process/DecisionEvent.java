package nl.asylumchain.decision.process;

import java.util.Set;

import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseFilePart;
import nl.asylumchain.platform.Groups;

/**
 * An event from outside the chain that the IND procedure receives on {@code POST /api/cases/{caseId}/events}: listed
 * in the decision section of the case file, sent by the IND's decision staff unless a type names its own senders.
 * Each type is one small subclass that says its name, its payload and how it is delivered. (Not final: the
 * transactional subclasses are proxied, and a proxy must be able to pass these calls on.)
 */
abstract class DecisionEvent<P> implements CaseEventType<P> {

    private static final Set<String> IND_DECISION_STAFF = Set.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD);

    private final String type;
    private final Class<P> payloadType;
    private final Set<String> senderGroups;

    DecisionEvent(String type, Class<P> payloadType) {
        this(type, payloadType, IND_DECISION_STAFF);
    }

    DecisionEvent(String type, Class<P> payloadType, Set<String> senderGroups) {
        this.type = type;
        this.payloadType = payloadType;
        this.senderGroups = senderGroups;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Class<P> payloadType() {
        return payloadType;
    }

    @Override
    public CaseFilePart part() {
        return CaseFilePart.DECISION_SECTION;
    }

    @Override
    public Set<String> senderGroups() {
        return senderGroups;
    }
}

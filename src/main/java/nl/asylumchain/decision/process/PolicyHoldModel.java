package nl.asylumchain.decision.process;

/** Ids in {@code bpmn/policyHold.bpmn} that Java relies on. */
public final class PolicyHoldModel {

    public static final String MODEL_RESOURCE = "bpmn/policyHold.bpmn";
    public static final String PROCESS_KEY = "policyHold";

    public static final String EVENT_POLICY_HOLD_RELEASED = "Event_PolicyHoldReleased";
    public static final String MESSAGE_POLICY_HOLD_RELEASED = "PolicyHoldReleased";

    private PolicyHoldModel() {}
}

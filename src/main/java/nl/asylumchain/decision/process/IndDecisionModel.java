package nl.asylumchain.decision.process;

/** Ids in {@code bpmn/indDecision.bpmn} that Java relies on. */
public final class IndDecisionModel {

    public static final String MODEL_RESOURCE = "bpmn/indDecision.bpmn";
    public static final String PROCESS_KEY = "indDecision";

    public static final String ACTIVITY_SUBMIT_DUBLIN_CLAIM = "Activity_SubmitDublinClaim";
    public static final String ACTIVITY_MAIN_INTERVIEW = "Activity_MainInterview";
    public static final String ACTIVITY_DECIDE_APPLICATION = "Activity_DecideApplication";
    public static final String EVENT_REPLY_PERIOD_PASSED = "Event_ReplyPeriodPassed";
    public static final String EVENT_DUBLIN_REPLY_RECEIVED = "Event_DublinReplyReceived";
    public static final String MESSAGE_DUBLIN_REPLY = "DublinReply";

    private IndDecisionModel() {
    }
}

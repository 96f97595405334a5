package nl.asylumchain.decision.process;

/** Ids in {@code bpmn/decisionDeadline.bpmn} that Java relies on. */
public final class DecisionDeadlineModel {

    public static final String MODEL_RESOURCE = "bpmn/decisionDeadline.bpmn";
    public static final String PROCESS_KEY = "decisionDeadline";

    public static final String EVENT_DEADLINE_NEAR = "Event_DeadlineNear";
    public static final String EVENT_DEADLINE_PASSED = "Event_DeadlinePassed";
    public static final String ACTIVITY_REVIEW_DECISION_DEADLINE = "Activity_ReviewDecisionDeadline";
    public static final String ACTIVITY_HANDLE_DEADLINE_PASSED = "Activity_HandleDeadlinePassed";
    public static final String EVENT_NOTICE_OF_DEFAULT_RECEIVED = "Event_NoticeOfDefaultReceived";
    public static final String EVENT_PENALTY_PERIOD_PASSED = "Event_PenaltyPeriodPassed";
    public static final String MESSAGE_NOTICE_OF_DEFAULT = "NoticeOfDefault";

    private DecisionDeadlineModel() {}
}

package nl.asylumchain.decision.process;

import org.springframework.modulith.NamedInterface;

/** Ids in {@code bpmn/indDecision.bpmn} that Java relies on. */
@NamedInterface("model")
public final class IndDecisionModel {

    public static final String MODEL_RESOURCE = "bpmn/indDecision.bpmn";
    public static final String PROCESS_KEY = "indDecision";

    public static final String ACTIVITY_SUBMIT_DUBLIN_CLAIM = "Activity_SubmitDublinClaim";
    public static final String ACTIVITY_MAIN_INTERVIEW = "Activity_MainInterview";
    public static final String ACTIVITY_WRITTEN_HEARING = "Activity_WrittenHearing";
    public static final String ACTIVITY_CORRECTIONS_AND_ADDITIONS = "Activity_CorrectionsAndAdditions";
    public static final String ACTIVITY_ASSESS_APPLICATION = "Activity_AssessApplication";
    public static final String ACTIVITY_EXTENDED_INVESTIGATION = "Activity_ExtendedInvestigation";
    public static final String ACTIVITY_INTENDED_DECISION = "Activity_IntendedDecision";
    public static final String ACTIVITY_DECIDE_APPLICATION = "Activity_DecideApplication";
    public static final String ACTIVITY_APPEAL = "Activity_Appeal";
    /** Records a grant (its delegate writes the decision and the permit): where a placed permit holder starts. */
    public static final String ACTIVITY_RECORD_GRANT = "Activity_RecordGrant";
    /** Records that a rejection is final: where a placed rejected applicant (past the appeal window) starts. */
    public static final String ACTIVITY_FINALIZE_REJECTION = "Activity_FinalizeRejection";

    public static final String ACTIVITY_ENFORCE_REJECTION = "Activity_EnforceRejection";
    public static final String ACTIVITY_REOPEN_DECISION_DEADLINE = "Activity_ReopenDecisionDeadline";
    public static final String EVENT_REJECTION_ENFORCEABLE = "Event_RejectionEnforceable";
    public static final String EVENT_RESPONSE_PERIOD_PASSED = "Event_ResponsePeriodPassed";
    public static final String EVENT_REPLY_PERIOD_PASSED = "Event_ReplyPeriodPassed";
    public static final String EVENT_DUBLIN_REPLY_RECEIVED = "Event_DublinReplyReceived";
    public static final String MESSAGE_DUBLIN_REPLY = "DublinReply";

    /** Routing variables of this process that its own backlog count reads. */
    static final String VARIABLE_TRACK = "track";

    static final String VARIABLE_PROCEDURE = "procedure";
    static final String PROCEDURE_VA = "VA";

    private IndDecisionModel() {}
}

package nl.asylumchain.decision.process;

import org.springframework.modulith.NamedInterface;

/** Ids in {@code bpmn/appeal.bpmn} that Java relies on. */
@NamedInterface("model")
public final class AppealModel {

    public static final String MODEL_RESOURCE = "bpmn/appeal.bpmn";
    public static final String PROCESS_KEY = "appeal";

    public static final String EVENT_APPEAL_WINDOW_PASSED = "Event_AppealWindowPassed";
    public static final String EVENT_APPEAL_LODGED = "Event_AppealLodged";
    public static final String EVENT_COURT_RULING_RECEIVED = "Event_CourtRulingReceived";
    public static final String EVENT_INTERIM_RELIEF_DECIDED = "Event_InterimReliefDecided";
    public static final String EVENT_REJECTION_ENFORCEABLE = "Event_RejectionEnforceable";
    public static final String GATEWAY_APPEAL_SUSPENSIVE = "Gateway_AppealSuspensive";
    public static final String MESSAGE_APPEAL_LODGED = "AppealLodged";
    public static final String MESSAGE_INTERIM_RELIEF = "InterimRelief";
    public static final String MESSAGE_COURT_RULING = "CourtRuling";

    private AppealModel() {}
}

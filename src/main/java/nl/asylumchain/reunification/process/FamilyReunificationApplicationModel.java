package nl.asylumchain.reunification.process;

import nl.asylumchain.reunification.FamilyReunificationService;

/** Ids in {@code bpmn/familyReunificationApplication.bpmn} (one family member's application) that Java relies on. */
public final class FamilyReunificationApplicationModel {

    public static final String MODEL_RESOURCE = "bpmn/familyReunificationApplication.bpmn";
    public static final String PROCESS_KEY = "familyReunificationApplication";

    public static final String ACTIVITY_REGISTER_APPLICATION = "Activity_RegisterApplication";
    public static final String ACTIVITY_DETERMINE_ELIGIBILITY = "Activity_DetermineEligibility";
    public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
    public static final String ACTIVITY_ASSESS_REUNIFICATION = "Activity_AssessReunification";
    public static final String ACTIVITY_DNA_TEST = "Activity_DnaTest";
    public static final String ACTIVITY_EMBASSY_INTERVIEW = "Activity_EmbassyInterview";
    public static final String ACTIVITY_DECIDE_REUNIFICATION = "Activity_DecideReunification";
    public static final String ACTIVITY_EXTEND_DECISION_PERIOD = "Activity_ExtendDecisionPeriod";

    public static final String GATEWAY_AWAIT_ARRIVAL = "Gateway_AwaitArrival";
    public static final String EVENT_MVV_ISSUED = "Event_MvvIssued";

    public static final String EVENT_APPLICATION_WINDOW_PASSED = "Event_ApplicationWindowPassed";
    public static final String EVENT_DECISION_PERIOD_PASSED = "Event_DecisionPeriodPassed";
    public static final String EVENT_MVV_EXPIRED = "Event_MvvExpired";
    public static final String EVENT_FAMILY_ARRIVED = "Event_FamilyArrived";

    public static final String EVENT_REGULAR_ROUTE = "Event_RegularRoute";
    public static final String EVENT_NOT_ELIGIBLE = "Event_NotEligible";
    public static final String EVENT_REUNIFICATION_REFUSED = "Event_ReunificationRefused";
    public static final String EVENT_FAMILY_MEMBER_ARRIVED = "Event_FamilyMemberArrived";
    public static final String EVENT_MVV_UNUSED = "Event_MvvUnused";
    public static final String EVENT_DECISION_PERIOD_EXTENDED = "Event_DecisionPeriodExtended";

    public static final String MESSAGE_FAMILY_ARRIVED = FamilyReunificationService.FAMILY_ARRIVED_MESSAGE;

    private FamilyReunificationApplicationModel() {}
}

package nl.asylumchain.casefile.process;

import java.util.Map;

import org.springframework.modulith.NamedInterface;

import nl.asylumchain.casefile.CaseOutcome;
import nl.asylumchain.casefile.Stage;

/** Ids in {@code bpmn/asylumCase.bpmn} that Java relies on. */
@NamedInterface("model")
public final class CaseModel {

    public static final String MODEL_RESOURCE = "bpmn/asylumCase.bpmn";
    public static final String PROCESS_KEY = "asylumCase";

    public static final String ACTIVITY_REGISTRATION = "Activity_Registration";
    public static final String ACTIVITY_IND_DECISION = "Activity_IndDecision";
    public static final String ACTIVITY_HOUSING = "Activity_Housing";
    public static final String ACTIVITY_FAMILY_REUNIFICATION = "Activity_FamilyReunification";
    public static final String ACTIVITY_DEPARTURE = "Activity_Departure";

    public static final String GATEWAY_IND_DECISION_MERGE = "Gateway_IndDecisionMerge";
    /** Interim relief suspended the departure: the case waits for the court's ruling on the appeal. */
    public static final String ACTIVITY_SUSPEND_DEPARTURE = "Activity_SuspendDeparture";

    public static final String GATEWAY_AWAIT_RULING_AFTER_RELIEF = "Gateway_AwaitRulingAfterRelief";
    public static final String ACTIVITY_CLOSE_SUSPENDED_DEPARTURE = "Activity_CloseSuspendedDeparture";
    public static final String GATEWAY_PERMIT_HOLDER_MERGE = "Gateway_PermitHolderMerge";
    /** Dublin transfer not done in time: back to the IND in spoor 4. */
    public static final String FLOW_RESPONSIBILITY_ASSUMED = "Flow_ResponsibilityAssumed";
    /** A permit after all during departure: on to the permit-holder path. */
    public static final String FLOW_PERMIT_AFTER_ALL = "Flow_PermitAfterAll";
    /** The housing branch of a permit holder done: a placed nareis sponsor who is housed already starts here. */
    public static final String FLOW_HOUSING_DONE = "Flow_ToPermitHolderJoinFromHousing";
    /** The family branch of a permit holder done (nareis handled, or no family abroad). */
    public static final String FLOW_FAMILY_DONE = "Flow_ToPermitHolderJoinFromFamily";

    public static final String EVENT_PERMIT_HOLDER_HOUSED = "Event_PermitHolderHoused";
    public static final String EVENT_DEPARTED_INDEPENDENTLY = "Event_DepartedIndependently";
    public static final String EVENT_DEPARTED_FORCED = "Event_DepartedForced";
    public static final String EVENT_TRANSFERRED_DUBLIN = "Event_TransferredDublin";
    public static final String EVENT_LEFT_WITHOUT_SUPERVISION = "Event_LeftWithoutSupervision";

    static final Map<String, Stage> STAGES = Map.of(
            ACTIVITY_REGISTRATION, Stage.REGISTRATION,
            ACTIVITY_IND_DECISION, Stage.IND_DECISION,
            ACTIVITY_HOUSING, Stage.HOUSING,
            ACTIVITY_FAMILY_REUNIFICATION, Stage.FAMILY_REUNIFICATION,
            ACTIVITY_DEPARTURE, Stage.DEPARTURE,
            // while interim relief suspends the departure, DT&V has nothing to do: the case waits for the court's
            // ruling on the IND's decision
            ACTIVITY_SUSPEND_DEPARTURE, Stage.IND_DECISION,
            GATEWAY_AWAIT_RULING_AFTER_RELIEF, Stage.IND_DECISION,
            ACTIVITY_CLOSE_SUSPENDED_DEPARTURE, Stage.IND_DECISION);

    static final Map<String, CaseOutcome> OUTCOMES = Map.of(
            EVENT_PERMIT_HOLDER_HOUSED, CaseOutcome.PERMIT_HOLDER_HOUSED,
            EVENT_DEPARTED_INDEPENDENTLY, CaseOutcome.DEPARTED_INDEPENDENTLY,
            EVENT_DEPARTED_FORCED, CaseOutcome.DEPARTED_FORCED,
            EVENT_TRANSFERRED_DUBLIN, CaseOutcome.TRANSFERRED_DUBLIN,
            EVENT_LEFT_WITHOUT_SUPERVISION, CaseOutcome.LEFT_WITHOUT_SUPERVISION);

    private CaseModel() {}
}

package nl.asylumchain.departure.process;

import java.util.Map;

import org.springframework.modulith.NamedInterface;

import nl.asylumchain.departure.DepartureOutcome;

/** Ids in {@code bpmn/departure.bpmn} that Java relies on. */
@NamedInterface("model")
public final class DepartureModel {

    public static final String MODEL_RESOURCE = "bpmn/departure.bpmn";
    public static final String PROCESS_KEY = "departure";

    public static final String ACTIVITY_DEPARTURE_INTERVIEW = "Activity_DepartureInterview";
    public static final String ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE = "Activity_ArrangeIndependentDeparture";
    public static final String ACTIVITY_ARRANGE_FORCED_DEPARTURE = "Activity_ArrangeForcedDeparture";
    public static final String ACTIVITY_PLAN_TRANSFER = "Activity_PlanTransfer";
    public static final String ACTIVITY_EXECUTE_TRANSFER = "Activity_ExecuteTransfer";
    public static final String ACTIVITY_PROPOSE_DETENTION = "Activity_ProposeDetention";
    public static final String ACTIVITY_REVIEW_DETENTION = "Activity_ReviewDetention";

    public static final String EVENT_DEPARTURE_PERIOD_ENDED = "Event_DeparturePeriodEnded";
    public static final String EVENT_VBL_PERIOD_PASSED = "Event_VblPeriodPassed";
    public static final String EVENT_NEXT_INTERVIEW_DUE = "Event_NextInterviewDue";
    public static final String EVENT_TRANSFER_DEADLINE_PASSED = "Event_TransferDeadlinePassed";
    public static final String EVENT_TRANSFER_NO_SHOW = "Event_TransferNoShow";
    public static final String EVENT_DETENTION_PERIOD_PASSED = "Event_DetentionPeriodPassed";
    public static final String EVENT_DETENTION_LIMIT_REACHED = "Event_DetentionLimitReached";

    public static final String EVENT_DEPARTED_INDEPENDENTLY = "Event_DepartedIndependently";
    public static final String EVENT_DEPARTED_FORCED = "Event_DepartedForced";
    public static final String EVENT_TRANSFERRED_DUBLIN = "Event_TransferredDublin";
    public static final String EVENT_LEFT_WITHOUT_SUPERVISION = "Event_LeftWithoutSupervision";
    public static final String EVENT_RESPONSIBILITY_ASSUMED = "Event_ResponsibilityAssumed";
    public static final String EVENT_PERMIT_AFTER_ALL = "Event_PermitAfterAll";

    public static final String MESSAGE_DEPARTURE_CONFIRMED = "DepartureConfirmed";
    public static final String MESSAGE_DEPARTURE_UNSUPERVISED = "DepartureUnsupervised";
    public static final String MESSAGE_PERMIT_AFTER_ALL = "PermitAfterAll";
    public static final String MESSAGE_REPORTED = "Reported";
    public static final String MESSAGE_REPORT_MISSED = "ReportMissed";
    public static final String MESSAGE_IMPRISONED = "Imprisoned";
    public static final String MESSAGE_ABSCONDED = "Absconded";

    /** The outcome each end event stands for. */
    static final Map<String, DepartureOutcome> OUTCOMES = Map.of(
            EVENT_DEPARTED_INDEPENDENTLY, DepartureOutcome.DEPARTED_INDEPENDENTLY,
            EVENT_DEPARTED_FORCED, DepartureOutcome.DEPARTED_FORCED,
            EVENT_TRANSFERRED_DUBLIN, DepartureOutcome.TRANSFERRED_DUBLIN,
            EVENT_LEFT_WITHOUT_SUPERVISION, DepartureOutcome.LEFT_WITHOUT_SUPERVISION,
            EVENT_RESPONSIBILITY_ASSUMED, DepartureOutcome.RESPONSIBILITY_ASSUMED,
            EVENT_PERMIT_AFTER_ALL, DepartureOutcome.PERMIT_AFTER_ALL);

    private DepartureModel() {}
}

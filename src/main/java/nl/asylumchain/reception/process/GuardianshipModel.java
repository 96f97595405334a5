package nl.asylumchain.reception.process;

/** Ids in {@code bpmn/guardianship.bpmn} that Java relies on. */
public final class GuardianshipModel {

    public static final String MODEL_RESOURCE = "bpmn/guardianship.bpmn";
    public static final String PROCESS_KEY = "guardianship";

    public static final String ACTIVITY_APPOINT_GUARDIAN = "Activity_AppointGuardian";
    public static final String ACTIVITY_PLACE_MINOR = "Activity_PlaceMinor";
    public static final String EVENT_GUARDIANSHIP_ARRANGED = "Event_GuardianshipArranged";

    private GuardianshipModel() {}
}

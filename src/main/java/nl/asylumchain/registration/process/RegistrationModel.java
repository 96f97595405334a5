package nl.asylumchain.registration.process;

import org.springframework.modulith.NamedInterface;

/** Ids in {@code bpmn/registration.bpmn} that Java relies on. */
@NamedInterface("model")
public final class RegistrationModel {

    public static final String MODEL_RESOURCE = "bpmn/registration.bpmn";
    public static final String PROCESS_KEY = "registration";

    public static final String ACTIVITY_IDENTIFY_AND_REGISTER = "Activity_IdentifyAndRegister";
    public static final String ACTIVITY_REGISTRATION_INTERVIEW = "Activity_RegistrationInterview";
    public static final String ACTIVITY_RECORD_TRACK = "Activity_RecordTrack";
    public static final String EVENT_REST_PERIOD_PASSED = "Event_RestPeriodPassed";

    private RegistrationModel() {}
}

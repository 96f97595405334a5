package nl.asylumchain.reunification.process;

import org.springframework.modulith.NamedInterface;

/** Ids in {@code bpmn/familyReunification.bpmn} (the sponsor's process) that Java relies on. */
@NamedInterface("model")
public final class FamilyReunificationModel {

    public static final String MODEL_RESOURCE = "bpmn/familyReunification.bpmn";
    public static final String PROCESS_KEY = "familyReunification";

    public static final String ACTIVITY_OPEN_APPLICATIONS = "Activity_OpenApplications";
    public static final String ACTIVITY_REUNIFY_FAMILY_MEMBER = "Activity_ReunifyFamilyMember";
    public static final String EVENT_REUNIFICATION_DECIDED = "Event_ReunificationDecided";

    private FamilyReunificationModel() {}
}

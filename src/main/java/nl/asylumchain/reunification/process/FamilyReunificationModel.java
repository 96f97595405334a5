package nl.asylumchain.reunification.process;

/** Ids in {@code bpmn/familyReunification.bpmn} that Java relies on. */
public final class FamilyReunificationModel {

    public static final String MODEL_RESOURCE = "bpmn/familyReunification.bpmn";
    public static final String PROCESS_KEY = "familyReunification";

    public static final String ACTIVITY_ASSESS_REUNIFICATION = "Activity_AssessReunification";

    private FamilyReunificationModel() {
    }
}

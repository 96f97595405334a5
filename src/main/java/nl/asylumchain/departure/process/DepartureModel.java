package nl.asylumchain.departure.process;

/** Ids in {@code bpmn/departure.bpmn} that Java relies on. */
public final class DepartureModel {

    public static final String MODEL_RESOURCE = "bpmn/departure.bpmn";
    public static final String PROCESS_KEY = "departure";

    public static final String ACTIVITY_DEPARTURE_INTERVIEW = "Activity_DepartureInterview";
    public static final String ACTIVITY_RECORD_DEPARTURE = "Activity_RecordDeparture";

    private DepartureModel() {
    }
}

package nl.asylumchain.departure.process;

/** The decision in {@code dmn/departureRoute.dmn} that {@code departure.bpmn} calls. */
public final class DepartureRouteModel {

    public static final String MODEL_RESOURCE = "dmn/departureRoute.dmn";
    public static final String DECISION_KEY = "departureRoute";

    private DepartureRouteModel() {}
}

package nl.asylumchain.reception.process;

/** Ids in {@code dmn/receptionPlacement.dmn} that Java relies on. */
public final class ReceptionPlacementModel {

    public static final String MODEL_RESOURCE = "dmn/receptionPlacement.dmn";
    public static final String DECISION_KEY = "receptionPlacement";

    private ReceptionPlacementModel() {}
}

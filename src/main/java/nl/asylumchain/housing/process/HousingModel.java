package nl.asylumchain.housing.process;

/** Ids in {@code bpmn/housing.bpmn} that Java relies on. */
public final class HousingModel {

    public static final String MODEL_RESOURCE = "bpmn/housing.bpmn";
    public static final String PROCESS_KEY = "housing";

    public static final String ACTIVITY_LINK_MUNICIPALITY = "Activity_LinkMunicipality";
    public static final String ACTIVITY_OFFER_HOUSING = "Activity_OfferHousing";
    public static final String ACTIVITY_CONFIRM_MOVE = "Activity_ConfirmMove";

    private HousingModel() {
    }
}

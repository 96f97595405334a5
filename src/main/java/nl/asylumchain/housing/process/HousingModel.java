package nl.asylumchain.housing.process;

import org.springframework.modulith.NamedInterface;

/** Ids in {@code bpmn/housing.bpmn} that Java relies on. */
@NamedInterface("model")
public final class HousingModel {

    public static final String MODEL_RESOURCE = "bpmn/housing.bpmn";
    public static final String PROCESS_KEY = "housing";

    public static final String ACTIVITY_PROPOSE_MUNICIPALITY = "Activity_ProposeMunicipality";
    public static final String ACTIVITY_LINK_MUNICIPALITY = "Activity_LinkMunicipality";
    public static final String ACTIVITY_RECORD_LINK = "Activity_RecordLink";
    public static final String ACTIVITY_OFFER_HOUSING = "Activity_OfferHousing";
    public static final String ACTIVITY_CONFIRM_MOVE = "Activity_ConfirmMove";
    public static final String ACTIVITY_CONFIRM_TEMPORARY_MOVE = "Activity_ConfirmTemporaryMove";
    public static final String ACTIVITY_RECORD_TEMPORARY_HOUSING = "Activity_RecordTemporaryHousing";
    public static final String ACTIVITY_CONFIRM_FINAL_HOUSING = "Activity_ConfirmFinalHousing";
    public static final String ACTIVITY_RECORD_HOUSING = "Activity_RecordHousing";
    public static final String EVENT_PERMIT_HOLDER_HOUSED = "Event_PermitHolderHoused";

    public static final String EVENT_LINK_OVERDUE = "Event_LinkMunicipalityOverdue";
    public static final String EVENT_OFFER_OVERDUE = "Event_OfferHousingOverdue";
    public static final String EVENT_MOVE_OVERDUE = "Event_ConfirmMoveOverdue";
    public static final String EVENT_TEMPORARY_MOVE_OVERDUE = "Event_ConfirmTemporaryMoveOverdue";
    public static final String EVENT_FINAL_HOUSING_OVERDUE = "Event_ConfirmFinalHousingOverdue";

    public static final String ACTIVITY_RECORD_LINK_LATE = "Activity_RecordLinkMunicipalityLate";
    public static final String ACTIVITY_RECORD_OFFER_LATE = "Activity_RecordOfferHousingLate";
    public static final String ACTIVITY_RECORD_MOVE_LATE = "Activity_RecordConfirmMoveLate";

    private HousingModel() {}
}

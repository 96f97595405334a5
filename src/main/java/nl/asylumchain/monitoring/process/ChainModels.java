package nl.asylumchain.monitoring.process;

/**
 * The model ids monitoring counts by, in one place. The stage modules' own {@code *Model} classes are internal to
 * them (Spring Modulith), so monitoring names the same ids here; {@code ModelIdsTest} checks that each exists in its
 * model and {@code ChainModelsTest} that each equals the stage module's own constant, so a rename cannot slip by.
 */
public final class ChainModels {

    private ChainModels() {
    }

    /** {@code bpmn/asylumCase.bpmn}: one call activity per stage; their history gives the stage lead times. */
    public static final class MainCaseModel {
        public static final String MODEL_RESOURCE = "bpmn/asylumCase.bpmn";
        public static final String PROCESS_KEY = "asylumCase";
        public static final String ACTIVITY_REGISTRATION = "Activity_Registration";
        public static final String ACTIVITY_IND_DECISION = "Activity_IndDecision";
        public static final String ACTIVITY_HOUSING = "Activity_Housing";
        public static final String ACTIVITY_FAMILY_REUNIFICATION = "Activity_FamilyReunification";
        public static final String ACTIVITY_DEPARTURE = "Activity_Departure";

        private MainCaseModel() {
        }
    }

    /** {@code bpmn/registration.bpmn}: a case waiting at the rest-period timer is in the rest period. */
    public static final class RegistrationStageModel {
        public static final String MODEL_RESOURCE = "bpmn/registration.bpmn";
        public static final String PROCESS_KEY = "registration";
        public static final String EVENT_REST_PERIOD_PASSED = "Event_RestPeriodPassed";

        private RegistrationStageModel() {
        }
    }

    /**
     * {@code bpmn/indDecision.bpmn}: cases per track by the process variable {@code track}; in appeal while in the
     * call activity of the appeal.
     */
    public static final class IndDecisionStageModel {
        public static final String MODEL_RESOURCE = "bpmn/indDecision.bpmn";
        public static final String PROCESS_KEY = "indDecision";
        public static final String EVENT_REPLY_PERIOD_PASSED = "Event_ReplyPeriodPassed";
        public static final String ACTIVITY_APPEAL = "Activity_Appeal";
        public static final String EVENT_RESPONSE_PERIOD_PASSED = "Event_ResponsePeriodPassed";

        private IndDecisionStageModel() {
        }
    }

    /** {@code bpmn/appeal.bpmn}: the appeal window, which the demo traffic cuts short. */
    public static final class AppealStageModel {
        public static final String MODEL_RESOURCE = "bpmn/appeal.bpmn";
        public static final String PROCESS_KEY = "appeal";
        public static final String EVENT_APPEAL_WINDOW_PASSED = "Event_AppealWindowPassed";

        private AppealStageModel() {
        }
    }

    public static final class HousingStageModel {
        public static final String MODEL_RESOURCE = "bpmn/housing.bpmn";
        public static final String PROCESS_KEY = "housing";

        private HousingStageModel() {
        }
    }

    public static final class FamilyReunificationStageModel {
        public static final String MODEL_RESOURCE = "bpmn/familyReunification.bpmn";
        public static final String PROCESS_KEY = "familyReunification";

        private FamilyReunificationStageModel() {
        }
    }

    public static final class DepartureStageModel {
        public static final String MODEL_RESOURCE = "bpmn/departure.bpmn";
        public static final String PROCESS_KEY = "departure";

        private DepartureStageModel() {
        }
    }
}

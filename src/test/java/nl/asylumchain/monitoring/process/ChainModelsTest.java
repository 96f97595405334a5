package nl.asylumchain.monitoring.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationModel;

/** Monitoring counts by the same ids the stage modules name in their own {@code *Model} classes. */
class ChainModelsTest {

    @Test
    void monitoringNamesTheSameModelIdsAsTheStageModules() {
        assertThat(ChainModels.MainCaseModel.PROCESS_KEY).isEqualTo(CaseModel.PROCESS_KEY);
        assertThat(ChainModels.MainCaseModel.ACTIVITY_REGISTRATION).isEqualTo(CaseModel.ACTIVITY_REGISTRATION);
        assertThat(ChainModels.MainCaseModel.ACTIVITY_IND_DECISION).isEqualTo(CaseModel.ACTIVITY_IND_DECISION);
        assertThat(ChainModels.MainCaseModel.ACTIVITY_HOUSING).isEqualTo(CaseModel.ACTIVITY_HOUSING);
        assertThat(ChainModels.MainCaseModel.ACTIVITY_FAMILY_REUNIFICATION)
                .isEqualTo(CaseModel.ACTIVITY_FAMILY_REUNIFICATION);
        assertThat(ChainModels.MainCaseModel.ACTIVITY_DEPARTURE).isEqualTo(CaseModel.ACTIVITY_DEPARTURE);
        assertThat(ChainModels.RegistrationStageModel.PROCESS_KEY).isEqualTo(RegistrationModel.PROCESS_KEY);
        assertThat(ChainModels.RegistrationStageModel.EVENT_REST_PERIOD_PASSED)
                .isEqualTo(RegistrationModel.EVENT_REST_PERIOD_PASSED);
        assertThat(ChainModels.IndDecisionStageModel.PROCESS_KEY).isEqualTo(IndDecisionModel.PROCESS_KEY);
        assertThat(ChainModels.IndDecisionStageModel.EVENT_REPLY_PERIOD_PASSED)
                .isEqualTo(IndDecisionModel.EVENT_REPLY_PERIOD_PASSED);
        assertThat(ChainModels.IndDecisionStageModel.ACTIVITY_APPEAL).isEqualTo(IndDecisionModel.ACTIVITY_APPEAL);
        assertThat(ChainModels.IndDecisionStageModel.EVENT_RESPONSE_PERIOD_PASSED)
                .isEqualTo(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED);
        assertThat(ChainModels.AppealStageModel.PROCESS_KEY).isEqualTo(AppealModel.PROCESS_KEY);
        assertThat(ChainModels.AppealStageModel.EVENT_APPEAL_WINDOW_PASSED)
                .isEqualTo(AppealModel.EVENT_APPEAL_WINDOW_PASSED);
        assertThat(ChainModels.HousingStageModel.PROCESS_KEY).isEqualTo(HousingModel.PROCESS_KEY);
        assertThat(ChainModels.FamilyReunificationStageModel.PROCESS_KEY)
                .isEqualTo(FamilyReunificationModel.PROCESS_KEY);
        assertThat(ChainModels.DepartureStageModel.PROCESS_KEY).isEqualTo(DepartureModel.PROCESS_KEY);
    }
}

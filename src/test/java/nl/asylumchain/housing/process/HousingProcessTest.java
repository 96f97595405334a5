package nl.asylumchain.housing.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.asylumchain.ProcessTestSupport;

import static nl.asylumchain.ProcessTestSupport.CASE_ID;
import static nl.asylumchain.ProcessTestSupport.nowPlus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/**
 * bpmn/housing.bpmn: COA links to a municipality in 2 weeks, the municipality offers housing in 10, the move in 2;
 * or first a doorstroomlocatie for at most a year. A passed deadline records the step as late and the step goes on.
 */
@Deployment(
        resources = {
            "dmn/taskPeriods.dmn",
            "bpmn/housing.bpmn",
            "bpmn/forms/linkMunicipality.form",
            "bpmn/forms/offerHousing.form",
            "bpmn/forms/confirmMove.form",
            "bpmn/forms/confirmTemporaryMove.form",
            "bpmn/forms/confirmFinalHousing.form"
        })
class HousingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @RegisterExtension
    final ProcessTestSupport chain = new ProcessTestSupport(extension);

    /** What the stand-in delegates were asked to do, in order. */
    private final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void setUp() {
        // as the real delegate: the deadlines from configuration (defaults) and the proposal prefilled
        Mocks.register("proposeMunicipalityDelegate", (JavaDelegate) execution -> {
            recorded.add("proposed");
            execution.setVariable("linkPeriod", "P14D");
            execution.setVariable("offerPeriod", "P70D");
            execution.setVariable("movePeriod", "P14D");
            execution.setVariable("temporaryHousingPeriod", "P1Y");
            execution.setVariable("municipalityCode", "GM0014");
        });
        Mocks.register("recordLinkDelegate", (JavaDelegate)
                execution -> recorded.add("linked:" + execution.getVariable("municipalityCode")));
        Mocks.register("recordLateStepDelegate", (JavaDelegate)
                execution -> recorded.add("late:" + execution.getVariableLocal("step")));
        Mocks.register("recordTemporaryHousingDelegate", (JavaDelegate) execution -> recorded.add("temporary"));
        Mocks.register("recordHousingDelegate", (JavaDelegate) execution -> recorded.add("housed"));
    }

    private ProcessInstance startHousing() {
        return runtimeService()
                .startProcessInstanceByKey(HousingModel.PROCESS_KEY, CASE_ID, Variables.putValue("caseId", CASE_ID));
    }

    @Test
    void onTimeAPermitHolderIsLinkedOfferedAHomeAndMovesWithNothingLate() {
        ProcessInstance housing = startHousing();

        assertThat(chain.task(HousingModel.ACTIVITY_LINK_MUNICIPALITY))
                .hasCandidateGroup("coa")
                .hasDueDate(nowPlus("P14D"));
        chain.complete(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0014", "linkReason", ""));

        assertThat(chain.task(HousingModel.ACTIVITY_OFFER_HOUSING))
                .hasCandidateGroup("municipality")
                .hasDueDate(nowPlus("P70D"));
        chain.complete(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME", "addressNotes", ""));

        assertThat(chain.task(HousingModel.ACTIVITY_CONFIRM_MOVE))
                .hasCandidateGroup("municipality")
                .hasDueDate(nowPlus("P14D"));
        chain.complete(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", "2024-05-20"));

        assertThat(housing)
                .isEnded()
                .hasPassedInOrder(
                        HousingModel.ACTIVITY_PROPOSE_MUNICIPALITY,
                        HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                        HousingModel.ACTIVITY_RECORD_LINK,
                        HousingModel.ACTIVITY_OFFER_HOUSING,
                        HousingModel.ACTIVITY_CONFIRM_MOVE,
                        HousingModel.ACTIVITY_RECORD_HOUSING,
                        HousingModel.EVENT_PERMIT_HOLDER_HOUSED);
        assertThat(recorded).containsExactly("proposed", "linked:GM0014", "housed");
    }

    @Test
    void anOfferWithoutAKindIsAHome() {
        ProcessInstance housing = startHousing();
        chain.complete(
                HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0363", "linkReason", "werk"));
        chain.complete(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingOffered", true));
        chain.complete(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", "2024-05-20"));

        assertThat(housing).isEnded().hasNotPassed(HousingModel.ACTIVITY_CONFIRM_TEMPORARY_MOVE);
        assertThat(recorded).containsExactly("proposed", "linked:GM0363", "housed");
    }

    @Test
    void aLateOfferIsRecordedAsLateRaisesNothingElseAndTheOfferStillComes() {
        ProcessInstance housing = startHousing();
        chain.complete(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0014", "linkReason", ""));
        assertThat(chain.timer(HousingModel.EVENT_OFFER_OVERDUE).getDuedate()).isEqualTo(nowPlus("P70D"));

        chain.fireTimer(HousingModel.EVENT_OFFER_OVERDUE);

        assertThat(housing)
                .isWaitingAt(HousingModel.ACTIVITY_OFFER_HOUSING)
                .hasPassed(HousingModel.ACTIVITY_RECORD_OFFER_LATE);
        chain.complete(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME"));
        chain.complete(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", "2024-08-01"));
        assertThat(housing).isEnded();
        assertThat(recorded).containsExactly("proposed", "linked:GM0014", "late:offer", "housed");
    }

    @Test
    void aLateLinkAndALateMoveAreEachRecordedOnce() {
        ProcessInstance housing = startHousing();
        assertThat(chain.timer(HousingModel.EVENT_LINK_OVERDUE).getDuedate()).isEqualTo(nowPlus("P14D"));
        chain.fireTimer(HousingModel.EVENT_LINK_OVERDUE);
        chain.complete(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0014", "linkReason", ""));
        chain.complete(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME"));
        chain.fireTimer(HousingModel.EVENT_MOVE_OVERDUE);
        chain.complete(HousingModel.ACTIVITY_CONFIRM_MOVE, Map.of("moveDate", "2024-08-01"));

        assertThat(housing).isEnded();
        assertThat(recorded).containsExactly("proposed", "late:link", "linked:GM0014", "late:move", "housed");
    }

    @Test
    void aDoorstroomlocatieFreesTheReceptionPlaceAndAHomeIsStillOwedWithinAYear() {
        ProcessInstance housing = startHousing();
        chain.complete(HousingModel.ACTIVITY_LINK_MUNICIPALITY, Map.of("municipalityCode", "GM0014", "linkReason", ""));
        chain.complete(HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "TEMPORARY"));

        assertThat(chain.task(HousingModel.ACTIVITY_CONFIRM_TEMPORARY_MOVE))
                .hasCandidateGroup("municipality")
                .hasDueDate(nowPlus("P14D"));
        chain.complete(HousingModel.ACTIVITY_CONFIRM_TEMPORARY_MOVE, Map.of("moveDate", "2024-04-01"));

        assertThat(recorded).containsExactly("proposed", "linked:GM0014", "temporary");
        assertThat(chain.task(HousingModel.ACTIVITY_CONFIRM_FINAL_HOUSING))
                .hasCandidateGroup("municipality")
                .hasDueDate(nowPlus("P1Y"));
        chain.fireTimer(HousingModel.EVENT_FINAL_HOUSING_OVERDUE);
        assertThat(housing).isWaitingAt(HousingModel.ACTIVITY_CONFIRM_FINAL_HOUSING);
        chain.complete(HousingModel.ACTIVITY_CONFIRM_FINAL_HOUSING, Map.of("moveDate", "2025-04-01"));

        assertThat(housing)
                .isEnded()
                .hasPassedInOrder(
                        HousingModel.ACTIVITY_CONFIRM_TEMPORARY_MOVE,
                        HousingModel.ACTIVITY_RECORD_TEMPORARY_HOUSING,
                        HousingModel.ACTIVITY_CONFIRM_FINAL_HOUSING,
                        HousingModel.ACTIVITY_RECORD_HOUSING,
                        HousingModel.EVENT_PERMIT_HOLDER_HOUSED)
                .hasNotPassed(HousingModel.ACTIVITY_CONFIRM_MOVE);
        assertThat(recorded).containsExactly("proposed", "linked:GM0014", "temporary", "late:offer", "housed");
    }

    @Test
    void theLinkFormIsPrefilledWithTheProposal() {
        startHousing();
        String taskId = chain.task(HousingModel.ACTIVITY_LINK_MUNICIPALITY).getId();
        assertThat(extension.getProcessEngine().getTaskService().getVariable(taskId, "municipalityCode"))
                .isEqualTo("GM0014");
    }
}

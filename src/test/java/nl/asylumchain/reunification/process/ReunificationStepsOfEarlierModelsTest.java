package nl.asylumchain.reunification.process;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.asylumchain.reunification.FamilyReunificationService;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * An application still running on a version of {@code familyReunificationApplication} deployed before each step had
 * its own listener names {@code ${reunificationSteps.record(execution, 'STEP')}}: each of those step names still
 * records its step, through the listener that now serves the element.
 */
class ReunificationStepsOfEarlierModelsTest {

    static final UUID MEMBER = UUID.fromString("0b6f7d3e-6a51-4d0a-9b1c-6e1f4a2b3c4d");

    FamilyReunificationService reunification = mock(FamilyReunificationService.class);
    DelegateExecution execution = mock(DelegateExecution.class);
    ReunificationStepsOfEarlierModels steps;

    @BeforeEach
    void setUp() {
        steps = new ReunificationStepsOfEarlierModels(
                new RegisterApplicationListener(reunification),
                new NotEligibleListener(reunification),
                new RegularRouteListener(reunification),
                new AssessReunificationListener(reunification),
                new DnaTestListener(reunification),
                new EmbassyInterviewListener(reunification),
                new DecideReunificationListener(reunification),
                new ExtendDecisionPeriodListener(reunification),
                new MvvIssuedListener(reunification),
                new MvvUnusedListener(reunification));
        when(execution.getVariable("familyMemberId")).thenReturn(MEMBER.toString());
    }

    @Test
    void theStepNamesOfEarlierModelsStillRecordTheirSteps() {
        when(execution.getVariable("evidenceType")).thenReturn("DOCUMENTS");
        when(execution.getVariable("evidenceOutcome")).thenReturn("CONFIRMED");
        when(execution.getVariable("reunificationOutcome")).thenReturn("GRANT");
        when(execution.getVariable("reunificationEligibility")).thenReturn(Map.of("eligibilityRule", "CHILD_ADULT"));

        steps.record(execution, "NOT_ELIGIBLE");
        verify(reunification).refusedAsIneligible(MEMBER, "CHILD_ADULT");
        steps.record(execution, "WINDOW_MISSED");
        verify(reunification).windowMissed(MEMBER);
        steps.record(execution, "EVIDENCE_ASSESSED");
        verify(reunification).evidenceAssessed(MEMBER, "DOCUMENTS");
        steps.record(execution, "DNA_TEST");
        steps.record(execution, "EMBASSY_INTERVIEW");
        verify(reunification, org.mockito.Mockito.times(2)).evidenceResearched(MEMBER, "CONFIRMED");
        steps.record(execution, "DECIDED");
        verify(reunification).decided(MEMBER, true);
        steps.record(execution, "MVV_ISSUED");
        verify(reunification).mvvIssued(MEMBER);
        steps.record(execution, "MVV_EXPIRED");
        verify(reunification).mvvExpired(MEMBER);
    }

    @Test
    void aStepNameNoModelEverUsedFailsTheStep() {
        assertThatThrownBy(() -> steps.record(execution, "GRANTED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GRANTED");
        verifyNoInteractions(reunification);
    }
}

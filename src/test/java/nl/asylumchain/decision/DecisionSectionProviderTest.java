package nl.asylumchain.decision;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.asylumchain.decision.persistence.IndProcedureRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The decision section of a case file read, and what it asks for: most cases read have no IND procedure yet. */
class DecisionSectionProviderTest {

    @Test
    void aCaseWithoutAnIndProcedureAsksNeitherItsHoldsNorItsAppeal() {
        UUID caseId = UUID.randomUUID();
        IndProcedureRepository procedures = mock(IndProcedureRepository.class);
        when(procedures.find(caseId)).thenReturn(Optional.empty());
        PolicyHoldService holds = mock(PolicyHoldService.class);
        AppealService appeals = mock(AppealService.class);
        DecisionDeadlineService deadlines = new DecisionDeadlineService(
                procedures,
                Clock.systemUTC(),
                mock(DecisionEngine.class),
                mock(DecisionPeriods.class),
                mock(HoldCategories.class));

        assertThat(new DecisionSectionProvider(deadlines, holds, appeals).of(caseId))
                .isEmpty();
        verifyNoInteractions(holds, appeals);
    }
}

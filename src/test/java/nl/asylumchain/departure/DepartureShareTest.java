package nl.asylumchain.departure;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DT&V's demonstrable departure share, checked against the figures of the letter (MPP 2023-II). */
class DepartureShareTest {

    @Test
    void theLettersFiguresThroughWeek42Of2023GiveFiftyFivePercent() {
        DepartureShare share = DepartureShare.of(Map.of(
                DepartureOutcome.DEPARTED_INDEPENDENTLY, 2_700L,
                DepartureOutcome.DEPARTED_FORCED, 1_900L,
                DepartureOutcome.LEFT_WITHOUT_SUPERVISION, 3_800L));

        assertThat(share.demonstrable()).isEqualTo(4_600);
        assertThat(share.withoutSupervision()).isEqualTo(3_800);
        assertThat(share.fraction()).isEqualByComparingTo(new BigDecimal("0.5476"));
        assertThat(share.percent()).isEqualTo(55);
    }

    @Test
    void dublinTransfersCountAsDemonstrableAndOutcomesWithoutADepartureCountNowhere() {
        DepartureShare share = DepartureShare.of(Map.of(
                DepartureOutcome.DEPARTED_INDEPENDENTLY, 1L,
                DepartureOutcome.TRANSFERRED_DUBLIN, 2L,
                DepartureOutcome.LEFT_WITHOUT_SUPERVISION, 1L,
                DepartureOutcome.RESPONSIBILITY_ASSUMED, 5L,
                DepartureOutcome.PERMIT_AFTER_ALL, 7L));

        assertThat(share.demonstrable()).isEqualTo(3);
        assertThat(share.percent()).isEqualTo(75);
    }

    @Test
    void aPeriodWithoutDeparturesHasNoShare() {
        DepartureShare share = DepartureShare.of(Map.of(DepartureOutcome.PERMIT_AFTER_ALL, 1L));
        assertThat(share.fraction()).isNull();
        assertThat(share.percent()).isNull();
    }
}

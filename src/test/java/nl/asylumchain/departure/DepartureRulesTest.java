package nl.asylumchain.departure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The durations of return and departure and how a new circumstance moves the transfer deadline. */
class DepartureRulesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant ACCEPTED =
            ZonedDateTime.of(2024, 1, 31, 10, 0, 0, 0, AMSTERDAM).toInstant();
    private final DepartureRules rules = DepartureRules.defaults();

    @Test
    void transferDeadlineIsSixMonthsTwelveInPrisonEighteenWhenAbsconded() {
        assertThat(rules.transferDeadline(ACCEPTED, TransferCircumstance.NONE, AMSTERDAM)
                        .atZone(AMSTERDAM)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2024, 7, 31));
        assertThat(rules.transferDeadline(ACCEPTED, TransferCircumstance.IMPRISONED, AMSTERDAM)
                        .atZone(AMSTERDAM)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(rules.transferDeadline(ACCEPTED, TransferCircumstance.ABSCONDED, AMSTERDAM)
                        .atZone(AMSTERDAM)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2025, 7, 31));
    }

    @Test
    void aLaterImprisonmentDoesNotShortenTheDeadlineOfSomeoneWhoAbsconded() {
        assertThat(DepartureRules.longer(TransferCircumstance.ABSCONDED, TransferCircumstance.IMPRISONED))
                .isEqualTo(TransferCircumstance.ABSCONDED);
        assertThat(DepartureRules.longer(TransferCircumstance.IMPRISONED, TransferCircumstance.ABSCONDED))
                .isEqualTo(TransferCircumstance.ABSCONDED);
    }

    @Test
    void detentionLastsAtMostSixMonthsAndEighteenWhenExtended() {
        assertThat(rules.detentionEnds(ACCEPTED, false, AMSTERDAM)
                        .atZone(AMSTERDAM)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2024, 7, 31));
        assertThat(rules.detentionEnds(ACCEPTED, true, AMSTERDAM)
                        .atZone(AMSTERDAM)
                        .toLocalDate())
                .isEqualTo(LocalDate.of(2025, 7, 31));
    }

    @Test
    void departurePeriodIsTheDecisionsPeriodAndNoneWhenTheDecisionGivesNone() {
        assertThat(rules.departurePeriodEnds(ACCEPTED, "P28D", AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2024, 2, 28, 10, 0, 0, 0, AMSTERDAM).toInstant());
        assertThat(rules.departurePeriodEnds(ACCEPTED, "P0D", AMSTERDAM)).isEqualTo(ACCEPTED);
        assertThat(rules.departurePeriodEnds(ACCEPTED, null, AMSTERDAM)).isEqualTo(ACCEPTED);
    }

    @Test
    void twoMissedReportsInARowEndSupervisionOneForADublinClaimantAndFortyEightHoursToShowUpForATransfer() {
        assertThat(rules.missedReportLimit(false)).isEqualTo(2);
        assertThat(rules.missedReportLimit(true)).isEqualTo(1);
        assertThat(rules.transferReportBy(LocalDate.of(2024, 3, 10), AMSTERDAM))
                .isEqualTo(ZonedDateTime.of(2024, 3, 12, 0, 0, 0, 0, AMSTERDAM).toInstant());
        assertThat(rules.vblMaximumStay().getDays()).isEqualTo(84);
    }
}

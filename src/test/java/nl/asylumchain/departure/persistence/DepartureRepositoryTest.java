package nl.asylumchain.departure.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The departure rows written from records and read back into {@link DepartureRecord} by column name: every clock of
 * a hand-over lands in its own column, so two instants of the same type cannot swap places unnoticed.
 */
@ChainTestContext
class DepartureRepositoryTest {

    private static final Instant HANDED_OVER = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    DepartureRepository departures;

    @Test
    void handOverIsReadBackColumnByColumn() {
        UUID caseId = UUID.randomUUID();
        HandOverRecord handOver = new HandOverRecord(
                UUID.randomUUID(),
                caseId,
                "DUBLIN_ACCEPTED",
                true,
                HANDED_OVER,
                "P0D",
                HANDED_OVER.plus(1, ChronoUnit.HOURS),
                HANDED_OVER.minus(20, ChronoUnit.DAYS),
                HANDED_OVER.minus(10, ChronoUnit.DAYS),
                HANDED_OVER.plus(170, ChronoUnit.DAYS));

        departures.insert(handOver);

        DepartureRecord open = departures.open(caseId).orElseThrow();
        assertThat(open.id()).isEqualTo(handOver.id());
        assertThat(open.caseId()).isEqualTo(caseId);
        assertThat(open.indOutcome()).isEqualTo("DUBLIN_ACCEPTED");
        assertThat(open.dublinClaimant()).isTrue();
        assertThat(open.handedOverAt()).isEqualTo(HANDED_OVER);
        assertThat(open.departurePeriod()).isEqualTo("P0D");
        assertThat(open.departurePeriodEnds()).isEqualTo(handOver.departurePeriodEnds());
        assertThat(open.dublinAcceptedOn()).isEqualTo(handOver.dublinAcceptedOn());
        assertThat(open.transferPeriodFrom()).isEqualTo(handOver.transferPeriodFrom());
        assertThat(open.transferDeadline()).isEqualTo(handOver.transferDeadline());
        assertThat(open.transferCircumstance()).isEqualTo("NONE");
        assertThat(open.reports()).isZero();
        assertThat(open.detentionExtended()).isFalse();
        assertThat(open.outcome()).isNull();
    }

    @Test
    void interviewSetsTheDeparturesRouteAndFamily() {
        UUID caseId = UUID.randomUUID();
        UUID departureId = UUID.randomUUID();
        departures.insert(new HandOverRecord(
                departureId, caseId, "REJECTED", false, HANDED_OVER, "P28D", HANDED_OVER, null, null, null));

        departures.insertInterview(new InterviewRecord(
                departureId, HANDED_OVER.plus(2, ChronoUnit.DAYS), true, false, "INDEPENDENT", true));

        DepartureRecord open = departures.open(caseId).orElseThrow();
        assertThat(open.route()).isEqualTo("INDEPENDENT");
        assertThat(open.familyWithChildren()).isTrue();
        assertThat(open.transferCircumstance()).isNull();
        assertThat(departures.interviews(departureId)).isEqualTo(1);
    }
}

package nl.asylumchain.departure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFileSection;
import nl.asylumchain.departure.persistence.DepartureRecord;
import nl.asylumchain.departure.persistence.DepartureRepository;
import nl.asylumchain.departure.process.DepartureModel;

/** {@code sections.departure} of the case file: the latest hand-over to DT&V and where it stands. */
@Component
class DepartureSection implements CaseFileSection {

    private final DepartureRepository departures;

    DepartureSection(DepartureRepository departures) {
        this.departures = departures;
    }

    record Detention(
            String ground,
            Instant startedAt,
            Instant endsAt,
            boolean extended,
            String extensionReason,
            Instant releasedAt) {}

    record Reports(int kept, int missed, int missedInARow) {}

    record Transfer(
            Instant acceptedOn,
            Instant periodFrom,
            String circumstance,
            Instant deadline,
            LocalDate plannedOn,
            Instant reportBy) {}

    /**
     * Interim relief suspended this departure (Awb art. 8:81) on {@code since}; {@code end} is empty while the appeal
     * runs, RESUMED when the appeal was dismissed (a new hand-over follows), ANNULLED when the rejection was annulled.
     */
    record Suspension(Instant since, Instant endedAt, String end) {}

    record View(
            Instant handedOverAt,
            String indOutcome,
            String departurePeriod,
            Instant departurePeriodEnds,
            String route,
            int interviews,
            boolean familyWithChildren,
            Instant vblStayEndedAt,
            Transfer transfer,
            Detention detention,
            Reports reports,
            String outcome,
            Instant outcomeAt,
            boolean suspended,
            Suspension suspension) {}

    @Override
    public Set<String> processKeys() {
        return Set.of(DepartureModel.PROCESS_KEY);
    }

    @Override
    public String name() {
        return "departure";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        return departures.latest(caseId).map(this::view);
    }

    private View view(DepartureRecord d) {
        return new View(
                d.handedOverAt(),
                d.indOutcome(),
                d.departurePeriod(),
                d.departurePeriodEnds(),
                d.route(),
                departures.interviews(d.id()),
                d.familyWithChildren(),
                d.vblStayEndedAt(),
                d.dublinClaimant()
                        ? new Transfer(
                                d.dublinAcceptedOn(),
                                d.transferPeriodFrom(),
                                d.transferCircumstance(),
                                d.transferDeadline(),
                                d.transferDate(),
                                d.transferReportBy())
                        : null,
                d.detentionStartedAt() == null
                        ? null
                        : new Detention(
                                d.detentionGround(),
                                d.detentionStartedAt(),
                                d.detentionEnds(),
                                d.detentionExtended(),
                                d.detentionExtensionReason(),
                                d.releasedAt()),
                new Reports(d.reports(), d.missedReports(), d.missedReportsInARow()),
                d.outcome(),
                d.outcomeAt(),
                d.suspendedAt() != null && d.suspensionEndedAt() == null,
                d.suspendedAt() == null
                        ? null
                        : new Suspension(d.suspendedAt(), d.suspensionEndedAt(), d.suspensionEnd()));
    }
}

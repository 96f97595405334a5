package nl.asylumchain.departure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.departure.persistence.DepartureRecord;
import nl.asylumchain.departure.persistence.DepartureRepository;
import nl.asylumchain.departure.persistence.HandOverRecord;
import nl.asylumchain.departure.persistence.InterviewRecord;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.RowIds;

/** DT&V's record of a departure: hand-over, interviews, clocks, detention, reports and the outcome. */
@Service
public class DepartureService {

    /** The track reason the IND sees when a Dublin transfer deadline passed. */
    public static final String DUBLIN_TRANSFER_DEADLINE_PASSED = "DUBLIN_TRANSFER_DEADLINE_PASSED";

    private final DepartureRepository departures;
    private final DepartureRules rules;
    private final CaseProgress caseFile;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RowIds ids;

    DepartureService(
            DepartureRepository departures,
            DepartureRules rules,
            CaseProgress caseFile,
            ApplicationEventPublisher events,
            Clock clock,
            RowIds ids) {
        this.departures = departures;
        this.rules = rules;
        this.caseFile = caseFile;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
    }

    public DepartureRules rules() {
        return rules;
    }

    /** The clocks a hand-over starts; {@code transferDeadline} only for a Dublin claimant. */
    public record HandOver(Instant departurePeriodEnds, Instant transferDeadline, int missedReportLimit) {}

    /**
     * The IND hands the case to DT&V. A Dublin transfer period runs from {@code transferPeriodFrom} (the acceptance,
     * or the court's ruling when interim relief had suspended the transfer); without it from the acceptance, and
     * without an acceptance date from the hand-over.
     */
    @Transactional
    public HandOver handOver(
            UUID caseId,
            String indOutcome,
            String departurePeriod,
            Instant dublinAcceptedOn,
            Instant transferPeriodFrom) {
        Instant now = clock.instant();
        boolean dublin = "DUBLIN_ACCEPTED".equals(indOutcome);
        String period = departurePeriod == null || departurePeriod.isBlank() ? "P0D" : departurePeriod;
        Instant periodEnds = rules.departurePeriodEnds(now, period, clock.getZone());
        Instant acceptedOn = dublin ? (dublinAcceptedOn == null ? now : dublinAcceptedOn) : null;
        Instant periodFrom = dublin ? (transferPeriodFrom == null ? acceptedOn : transferPeriodFrom) : null;
        Instant deadline =
                dublin ? rules.transferDeadline(periodFrom, TransferCircumstance.NONE, clock.getZone()) : null;
        // a departure that interim relief suspended resumes as a new hand-over once the appeal is dismissed
        departures.suspended(caseId).ifPresent(suspended -> departures.endSuspension(suspended.id(), "RESUMED", now));
        departures.insert(new HandOverRecord(
                ids.next(), caseId, indOutcome, dublin, now, period, periodEnds, acceptedOn, periodFrom, deadline));
        return new HandOver(periodEnds, deadline, rules.missedReportLimit(dublin));
    }

    @Transactional
    public void recordInterview(
            UUID caseId,
            boolean willingToLeave,
            boolean travelDocumentPresent,
            boolean familyWithChildren,
            DepartureRoute route) {
        DepartureRecord departure = open(caseId);
        departures.insertInterview(new InterviewRecord(
                departure.id(),
                clock.instant(),
                willingToLeave,
                travelDocumentPresent,
                route.name(),
                familyWithChildren));
    }

    /** IMPRISONED or ABSCONDED: the transfer deadline becomes the longer one; returns the deadline now. */
    @Transactional
    public Instant extendTransferDeadline(UUID caseId, TransferCircumstance circumstance) {
        DepartureRecord departure = open(caseId);
        TransferCircumstance current = departure.transferCircumstance() == null
                ? TransferCircumstance.NONE
                : TransferCircumstance.valueOf(departure.transferCircumstance());
        TransferCircumstance applies = DepartureRules.longer(current, circumstance);
        Instant from =
                departure.transferPeriodFrom() == null ? departure.dublinAcceptedOn() : departure.transferPeriodFrom();
        Instant deadline = rules.transferDeadline(from, applies, clock.getZone());
        departures.updateTransferDeadline(departure.id(), applies.name(), deadline);
        return deadline;
    }

    /** The transfer is planned; returns the moment by which the person must have shown up. */
    @Transactional
    public Instant planTransfer(UUID caseId, LocalDate transferDate) {
        DepartureRecord departure = open(caseId);
        Instant reportBy = rules.transferReportBy(transferDate, clock.getZone());
        departures.updateTransferPlan(departure.id(), transferDate, reportBy);
        return reportBy;
    }

    /** A reporting moment kept or missed; returns the missed moments in a row now. */
    @Transactional
    public int recordReport(UUID caseId, boolean reported) {
        DepartureRecord departure = open(caseId);
        int inARow = reported ? 0 : departure.missedReportsInARow() + 1;
        departures.updateReports(
                departure.id(),
                departure.reports() + (reported ? 1 : 0),
                departure.missedReports() + (reported ? 0 : 1),
                inARow);
        return inARow;
    }

    /** Twelve weeks in the VBL are over: the place ends (reception moves the person out on the milestone). */
    @Transactional
    public void endVblStay(UUID caseId) {
        DepartureRecord departure = open(caseId);
        departures.updateVblStayEnded(departure.id(), clock.instant());
        caseFile.reachMilestone(caseId, Milestone.VBL_STAY_ENDED);
    }

    /** Detention imposed on DT&V's proposal; returns when it must end at the latest. */
    @Transactional
    public Instant startDetention(UUID caseId, String ground) {
        DepartureRecord departure = open(caseId);
        Instant now = clock.instant();
        Instant ends = rules.detentionEnds(now, false, clock.getZone());
        departures.startDetention(departure.id(), ground, now, ends);
        return ends;
    }

    /** Detention extended, with a reason; returns the new end (start + 6 + 12 months at most). */
    @Transactional
    public Instant extendDetention(UUID caseId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("extensionReason", "an extension of detention needs a reason");
        }
        DepartureRecord departure = open(caseId);
        Instant ends = rules.detentionEnds(departure.detentionStartedAt(), true, clock.getZone());
        departures.extendDetention(departure.id(), reason.strip(), ends);
        return ends;
    }

    @Transactional
    public void releaseFromDetention(UUID caseId) {
        departures.release(open(caseId).id(), clock.instant());
    }

    /**
     * The Dublin transfer deadline passed: the Netherlands is responsible and the IND decides in spoor 4. The IND
     * records the track change and its new decision deadline when the case comes back to it.
     */
    @Transactional(readOnly = true)
    public void assumeResponsibility(UUID caseId) {
        open(caseId);
    }

    /** Whether the case's open departure is a Dublin claimant's. */
    @Transactional(readOnly = true)
    public boolean dublinClaimant(UUID caseId) {
        return departures.open(caseId).map(DepartureRecord::dublinClaimant).orElse(false);
    }

    @Transactional
    public void close(UUID caseId, DepartureOutcome outcome) {
        DepartureRecord departure = open(caseId);
        Instant now = clock.instant();
        departures.close(departure.id(), outcome.name(), now);
        events.publishEvent(new DepartureClosed(caseId, outcome, Duration.between(departure.handedOverAt(), now)));
    }

    /**
     * The court granted interim relief against the rejection (Awb art. 8:81): the alien may await the appeal in the
     * Netherlands (Vw 2000 art. 82), so DT&V's departure stops until the ruling. The row is kept, no longer open, and
     * gets no outcome: it is neither a departure nor a departure without supervision.
     */
    @Transactional
    public void suspend(UUID caseId) {
        departures.suspend(open(caseId).id(), clock.instant());
    }

    /**
     * The court annulled the rejection while its departure was suspended: the departure ends without a departure
     * outcome, the IND decides again. Nothing to do when no departure is suspended.
     */
    @Transactional
    public void closeAfterAnnulment(UUID caseId) {
        departures
                .suspended(caseId)
                .ifPresent(suspended -> departures.endSuspension(suspended.id(), "ANNULLED", clock.instant()));
    }

    /** Counts per outcome of departures that ended from {@code from} up to and including {@code to}. */
    public record Summary(
            LocalDate from,
            LocalDate to,
            Map<DepartureOutcome, Long> outcomes,
            long demonstrable,
            long withoutSupervision,
            java.math.BigDecimal demonstrableDepartureShare,
            Integer demonstrableDepartureSharePercent) {}

    @Transactional(readOnly = true)
    public Summary summary(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        Map<DepartureOutcome, Long> counts = departures.countOutcomes(
                from.atStartOfDay(clock.getZone()).toInstant(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        DepartureShare share = DepartureShare.of(counts);
        return new Summary(
                from, to, counts, share.demonstrable(), share.withoutSupervision(), share.fraction(), share.percent());
    }

    private DepartureRecord open(UUID caseId) {
        return departures
                .open(caseId)
                .orElseThrow(() -> new IllegalStateException("No open departure for case " + caseId));
    }
}

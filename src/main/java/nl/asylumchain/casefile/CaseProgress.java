package nl.asylumchain.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.persistence.CaseRecord;
import nl.asylumchain.casefile.persistence.CaseRepository;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.RowIds;

/**
 * The writes a process makes on a case file, each in the transaction of the step that makes it: a stage entered, a
 * milestone reached, a track or decision recorded, the case closed. The events these publish are the case file's
 * news to the stage modules; none of them calls back.
 */
@Service
public class CaseProgress {

    private final CaseRepository cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RowIds ids;

    CaseProgress(CaseRepository cases, ApplicationEventPublisher events, Clock clock, RowIds ids) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Records that a case reached a milestone and tells the chain, within the current transaction. A milestone
     * may be reached more than once (a second decision after an annulment); each time is a timeline row.
     */
    @Transactional
    public void reachMilestone(UUID caseId, Milestone milestone) {
        Instant now = clock.instant();
        cases.insertMilestone(ids.next(), caseId, milestone.name(), now);
        events.publishEvent(new MilestoneReached(caseId, milestone, now));
    }

    /** Called by the main process when a case enters a stage. */
    @Transactional
    public void enterStage(UUID caseId, Stage stage) {
        cases.updateStage(caseId, stage.name(), CaseStatus.of(stage).name(), clock.instant());
        events.publishEvent(new StageEntered(caseId, stage));
    }

    /**
     * Called by the main process when a case reaches an end state; a closed case stays as it was closed. The lead
     * time runs from the application's signature (the start of that day), or from the report for a case that ended
     * before it was signed.
     */
    @Transactional
    public void close(UUID caseId, CaseOutcome outcome) {
        CaseRecord record = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Closing an unknown case " + caseId));
        Instant now = clock.instant();
        Instant counted = record.applicationSignedOn() == null
                ? record.createdAt()
                : record.applicationSignedOn().atStartOfDay(clock.getZone()).toInstant();
        if (cases.close(caseId, outcome.name(), CaseStatus.CLOSED.name(), now)) {
            reachMilestone(caseId, Milestone.CLOSED);
            events.publishEvent(new CaseClosed(caseId, outcome, Duration.between(counted, now)));
        }
    }

    /**
     * The application was signed at identification and registration (I&R): from this date it counts, for the
     * decision period and the lead times, and it is counted as registered ({@link CaseRegistered}). Not in the
     * future and not before the person reported at intake (the arrival date): a 400 naming
     * {@code applicationSignedOn}, and the I&R task stays open.
     */
    @Transactional
    public void recordApplicationSigned(UUID caseId, LocalDate signedOn) {
        CaseRecord record = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Signing the application of an unknown case " + caseId));
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException(APPLICATION_SIGNED_ON, "must not be in the future");
        }
        if (signedOn.isBefore(record.arrivalDate())) {
            throw new InvalidRequestException(
                    APPLICATION_SIGNED_ON,
                    "must not be before the person reported at intake (" + record.arrivalDate() + ")");
        }
        boolean first = record.applicationSignedOn() == null;
        cases.updateApplicationSignedOn(caseId, signedOn, clock.instant());
        if (first) {
            events.publishEvent(new CaseRegistered(
                    caseId,
                    ApplicationType.valueOf(record.applicationType()),
                    ArrivalLocation.valueOf(record.arrivalLocation()),
                    record.unaccompaniedMinor()));
        }
    }

    /** The I&R form's field for the signature date, named in a refusal. */
    public static final String APPLICATION_SIGNED_ON = "applicationSignedOn";

    /**
     * A family member's own case (opened on their arrival, linked to the sponsor's, without a chain process of its
     * own) ends when housing moved them into the home: CLOSED with outcome PERMIT_HOLDER_HOUSED, like the
     * sponsor's. The chain's closed-case counter is left alone: the member did not come in through intake but as an
     * arrival ({@code asylum.family.members.arrived}). Housing calls it after the move, so reception has recorded
     * the move out as HOUSED first; a closed case is left alone.
     */
    @Transactional
    public void closeHousedFamilyMember(UUID caseId) {
        if (cases.close(caseId, CaseOutcome.PERMIT_HOLDER_HOUSED.name(), CaseStatus.CLOSED.name(), clock.instant())) {
            reachMilestone(caseId, Milestone.CLOSED);
        }
    }

    /** Registration tells the case file which track (spoor) the case is in and why. */
    @Transactional
    public void recordTrack(UUID caseId, int track, String reason) {
        cases.updateTrack(caseId, track, reason, clock.instant());
    }

    /** The IND tells the case file the outcome of its latest decision. */
    @Transactional
    public void recordDecision(UUID caseId, String outcome) {
        cases.updateDecision(caseId, outcome, clock.instant());
    }
}

package nl.asylumchain.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.decision.persistence.IndDecisionRepository;
import nl.asylumchain.registration.RegistrationService;

/** Records IND decisions and says what follows from them. */
@Service
public class IndDecisionService {

    /** The departure period's decision types in DMN departurePeriod. */
    static final String REJECTION = "REJECTION";

    static final String DUBLIN = "DUBLIN";
    /** Spoor 4, the general asylum procedure: where a Dublin case goes when the Netherlands becomes responsible. */
    static final int GENERAL_ASYLUM_TRACK = 4;

    private final IndDecisionRepository decisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final CaseProgress caseFile;
    private final DecisionDeadlineService deadlines;
    private final DecisionPeriods rules;

    IndDecisionService(
            IndDecisionRepository decisions,
            ApplicationEventPublisher events,
            Clock clock,
            CaseProgress caseFile,
            DecisionDeadlineService deadlines,
            RegistrationService registration,
            DecisionPeriods rules) {
        this.rules = rules;
        this.registration = registration;
        this.caseFile = caseFile;
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /**
     * What the chain routes on after a decision. A rejection or a Dublin decision is not enforceable yet (the appeal
     * window follows), so its outcome is empty until {@link #rejectionFinal}, {@link #rejectionEnforceable} or
     * {@link #dublinDecisionEnforceable}. {@code transferPeriodFrom}: when the 6 months of a Dublin transfer start.
     */
    public record Consequence(
            Optional<IndOutcome> outcome,
            Optional<Period> departurePeriod,
            Optional<Instant> dublinAcceptedOn,
            Optional<Instant> transferPeriodFrom) {

        Consequence(Optional<IndOutcome> outcome, Optional<Period> departurePeriod) {
            this(outcome, departurePeriod, Optional.empty(), Optional.empty());
        }
    }

    /** From when the Dublin transfer period runs (Dublin III art. 29 lid 1). */
    public enum TransferPeriodStart {
        /** No appeal, no request for interim relief, or relief refused: from the acceptance of the claim. */
        ACCEPTANCE,
        /** Interim relief suspended the transfer and the court then upheld the decision: from that ruling. */
        RULING
    }

    private final RegistrationService registration;

    /**
     * Records a decision (beschikking): a grant, a rejection (not final until the appeal window closes or the
     * court upholds it) or, after another member state accepted the claim, the decision not to take the application
     * into consideration (Vw 2000 art. 30; open to appeal like a rejection). The decision deadline stops.
     */
    @Transactional
    public Consequence record(UUID caseId, int track, IndOutcome outcome) {
        Instant now = clock.instant();
        decisions.insert(caseId, track, outcome.name(), now);
        caseFile.recordDecision(caseId, outcome.name());
        switch (outcome) {
            case PERMIT_GRANTED -> caseFile.reachMilestone(caseId, Milestone.PERMIT_GRANTED);
            case DUBLIN_ACCEPTED -> caseFile.reachMilestone(caseId, Milestone.DUBLIN_CLAIM_ACCEPTED);
            case REJECTED -> {
                // final only when the appeal window closes or the court upholds it: see rejectionFinal
            }
        }
        deadlines
                .applicationDate(caseId)
                .ifPresent(applied -> events.publishEvent(new DecisionLeadTime(
                        caseId,
                        track,
                        Duration.between(applied.atStartOfDay(clock.getZone()).toInstant(), now))));
        deadlines.decided(caseId);
        events.publishEvent(new DecisionRecorded(caseId, track, outcome));
        return switch (outcome) {
            case PERMIT_GRANTED -> new Consequence(Optional.of(outcome), Optional.empty());
            case DUBLIN_ACCEPTED ->
                new Consequence(Optional.empty(), Optional.empty(), Optional.of(now), Optional.empty());
            case REJECTED -> new Consequence(Optional.empty(), Optional.empty());
        };
    }

    /**
     * No appeal in the window, or the court upheld the rejection: the rejection is final; on to departure, with the
     * departure period DMN departurePeriod gives for the track and the ground of the track ({@code trackReason}).
     */
    @Transactional
    public Consequence rejectionFinal(UUID caseId, int track, String trackReason) {
        caseFile.reachMilestone(caseId, Milestone.REJECTION_FINAL);
        return new Consequence(Optional.of(IndOutcome.REJECTED), departurePeriod(REJECTION, track, trackReason));
    }

    /**
     * A non-suspensive appeal and interim relief refused: the rejection is enforceable while the appeal runs; on to
     * departure as after a final rejection, but marked REJECTION_ENFORCEABLE, not REJECTION_FINAL.
     */
    @Transactional
    public Consequence rejectionEnforceable(UUID caseId, int track, String trackReason) {
        caseFile.reachMilestone(caseId, Milestone.REJECTION_ENFORCEABLE);
        return new Consequence(Optional.of(IndOutcome.REJECTED), departurePeriod(REJECTION, track, trackReason));
    }

    /**
     * The decision not to take the application into consideration can be carried out: no appeal in the window, an
     * appeal without (granted) interim relief, or the court upheld it. On to DT&V for the transfer, whose 6 months
     * run from the acceptance or, when interim relief had suspended the transfer, from the court's ruling.
     */
    @Transactional
    public Consequence dublinDecisionEnforceable(UUID caseId, Instant acceptedOn, TransferPeriodStart start) {
        Instant from = start == TransferPeriodStart.RULING || acceptedOn == null ? clock.instant() : acceptedOn;
        // a Dublin case is in spoor 1 until the Netherlands becomes responsible; the table gives no departure period
        return new Consequence(
                Optional.of(IndOutcome.DUBLIN_ACCEPTED),
                departurePeriod(DUBLIN, 1, null),
                Optional.ofNullable(acceptedOn),
                Optional.of(from));
    }

    /**
     * The Netherlands became responsible for a Dublin case: the case moves to spoor 4 (recorded with who, when and
     * why where track assignments are kept), its decision deadline starts again from today and the earlier Dublin
     * decision no longer counts as the decision. Returns the new deadline.
     */
    @Transactional
    public Instant responsibilityAssumed(UUID caseId, String reason, String by) {
        registration.changeTrack(caseId, GENERAL_ASYLUM_TRACK, reason, by);
        caseFile.recordDecision(caseId, null);
        return deadlines.assumeResponsibility(caseId);
    }

    /** The assessor takes 3 more days in the AA, as DMN procedureChoice allows: the AA+. */
    @Transactional
    public Instant extendGeneralProcedure(UUID caseId) {
        return deadlines.extendGeneralProcedure(caseId);
    }

    /** Spoor 4: referred from the AA to the extended procedure (VA). */
    @Transactional
    public Instant referToExtendedProcedure(UUID caseId, String vaReason) {
        Instant decisionDue = deadlines.referToExtendedProcedure(caseId, vaReason);
        events.publishEvent(new ReferredToExtendedProcedure(caseId, vaReason));
        return decisionDue;
    }

    /** Vw 2000 art. 62: DMN departurePeriod (28 days after a rejection; none in spoor 2). */
    private Optional<Period> departurePeriod(String decisionType, int track, String trackReason) {
        return rules.departurePeriod(decisionType, track, trackReason);
    }
}

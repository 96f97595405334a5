package nl.asylumchain.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.persistence.AppealRepository;
import nl.asylumchain.platform.ConflictException;

/** Appeals (beroep) against a rejection and the court's rulings on them. */
@Service
public class AppealService {

    public enum RulingOutcome {
        UPHELD,
        ANNULLED
    }

    /** The interim relief judge's decision on a non-suspensive appeal (Awb art. 8:81). */
    public enum ReliefOutcome {
        GRANTED,
        REFUSED
    }

    /**
     * An appeal; {@code suspensive} as DMN appealEffect decided it; {@code interimRelief} only for a non-suspensive
     * one once the judge decided. A non-suspensive appeal without a request for interim relief, or with relief
     * REFUSED, and no {@code outcome} yet: the decision is enforceable, the case went to departure while the appeal
     * runs.
     */
    public record Appeal(
            LocalDate lodgedOn,
            boolean suspensive,
            boolean interimReliefRequested,
            ReliefOutcome interimRelief,
            RulingOutcome outcome) {

        public boolean enforcedWhilePending() {
            return outcome == null
                    && !suspensive
                    && (!interimReliefRequested || interimRelief == ReliefOutcome.REFUSED);
        }
    }

    private final AppealRepository appeals;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AppealService(AppealRepository appeals, Clock clock, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.clock = clock;
        this.events = events;
    }

    /** An appeal lodged; whether it suspends comes from DMN appealEffect, not from whoever reports it. */
    @Transactional
    public void lodge(UUID caseId, LocalDate lodgedOn, boolean suspensive, boolean interimReliefRequested) {
        appeals.insert(caseId, lodgedOn, suspensive, interimReliefRequested);
        events.publishEvent(new AppealLodged(caseId, suspensive));
    }

    /** The interim relief judge decided on the pending non-suspensive appeal. */
    @Transactional
    public void decideInterimRelief(UUID caseId, ReliefOutcome relief) {
        if (!appeals.decideInterimRelief(caseId, relief.name(), clock.instant())) {
            throw new ConflictException("Case " + caseId + " has no non-suspensive appeal waiting for interim relief.");
        }
    }

    @Transactional
    public void rule(UUID caseId, RulingOutcome outcome) {
        if (!appeals.rule(caseId, outcome.name(), clock.instant())) {
            throw new ConflictException("Case " + caseId + " has no pending appeal.");
        }
        events.publishEvent(new CourtRuled(caseId, outcome.name()));
    }

    /** The latest appeal of a case. */
    @Transactional(readOnly = true)
    public Optional<Appeal> latest(UUID caseId) {
        return appeals.latest(caseId)
                .map(row -> new Appeal(
                        row.lodgedOn(),
                        row.suspensive(),
                        row.interimReliefRequested(),
                        row.interimRelief() == null ? null : ReliefOutcome.valueOf(row.interimRelief()),
                        row.outcome() == null ? null : RulingOutcome.valueOf(row.outcome())));
    }
}

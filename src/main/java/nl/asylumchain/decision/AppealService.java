package nl.asylumchain.decision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AppealService(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** An appeal lodged; whether it suspends comes from DMN appealEffect, not from whoever reports it. */
    @Transactional
    public void lodge(UUID caseId, LocalDate lodgedOn, boolean suspensive, boolean interimReliefRequested) {
        jdbc.sql("insert into appeals (id, case_id, lodged_on, suspensive, interim_relief_requested) "
                        + "values (:id, :caseId, :on, :suspensive, :requested)")
                .param("id", UUID.randomUUID())
                .param("caseId", caseId)
                .param("on", Date.valueOf(lodgedOn))
                .param("suspensive", suspensive)
                .param("requested", interimReliefRequested)
                .update();
        events.publishEvent(new AppealLodged(caseId, suspensive));
    }

    /** The interim relief judge decided on the pending non-suspensive appeal. */
    @Transactional
    public void decideInterimRelief(UUID caseId, ReliefOutcome relief) {
        int updated = jdbc.sql("update appeals set interim_relief = :relief, relief_decided_at = :at "
                        + "where case_id = :caseId and outcome is null and suspensive = false "
                        + "and interim_relief_requested = true and interim_relief is null")
                .param("relief", relief.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("caseId", caseId)
                .update();
        if (updated == 0) {
            throw new ConflictException("Case " + caseId + " has no non-suspensive appeal waiting for interim relief.");
        }
    }

    @Transactional
    public void rule(UUID caseId, RulingOutcome outcome) {
        int updated = jdbc.sql("update appeals set outcome = :outcome, ruled_at = :at "
                        + "where case_id = :caseId and outcome is null")
                .param("outcome", outcome.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("caseId", caseId)
                .update();
        if (updated == 0) {
            throw new ConflictException("Case " + caseId + " has no pending appeal.");
        }
        events.publishEvent(new CourtRuled(caseId, outcome.name()));
    }

    /** The latest appeal of a case. */
    @Transactional(readOnly = true)
    public Optional<Appeal> latest(UUID caseId) {
        return jdbc
                .sql("select lodged_on, suspensive, interim_relief_requested, interim_relief, outcome from appeals "
                        + "where case_id = :caseId order by lodged_on desc")
                .param("caseId", caseId)
                .query((rs, n) -> new Appeal(
                        rs.getDate(1).toLocalDate(),
                        rs.getBoolean(2),
                        rs.getBoolean(3),
                        rs.getString(4) == null ? null : ReliefOutcome.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : RulingOutcome.valueOf(rs.getString(5))))
                .list()
                .stream()
                .findFirst();
    }
}

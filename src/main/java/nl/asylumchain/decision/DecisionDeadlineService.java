package nl.asylumchain.decision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.process.DecisionProcesses;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/**
 * The decision deadline (beslistermijn) of each case in the IND procedure, kept in our tables: 6 months from the
 * application, extended by 9 and then 3 months (at most 18 in all), suspended by the time the case spends on a
 * policy hold; and the notice of default after which the case is exposed to penalty payments.
 */
@Service
public class DecisionDeadlineService {

    /** Vw 2000 art. 42 lid 1: six months from the application. */
    static final Period DECISION_PERIOD = Period.ofMonths(6);
    /** Vw 2000 art. 42 lid 4 and 5: first 9 months, then 3 more in exceptional cases; nothing after that. */
    static final List<Integer> EXTENSIONS_IN_MONTHS = List.of(9, 3);
    /** The team lead is warned this long before the deadline. */
    static final Period WARNING_BEFORE_DEADLINE = Period.ofWeeks(4);
    /** Awb art. 4:17: penalty payments run two weeks after the notice of default. */
    static final Period NOTICE_OF_DEFAULT_PERIOD = Period.ofWeeks(2);
    /**
     * After a court annulment the IND decides again within this period from the ruling. An assumption: the domain
     * brief is silent, and the court may set its own term (Awb art. 8:72 lid 4).
     */
    static final Period REDECISION_PERIOD = Period.ofWeeks(8);
    /** Spoor 2 is decided within 8 days; the AA takes 6 (Vb 2000 art. 3.109c, 3.115). */
    static final Period TRACK_TWO_DECISION_WITHIN = Period.ofDays(8);
    static final Period GENERAL_PROCEDURE_DECISION_WITHIN = Period.ofDays(6);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DecisionProcesses processes;

    DecisionDeadlineService(JdbcClient jdbc, Clock clock, DecisionProcesses processes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processes = processes;
    }

    public record Extension(int months, String reason, String extendedBy, Instant extendedAt) {
    }

    /** The "decision" section of the case file. */
    public record DecisionSection(int track, String procedure, String vaReason, Integer priority,
            String priorityReason, LocalDate applicationDate, LocalDate originalDeadline, LocalDate deadline,
            List<Extension> extensions, int daysOnHold, boolean onHold, boolean deadlinePassed,
            LocalDate noticeOfDefaultOn, LocalDate penaltyExposedFrom, boolean exposedToPenalty,
            LocalDate decidedOn, AppealService.Appeal appeal, LocalDate responsibleSince) {
    }

    private record Row(UUID caseId, int track, LocalDate applicationDate, String procedure, Integer priority,
            String priorityReason, String vaReason, int daysOnHold, LocalDate noticeOfDefaultOn,
            LocalDate penaltyExposedFrom, LocalDate decidedOn, LocalDate redecisionDeadline, Instant reopenedAt,
            int daysOnHoldAtReopen, LocalDate responsibleSince, Instant responsibleSinceAt) {

        /** The day the six months start: the application, or the day the Netherlands became responsible. */
        LocalDate periodStart() {
            return responsibleSince != null ? responsibleSince : applicationDate;
        }
    }

    /**
     * Opens the IND procedure of a case and starts watching its deadline. Returns when the decision in this track is
     * due: 8 days in spoor 2, 6 days in the AA.
     */
    @Transactional
    public Instant open(UUID caseId, int track, LocalDate applicationDate, Integer priority, String priorityReason) {
        if (find(caseId).isPresent()) {
            jdbc.sql("update ind_procedures set track = :track, priority = :priority, priority_reason = :reason "
                            + "where case_id = :caseId")
                    .param("track", track).param("priority", priority).param("reason", priorityReason)
                    .param("caseId", caseId).update();
        } else {
            jdbc.sql("insert into ind_procedures (case_id, track, application_date, ind_procedure, priority, "
                            + "priority_reason, days_on_hold, opened_at) values (:caseId, :track, :applicationDate, "
                            + "'AA', :priority, :reason, 0, :at)")
                    .param("caseId", caseId).param("track", track).param("applicationDate", Date.valueOf(applicationDate))
                    .param("priority", priority).param("reason", priorityReason)
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        LocalDate deadline = deadline(caseId);
        processes.watchDeadline(caseId, startOf(deadline.minus(WARNING_BEFORE_DEADLINE)), startOf(deadline));
        return clock.instant().atZone(clock.getZone())
                .plus(track == 2 ? TRACK_TWO_DECISION_WITHIN : GENERAL_PROCEDURE_DECISION_WITHIN).toInstant();
    }

    /**
     * The deadline now: application date + 6 months + extensions + days on hold (also the hold still running). After
     * a court annulment: the ruling + 8 weeks, moved by the extensions and the days on hold since. Once the
     * Netherlands became responsible for a Dublin case: that day + 6 months, moved by the extensions and the days on
     * hold since.
     */
    @Transactional(readOnly = true)
    public LocalDate deadline(UUID caseId) {
        Row row = row(caseId);
        if (row.redecisionDeadline() != null) {
            return row.redecisionDeadline().plusMonths(extendedMonthsSince(caseId, row.reopenedAt()))
                    .plusDays(row.daysOnHold() - row.daysOnHoldAtReopen());
        }
        if (row.responsibleSince() != null) {
            return row.responsibleSince().plus(DECISION_PERIOD)
                    .plusMonths(extendedMonthsSince(caseId, row.responsibleSinceAt()))
                    .plusDays(row.daysOnHold() - row.daysOnHoldAtReopen());
        }
        return row.applicationDate().plus(DECISION_PERIOD).plusMonths(extendedMonths(caseId))
                .plusDays(row.daysOnHold());
    }

    /**
     * The Netherlands became responsible for a Dublin case today (the claim was refused, the transfer period passed,
     * or the court annulled the Dublin decision): the case is in spoor 4 and the six months of Vw 2000 art. 42 start
     * today (Procedurerichtlijn 2013/32/EU art. 31 lid 3). An earlier Dublin decision no longer counts as the
     * decision, and a notice of default, penalty exposure and extensions of the Dublin stage no longer apply: the
     * extensions and holds from today on move the new deadline. Its watch starts (again) when the procedure opens in
     * spoor 4 ({@link #open}), which the model does next: starting it here too would start a second watch in the same
     * transaction, as the engine's query cannot see the first one before it is flushed. Returns the new deadline.
     */
    @Transactional
    public Instant assumeResponsibility(UUID caseId) {
        Row row = row(caseId);
        jdbc.sql("update ind_procedures set track = 4, ind_procedure = 'AA', va_reason = null, decided_on = null, "
                        + "notice_of_default_on = null, penalty_exposed_from = null, redecision_deadline = null, "
                        + "reopened_at = null, responsible_since = :since, responsible_since_at = :at, "
                        + "days_on_hold_at_reopen = :held where case_id = :caseId")
                .param("since", Date.valueOf(LocalDate.now(clock))).param("at", Timestamp.from(clock.instant()))
                .param("held", row.daysOnHold()).param("caseId", caseId).update();
        return startOf(deadline(caseId));
    }

    /**
     * The court annulled the rejection: the IND decides again. The decision deadline runs again, 8 weeks from today
     * (the ruling), and its watch starts again; a notice of default and penalty exposure of the first decision no
     * longer apply. Returns the new deadline.
     */
    @Transactional
    public Instant reopenAfterAnnulment(UUID caseId) {
        Row row = row(caseId);
        LocalDate redecisionDeadline = LocalDate.now(clock).plus(REDECISION_PERIOD);
        jdbc.sql("update ind_procedures set decided_on = null, notice_of_default_on = null, "
                        + "penalty_exposed_from = null, redecision_deadline = :deadline, reopened_at = :at, "
                        + "days_on_hold_at_reopen = :held where case_id = :caseId")
                .param("deadline", Date.valueOf(redecisionDeadline)).param("at", Timestamp.from(clock.instant()))
                .param("held", row.daysOnHold()).param("caseId", caseId).update();
        rewatch(caseId);
        return startOf(deadline(caseId));
    }

    /**
     * Extends the deadline by the next step (9 months, then 3). The reason is required; a third extension, or one
     * after the decision, is refused.
     */
    @Transactional
    public Extension extend(UUID caseId, String reason, String extendedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "must say why the deadline is extended");
        }
        if (reason.length() > 1000) {
            throw new InvalidRequestException("reason", "must be at most 1000 characters");
        }
        Row row = row(caseId);
        if (row.decidedOn() != null) {
            throw new ConflictException("Case " + caseId + " was decided on " + row.decidedOn()
                    + "; its decision deadline no longer runs.");
        }
        // a fresh deadline (the Netherlands responsible) has its own two extensions, from the moment it started
        Instant countFrom = row.responsibleSinceAt() == null ? Instant.EPOCH : row.responsibleSinceAt();
        int done = jdbc.sql("select count(*) from decision_deadline_extensions where case_id = :caseId "
                        + "and extended_at >= :from")
                .param("caseId", caseId).param("from", Timestamp.from(countFrom)).query(Integer.class).single();
        if (done >= EXTENSIONS_IN_MONTHS.size()) {
            throw new ConflictException("The decision deadline of case " + caseId + " was extended "
                    + done + " times already (9 + 3 months, at most 18 months in all).");
        }
        Extension extension = new Extension(EXTENSIONS_IN_MONTHS.get(done), reason.strip(), extendedBy,
                clock.instant());
        jdbc.sql("insert into decision_deadline_extensions (id, case_id, months, reason, extended_by, extended_at) "
                        + "values (:id, :caseId, :months, :reason, :by, :at)")
                .param("id", UUID.randomUUID()).param("caseId", caseId).param("months", extension.months())
                .param("reason", extension.reason()).param("by", extendedBy)
                .param("at", Timestamp.from(extension.extendedAt())).update();
        rewatch(caseId);
        return extension;
    }

    /** A policy hold ended: the time on hold is added to the deadline. */
    @Transactional
    public void addTimeOnHold(UUID caseId, int days) {
        if (find(caseId).isEmpty() || days <= 0) {
            return;
        }
        jdbc.sql("update ind_procedures set days_on_hold = days_on_hold + :days where case_id = :caseId")
                .param("days", days).param("caseId", caseId).update();
        rewatch(caseId);
    }

    /** When a case becomes exposed to penalty payments after a notice of default received on this day. */
    public Instant penaltyExposedAt(LocalDate noticeReceivedOn) {
        return startOf(noticeReceivedOn.plus(NOTICE_OF_DEFAULT_PERIOD));
    }

    /** Records a notice of default; returns when the case becomes exposed to penalty payments. */
    @Transactional
    public Instant noticeOfDefault(UUID caseId, LocalDate receivedOn) {
        Row row = row(caseId);
        LocalDate deadline = deadline(caseId);
        if (receivedOn.isBefore(deadline)) {
            throw new InvalidRequestException("receivedOn",
                    "must be on or after the decision deadline " + deadline + ": before it there is no default");
        }
        if (row.decidedOn() != null) {
            throw new ConflictException("Case " + caseId + " was decided on " + row.decidedOn() + ".");
        }
        jdbc.sql("update ind_procedures set notice_of_default_on = :on where case_id = :caseId")
                .param("on", Date.valueOf(receivedOn)).param("caseId", caseId).update();
        return penaltyExposedAt(receivedOn);
    }

    /** Two weeks after the notice of default: the case is exposed to penalty payments. */
    @Transactional
    public void flagPenaltyExposure(UUID caseId) {
        jdbc.sql("update ind_procedures set penalty_exposed_from = :on where case_id = :caseId")
                .param("on", Date.valueOf(LocalDate.now(clock))).param("caseId", caseId).update();
    }

    /** The AA gets its 3 extra days (AA+, Vb 2000 art. 3.110); a case in the VA or already in the AA+ stays. */
    @Transactional
    public void extendGeneralProcedure(UUID caseId) {
        row(caseId);
        jdbc.sql("update ind_procedures set ind_procedure = 'AA_PLUS' where case_id = :caseId and ind_procedure = 'AA'")
                .param("caseId", caseId).update();
    }

    /** The case went to the VA: the zienswijze and appeal periods change; the decision is due at the deadline. */
    @Transactional
    public Instant referToExtendedProcedure(UUID caseId, String vaReason) {
        row(caseId);
        jdbc.sql("update ind_procedures set ind_procedure = 'VA', va_reason = :reason where case_id = :caseId")
                .param("reason", vaReason).param("caseId", caseId).update();
        return startOf(deadline(caseId));
    }

    /** The decision is taken: the deadline no longer runs. */
    @Transactional
    public void decided(UUID caseId) {
        if (find(caseId).isEmpty()) {
            return;
        }
        jdbc.sql("update ind_procedures set decided_on = :on where case_id = :caseId")
                .param("on", Date.valueOf(LocalDate.now(clock))).param("caseId", caseId).update();
        processes.stopWatchingDeadline(caseId);
    }

    /** Application date of a case in the IND procedure, for the lead time. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> applicationDate(UUID caseId) {
        return find(caseId).map(Row::applicationDate);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionSection> section(UUID caseId, int daysOnHoldNow, boolean onHold,
            AppealService.Appeal appeal) {
        return find(caseId).map(row -> {
            LocalDate deadline = deadline(caseId).plusDays(daysOnHoldNow);
            LocalDate today = LocalDate.now(clock);
            return new DecisionSection(row.track(), row.procedure(), row.vaReason(), row.priority(),
                    row.priorityReason(), row.applicationDate(), row.periodStart().plus(DECISION_PERIOD),
                    deadline, extensions(caseId), row.daysOnHold() + daysOnHoldNow, onHold,
                    row.decidedOn() == null && !today.isBefore(deadline), row.noticeOfDefaultOn(),
                    row.penaltyExposedFrom(), row.penaltyExposedFrom() != null, row.decidedOn(), appeal,
                    row.responsibleSince());
        });
    }

    /**
     * Open cases (not yet decided) whose decision deadline has passed, by the same rule as the case file's
     * {@code deadlinePassed}: from the deadline day on, the deadline moved by the extensions and by the time on hold,
     * a hold still running included (it suspends the deadline). For the monitoring gauge.
     */
    @Transactional(readOnly = true)
    public int casesPastDeadline() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return (int) jdbc.sql("select p.application_date, p.days_on_hold, (select coalesce(sum(e.months), 0) "
                        + "from decision_deadline_extensions e where e.case_id = p.case_id), "
                        + "(select min(h.held_from) from case_holds h where h.case_id = p.case_id "
                        + "and h.released_at is null), p.redecision_deadline, (select coalesce(sum(e.months), 0) "
                        + "from decision_deadline_extensions e where e.case_id = p.case_id "
                        + "and e.extended_at >= p.reopened_at), p.days_on_hold_at_reopen, p.responsible_since, "
                        + "(select coalesce(sum(e.months), 0) from decision_deadline_extensions e "
                        + "where e.case_id = p.case_id and e.extended_at >= p.responsible_since_at) "
                        + "from ind_procedures p where p.decided_on is null")
                .query((rs, n) -> {
                    Timestamp heldFrom = rs.getTimestamp(4);
                    int onHoldNow = heldFrom == null ? 0 : daysBetween(heldFrom.toInstant(), now);
                    Date redecisionDeadline = rs.getDate(5);
                    if (redecisionDeadline != null) {
                        return redecisionDeadline.toLocalDate().plusMonths(rs.getInt(6))
                                .plusDays(rs.getInt(2) - rs.getInt(7) + onHoldNow);
                    }
                    Date responsibleSince = rs.getDate(8);
                    if (responsibleSince != null) {
                        return responsibleSince.toLocalDate().plus(DECISION_PERIOD).plusMonths(rs.getInt(9))
                                .plusDays(rs.getInt(2) - rs.getInt(7) + onHoldNow);
                    }
                    return rs.getDate(1).toLocalDate().plus(DECISION_PERIOD).plusMonths(rs.getInt(3))
                            .plusDays(rs.getInt(2) + onHoldNow);
                })
                .list().stream().filter(deadline -> !today.isBefore(deadline)).count();
    }

    /** Open cases exposed to penalty payments after a notice of default: for the monitoring gauge. */
    @Transactional(readOnly = true)
    public int casesExposedToPenalty() {
        return jdbc.sql("select count(*) from ind_procedures where penalty_exposed_from is not null "
                        + "and decided_on is null").query(Integer.class).single();
    }

    private void rewatch(UUID caseId) {
        LocalDate deadline = deadline(caseId);
        processes.watchDeadline(caseId, startOf(deadline.minus(WARNING_BEFORE_DEADLINE)), startOf(deadline));
    }

    private List<Extension> extensions(UUID caseId) {
        return jdbc.sql("select months, reason, extended_by, extended_at from decision_deadline_extensions "
                        + "where case_id = :caseId order by extended_at")
                .param("caseId", caseId)
                .query((rs, n) -> new Extension(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private int extendedMonthsSince(UUID caseId, Instant since) {
        return jdbc.sql("select coalesce(sum(months), 0) from decision_deadline_extensions where case_id = :caseId "
                        + "and extended_at >= :since")
                .param("caseId", caseId).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    private int extendedMonths(UUID caseId) {
        return jdbc.sql("select coalesce(sum(months), 0) from decision_deadline_extensions where case_id = :caseId")
                .param("caseId", caseId).query(Integer.class).single();
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(clock.getZone()).toInstant();
    }

    private Row row(UUID caseId) {
        return find(caseId).orElseThrow(() -> new NotFoundException(
                "Case " + caseId + " is not (yet) in the IND procedure: it has no decision deadline"));
    }

    private Optional<Row> find(UUID caseId) {
        return jdbc.sql("select case_id, track, application_date, ind_procedure, priority, priority_reason, "
                        + "va_reason, days_on_hold, notice_of_default_on, penalty_exposed_from, decided_on, "
                        + "redecision_deadline, reopened_at, days_on_hold_at_reopen, responsible_since, "
                        + "responsible_since_at from ind_procedures where case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        date(rs.getDate(9)), date(rs.getDate(10)), date(rs.getDate(11)), date(rs.getDate(12)),
                        instant(rs.getTimestamp(13)), rs.getInt(14), date(rs.getDate(15)),
                        instant(rs.getTimestamp(16))))
                .optional();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static int daysBetween(Instant from, Instant to) {
        long hours = ChronoUnit.HOURS.between(from, to);
        return (int) Math.max(0, (hours + 23) / 24);
    }
}

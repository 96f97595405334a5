package nl.asylumchain.decision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.DecisionPeriods.GroupExtension;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/**
 * The decision deadline (beslistermijn) of each case in the IND procedure, kept in our tables: the statutory period from
 * the application, a category-wide extension when one covers the case, the extensions of the case itself, and the time
 * the case spent on a policy hold; and the notice of default after which the case is exposed to penalty payments. The
 * periods (6 months; 9 and then 3 months on their legal grounds; 8 days in spoor 2, 6 in the AA, 9 in the AA+; the
 * warning 4 weeks before, penalty payments 2 weeks after a notice of default, a new decision 8 weeks after an
 * annulment) are DMN decisionPeriods' ({@link DecisionPeriods}); this class keeps the dates.
 */
@Service
public class DecisionDeadlineService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DecisionEngine processes;
    private final DecisionPeriods rules;
    private final HoldCategories holdCategories;

    DecisionDeadlineService(
            JdbcClient jdbc,
            Clock clock,
            DecisionEngine processes,
            DecisionPeriods rules,
            HoldCategories holdCategories) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processes = processes;
        this.rules = rules;
        this.holdCategories = holdCategories;
    }

    /**
     * One extension of the case: whole months on a ground of art. 42 (the team lead's), or the days a decision
     * moratorium held the case (ground {@code MORATORIUM}, art. 43, recorded when the hold ends); {@code ground} is
     * empty for extensions recorded before grounds were asked.
     */
    public record Extension(
            int months, int days, ExtensionGround ground, String reason, String extendedBy, Instant extendedAt) {}

    /** A category-wide extension on the case's deadline: how many months, and the decision it rests on. */
    public record CategoryExtension(int months, String basis) {}

    /** The "decision" section of the case file. */
    public record DecisionSection(
            int track,
            String procedure,
            String vaReason,
            Integer priority,
            String priorityReason,
            LocalDate applicationDate,
            LocalDate originalDeadline,
            LocalDate deadline,
            CategoryExtension categoryExtension,
            List<Extension> extensions,
            int daysOnHold,
            boolean onHold,
            boolean deadlinePassed,
            LocalDate noticeOfDefaultOn,
            LocalDate penaltyExposedFrom,
            boolean exposedToPenalty,
            LocalDate decidedOn,
            AppealService.Appeal appeal,
            LocalDate responsibleSince) {}

    private record Row(
            UUID caseId,
            int track,
            LocalDate applicationDate,
            String procedure,
            Integer priority,
            String priorityReason,
            String vaReason,
            int daysOnHold,
            LocalDate noticeOfDefaultOn,
            LocalDate penaltyExposedFrom,
            LocalDate decidedOn,
            LocalDate redecisionDeadline,
            Instant reopenedAt,
            int daysOnHoldAtReopen,
            LocalDate responsibleSince,
            Instant responsibleSinceAt,
            Instant openedAt) {

        /** The day the six months start: the application, or the day the Netherlands became responsible. */
        LocalDate periodStart() {
            return responsibleSince != null ? responsibleSince : applicationDate;
        }
    }

    /**
     * Opens the IND procedure of a case and starts watching its deadline. Returns when the decision in this track and
     * procedure is due (DMN decisionPeriods: 8 days in spoor 2, 6 days in the AA), or the deadline when the procedure
     * has no day of its own.
     */
    @Transactional
    public Instant open(UUID caseId, int track, LocalDate applicationDate, Integer priority, String priorityReason) {
        if (find(caseId).isPresent()) {
            // opened again in spoor 4 (the Netherlands responsible): the procedure's own day counts from now
            jdbc.sql("update ind_procedures set track = :track, priority = :priority, priority_reason = :reason, "
                            + "opened_at = :at where case_id = :caseId")
                    .param("track", track)
                    .param("priority", priority)
                    .param("reason", priorityReason)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("caseId", caseId)
                    .update();
        } else {
            jdbc.sql("insert into ind_procedures (case_id, track, application_date, ind_procedure, priority, "
                            + "priority_reason, days_on_hold, opened_at) values (:caseId, :track, :applicationDate, "
                            + "'AA', :priority, :reason, 0, :at)")
                    .param("caseId", caseId)
                    .param("track", track)
                    .param("applicationDate", Date.valueOf(applicationDate))
                    .param("priority", priority)
                    .param("reason", priorityReason)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
        rewatch(caseId);
        return decisionDue(row(caseId));
    }

    /**
     * When the beschikking is due in the case's track and procedure (DMN decisionPeriods): its own day counted from the
     * opening of the procedure (8 days in spoor 2, day 6 in the AA, day 9 in the AA+), or the deadline when the
     * procedure has none (the VA).
     */
    private Instant decisionDue(Row row) {
        return rules.periods(row.track(), row.procedure())
                .decideWithin()
                .map(within ->
                        row.openedAt().atZone(clock.getZone()).plus(within).toInstant())
                .orElse(startOf(deadline(row)));
    }

    /**
     * The deadline now: application date + the statutory period + a category-wide extension that covers the case +
     * its own extensions + days on hold. After a court annulment: the ruling + 8 weeks, moved by the extensions and
     * the days on hold since. Once the Netherlands became responsible for a Dublin case: that day + the statutory
     * period, moved by the extensions and the days on hold since.
     */
    @Transactional(readOnly = true)
    public LocalDate deadline(UUID caseId) {
        return deadline(row(caseId));
    }

    private LocalDate deadline(Row row) {
        UUID caseId = row.caseId();
        if (row.redecisionDeadline() != null) {
            return row.redecisionDeadline()
                    .plusMonths(extendedMonthsSince(caseId, row.reopenedAt()))
                    .plusDays(row.daysOnHold() - row.daysOnHoldAtReopen());
        }
        if (row.responsibleSince() != null) {
            return row.responsibleSince()
                    .plus(decisionPeriod(row.track(), row.procedure()))
                    .plusMonths(extendedMonthsSince(caseId, row.responsibleSinceAt()))
                    .plusDays(row.daysOnHold() - row.daysOnHoldAtReopen());
        }
        LocalDate statutory = row.applicationDate().plus(decisionPeriod(row.track(), row.procedure()));
        return categoryExtension(row)
                .map(statutory::plus)
                .orElse(statutory)
                .plusMonths(extendedMonths(caseId))
                .plusDays(row.daysOnHold());
    }

    /** The statutory decision period of this track and procedure (DMN decisionPeriods). */
    private Period decisionPeriod(int track, String procedure) {
        return rules.periods(track, procedure).decisionPeriod();
    }

    /**
     * A category-wide extension (DMN groupExtension) that covers the case's application. It extends the deadline
     * counted from the application only: not the fresh deadline once the Netherlands became responsible, nor the term
     * for a new decision after an annulment.
     */
    private Optional<Period> categoryExtension(Row row) {
        if (row.responsibleSince() != null || row.redecisionDeadline() != null) {
            return Optional.empty();
        }
        return rules.groupExtension(row.applicationDate(), row.track()).map(GroupExtension::extension);
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
                .param("since", Date.valueOf(LocalDate.now(clock)))
                .param("at", Timestamp.from(clock.instant()))
                .param("held", row.daysOnHold())
                .param("caseId", caseId)
                .update();
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
        LocalDate redecisionDeadline = LocalDate.now(clock)
                .plus(rules.periods(row.track(), row.procedure()).redecisionPeriod());
        jdbc.sql("update ind_procedures set decided_on = null, notice_of_default_on = null, "
                        + "penalty_exposed_from = null, redecision_deadline = :deadline, reopened_at = :at, "
                        + "days_on_hold_at_reopen = :held where case_id = :caseId")
                .param("deadline", Date.valueOf(redecisionDeadline))
                .param("at", Timestamp.from(clock.instant()))
                .param("held", row.daysOnHold())
                .param("caseId", caseId)
                .update();
        rewatch(caseId);
        return startOf(deadline(caseId));
    }

    /**
     * Extends the deadline by the next step on its legal ground, as DMN decisionPeriodExtension allows (9 months on a
     * ground of art. 42 lid 4, then 3 in exceptional circumstances). A category-wide extension that covers the case
     * counts as the first step. The ground and the reason are required; a ground the table does not allow at this step
     * is refused (400, field {@code ground}); a step beyond the table's last, or one after the decision, is refused
     * (409).
     */
    @Transactional
    public Extension extend(UUID caseId, ExtensionGround ground, String reason, String extendedBy) {
        if (ground == null) {
            throw new InvalidRequestException(
                    "ground",
                    "must name the legal ground of the extension, one of "
                            + Arrays.toString(Arrays.stream(ExtensionGround.values())
                                    .filter(g -> g != ExtensionGround.MORATORIUM)
                                    .toArray()));
        }
        if (ground == ExtensionGround.MORATORIUM) {
            throw new InvalidRequestException(
                    "ground",
                    "MORATORIUM is recorded when a decision moratorium (Vw 2000 art. 43) on the case ends, by the days it"
                            + " was held; it cannot be asked for");
        }
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
        // the days of a decision moratorium are no step of art. 42
        int done = jdbc.sql("select count(*) from decision_deadline_extensions where case_id = :caseId "
                        + "and extended_at >= :from and (ground is null or ground <> 'MORATORIUM')")
                .param("caseId", caseId)
                .param("from", Timestamp.from(countFrom))
                .query(Integer.class)
                .single();
        int step = done + (categoryExtension(row).isPresent() ? 1 : 0) + 1;
        Period period = rules.extension(step, ground.name()).orElseThrow(() -> refusal(caseId, step, ground));
        if (period.getDays() != 0) {
            throw new IllegalStateException("DMN decisionPeriodExtension gives " + period + " for step " + step
                    + ": an extension is whole months (Vw 2000 art. 42)");
        }
        Extension extension =
                new Extension((int) period.toTotalMonths(), 0, ground, reason.strip(), extendedBy, clock.instant());
        jdbc.sql("insert into decision_deadline_extensions (id, case_id, months, ground, reason, extended_by, "
                        + "extended_at) values (:id, :caseId, :months, :ground, :reason, :by, :at)")
                .param("id", UUID.randomUUID())
                .param("caseId", caseId)
                .param("months", extension.months())
                .param("ground", ground.name())
                .param("reason", extension.reason())
                .param("by", extendedBy)
                .param("at", Timestamp.from(extension.extendedAt()))
                .update();
        rewatch(caseId);
        return extension;
    }

    /**
     * Why an extension at this step on this ground is refused: the ground belongs to another step (400), or the table
     * allows no step this far on any ground (409: every extension the law allows was given).
     */
    private RuntimeException refusal(UUID caseId, int step, ExtensionGround ground) {
        List<String> allowed = Arrays.stream(ExtensionGround.values())
                .filter(g -> rules.extension(step, g.name()).isPresent())
                .map(Enum::name)
                .toList();
        if (allowed.isEmpty()) {
            return new ConflictException("The decision deadline of case " + caseId + " was extended " + (step - 1)
                    + " times already (a category-wide extension included); DMN decisionPeriodExtension allows no "
                    + "further step.");
        }
        return new InvalidRequestException(
                "ground",
                ground + " is not a ground for extension step " + step + " of this deadline; allowed: "
                        + String.join(", ", allowed));
    }

    /**
     * A decision moratorium (a policy hold of a category DMN holdMoratorium marks, Vw 2000 art. 43) on the case ended:
     * the decision period was suspended, so the deadline moves by the days it was held, recorded as an extension on
     * the ground {@code MORATORIUM} beside the team lead's extensions. Not for a decided case, whose deadline no longer
     * runs.
     */
    @Transactional
    public void addTimeOnHold(UUID caseId, int days, String reason, String releasedBy) {
        Optional<Row> row = find(caseId);
        if (row.isEmpty() || row.get().decidedOn() != null || days <= 0) {
            return;
        }
        jdbc.sql("update ind_procedures set days_on_hold = days_on_hold + :days where case_id = :caseId")
                .param("days", days)
                .param("caseId", caseId)
                .update();
        jdbc.sql("insert into decision_deadline_extensions (id, case_id, months, days, ground, reason, extended_by, "
                        + "extended_at) values (:id, :caseId, 0, :days, 'MORATORIUM', :reason, :by, :at)")
                .param("id", UUID.randomUUID())
                .param("caseId", caseId)
                .param("days", days)
                .param("reason", reason)
                .param("by", releasedBy)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        rewatch(caseId);
    }

    /**
     * When a case becomes exposed to penalty payments after a notice of default received on this day (DMN
     * decisionPeriods, Awb art. 4:17: two weeks).
     */
    @Transactional(readOnly = true)
    public Instant penaltyExposedAt(UUID caseId, LocalDate noticeReceivedOn) {
        Row row = row(caseId);
        return startOf(noticeReceivedOn.plus(
                rules.periods(row.track(), row.procedure()).noticeOfDefaultPeriod()));
    }

    /** Records a notice of default; returns when the case becomes exposed to penalty payments. */
    @Transactional
    public Instant noticeOfDefault(UUID caseId, LocalDate receivedOn) {
        Row row = row(caseId);
        LocalDate deadline = deadline(caseId);
        if (receivedOn.isBefore(deadline)) {
            throw new InvalidRequestException(
                    "receivedOn",
                    "must be on or after the decision deadline " + deadline + ": before it there is no default");
        }
        if (row.decidedOn() != null) {
            throw new ConflictException("Case " + caseId + " was decided on " + row.decidedOn() + ".");
        }
        jdbc.sql("update ind_procedures set notice_of_default_on = :on where case_id = :caseId")
                .param("on", Date.valueOf(receivedOn))
                .param("caseId", caseId)
                .update();
        return penaltyExposedAt(caseId, receivedOn);
    }

    /** Two weeks after the notice of default: the case is exposed to penalty payments. */
    @Transactional
    public void flagPenaltyExposure(UUID caseId) {
        jdbc.sql("update ind_procedures set penalty_exposed_from = :on where case_id = :caseId")
                .param("on", Date.valueOf(LocalDate.now(clock)))
                .param("caseId", caseId)
                .update();
    }

    /**
     * The AA gets its extra days (AA+, Vb 2000 art. 3.110); a case in the VA or already in the AA+ stays. Returns when
     * the beschikking is now due, recomputed from DMN decisionPeriods for the procedure the case is in (day 9 from the
     * opening in the AA+), and moves the deadline watch when the table gives the AA+ another deadline.
     */
    @Transactional
    public Instant extendGeneralProcedure(UUID caseId) {
        row(caseId);
        jdbc.sql("update ind_procedures set ind_procedure = 'AA_PLUS' where case_id = :caseId and ind_procedure = 'AA'")
                .param("caseId", caseId)
                .update();
        rewatch(caseId);
        return decisionDue(row(caseId));
    }

    /**
     * The case went to the VA: the zienswijze and appeal periods change; the decision is due when DMN decisionPeriods
     * says for the VA (as shipped: at the deadline), and the deadline watch follows the VA's deadline.
     */
    @Transactional
    public Instant referToExtendedProcedure(UUID caseId, String vaReason) {
        row(caseId);
        jdbc.sql("update ind_procedures set ind_procedure = 'VA', va_reason = :reason where case_id = :caseId")
                .param("reason", vaReason)
                .param("caseId", caseId)
                .update();
        rewatch(caseId);
        return decisionDue(row(caseId));
    }

    /** The decision is taken: the deadline no longer runs. */
    @Transactional
    public void decided(UUID caseId) {
        if (find(caseId).isEmpty()) {
            return;
        }
        jdbc.sql("update ind_procedures set decided_on = :on where case_id = :caseId")
                .param("on", Date.valueOf(LocalDate.now(clock)))
                .param("caseId", caseId)
                .update();
        processes.stopWatchingDeadline(caseId);
    }

    /** The procedure the case is in (AA, AA_PLUS or VA). */
    @Transactional(readOnly = true)
    public String procedure(UUID caseId) {
        return row(caseId).procedure();
    }

    /** Application date of a case in the IND procedure, for the lead time. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> applicationDate(UUID caseId) {
        return find(caseId).map(Row::applicationDate);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionSection> section(
            UUID caseId, int daysOnHoldNow, boolean onHold, AppealService.Appeal appeal) {
        return find(caseId).map(row -> {
            LocalDate deadline = deadline(row).plusDays(daysOnHoldNow);
            LocalDate today = LocalDate.now(clock);
            CategoryExtension category = row.responsibleSince() != null || row.redecisionDeadline() != null
                    ? null
                    : rules.groupExtension(row.applicationDate(), row.track())
                            .map(g -> new CategoryExtension((int) g.extension().toTotalMonths(), g.basis()))
                            .orElse(null);
            return new DecisionSection(
                    row.track(),
                    row.procedure(),
                    row.vaReason(),
                    row.priority(),
                    row.priorityReason(),
                    row.applicationDate(),
                    row.periodStart().plus(decisionPeriod(row.track(), row.procedure())),
                    deadline,
                    category,
                    extensions(caseId),
                    row.daysOnHold() + daysOnHoldNow,
                    onHold,
                    row.decidedOn() == null && !today.isBefore(deadline),
                    row.noticeOfDefaultOn(),
                    row.penaltyExposedFrom(),
                    row.penaltyExposedFrom() != null,
                    row.decidedOn(),
                    appeal,
                    row.responsibleSince());
        });
    }

    /**
     * Open cases (not yet decided) whose decision deadline has passed, by the same rule as the case file's
     * {@code deadlinePassed}: from the deadline day on, the deadline moved by the extensions and by the time on hold,
     * a decision moratorium still running included (it suspends the deadline; DMN holdMoratorium). For the monitoring
     * gauge.
     */
    @Transactional(readOnly = true)
    public int casesPastDeadline() {
        List<String> moratoria = holdCategories.declared().stream()
                .filter(holdCategories::moratorium)
                .toList();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // the tables give the same answer for the same inputs: ask them once per track and procedure, and once per
        // application day and track, not once per case
        Map<String, Period> periods = new HashMap<>();
        Map<String, Optional<Period>> categoryExtensions = new HashMap<>();
        return (int) jdbc
                .sql("select p.application_date, p.days_on_hold, (select coalesce(sum(e.months), 0) "
                        + "from decision_deadline_extensions e where e.case_id = p.case_id), "
                        + "(select min(h.held_from) from case_holds h join policy_holds ph on ph.id = h.hold_id "
                        + "where h.case_id = p.case_id and h.released_at is null and ph.category in (:moratoria)), "
                        + "p.redecision_deadline, (select coalesce(sum(e.months), 0) "
                        + "from decision_deadline_extensions e where e.case_id = p.case_id "
                        + "and e.extended_at >= p.reopened_at), p.days_on_hold_at_reopen, p.responsible_since, "
                        + "(select coalesce(sum(e.months), 0) from decision_deadline_extensions e "
                        + "where e.case_id = p.case_id and e.extended_at >= p.responsible_since_at), "
                        + "p.track, p.ind_procedure from ind_procedures p where p.decided_on is null")
                // an empty IN list is no valid SQL: a category name no table declares stands for "none"
                .param("moratoria", moratoria.isEmpty() ? List.of("") : List.copyOf(moratoria))
                .query((rs, n) -> {
                    int track = rs.getInt(10);
                    String procedure = rs.getString(11);
                    Period decisionPeriod =
                            periods.computeIfAbsent(track + "/" + procedure, key -> decisionPeriod(track, procedure));
                    Timestamp heldFrom = rs.getTimestamp(4);
                    int onHoldNow = heldFrom == null ? 0 : daysBetween(heldFrom.toInstant(), now);
                    Date redecisionDeadline = rs.getDate(5);
                    if (redecisionDeadline != null) {
                        return redecisionDeadline
                                .toLocalDate()
                                .plusMonths(rs.getInt(6))
                                .plusDays(rs.getInt(2) - rs.getInt(7) + onHoldNow);
                    }
                    Date responsibleSince = rs.getDate(8);
                    if (responsibleSince != null) {
                        return responsibleSince
                                .toLocalDate()
                                .plus(decisionPeriod)
                                .plusMonths(rs.getInt(9))
                                .plusDays(rs.getInt(2) - rs.getInt(7) + onHoldNow);
                    }
                    LocalDate applied = rs.getDate(1).toLocalDate();
                    LocalDate statutory = applied.plus(decisionPeriod);
                    Optional<Period> category = categoryExtensions.computeIfAbsent(
                            applied + "/" + track,
                            key -> rules.groupExtension(applied, track).map(GroupExtension::extension));
                    return category.map(statutory::plus)
                            .orElse(statutory)
                            .plusMonths(rs.getInt(3))
                            .plusDays(rs.getInt(2) + onHoldNow);
                })
                .list()
                .stream()
                .filter(deadline -> !today.isBefore(deadline))
                .count();
    }

    /** Open cases exposed to penalty payments after a notice of default: for the monitoring gauge. */
    @Transactional(readOnly = true)
    public int casesExposedToPenalty() {
        return jdbc.sql("select count(*) from ind_procedures where penalty_exposed_from is not null "
                        + "and decided_on is null")
                .query(Integer.class)
                .single();
    }

    private void rewatch(UUID caseId) {
        Row row = row(caseId);
        LocalDate deadline = deadline(row);
        Period warningBefore = rules.periods(row.track(), row.procedure()).warningBefore();
        processes.watchDeadline(caseId, startOf(deadline.minus(warningBefore)), startOf(deadline));
    }

    private List<Extension> extensions(UUID caseId) {
        return jdbc.sql("select months, days, ground, reason, extended_by, extended_at "
                        + "from decision_deadline_extensions where case_id = :caseId order by extended_at")
                .param("caseId", caseId)
                .query((rs, n) -> new Extension(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getString(3) == null ? null : ExtensionGround.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    private int extendedMonthsSince(UUID caseId, Instant since) {
        return jdbc.sql("select coalesce(sum(months), 0) from decision_deadline_extensions where case_id = :caseId "
                        + "and extended_at >= :since")
                .param("caseId", caseId)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    private int extendedMonths(UUID caseId) {
        return jdbc.sql("select coalesce(sum(months), 0) from decision_deadline_extensions where case_id = :caseId")
                .param("caseId", caseId)
                .query(Integer.class)
                .single();
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(clock.getZone()).toInstant();
    }

    private Row row(UUID caseId) {
        return find(caseId)
                .orElseThrow(() -> new NotFoundException(
                        "Case " + caseId + " is not (yet) in the IND procedure: it has no decision deadline"));
    }

    private Optional<Row> find(UUID caseId) {
        return jdbc.sql("select case_id, track, application_date, ind_procedure, priority, priority_reason, "
                        + "va_reason, days_on_hold, notice_of_default_on, penalty_exposed_from, decided_on, "
                        + "redecision_deadline, reopened_at, days_on_hold_at_reopen, responsible_since, "
                        + "responsible_since_at, opened_at from ind_procedures where case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        date(rs.getDate(9)),
                        date(rs.getDate(10)),
                        date(rs.getDate(11)),
                        date(rs.getDate(12)),
                        instant(rs.getTimestamp(13)),
                        rs.getInt(14),
                        date(rs.getDate(15)),
                        instant(rs.getTimestamp(16)),
                        rs.getTimestamp(17).toInstant()))
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

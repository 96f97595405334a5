package nl.asylumchain.decision;

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
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.decision.DecisionPeriods.GroupExtension;
import nl.asylumchain.decision.persistence.DeadlineInputs;
import nl.asylumchain.decision.persistence.ExtensionRecord;
import nl.asylumchain.decision.persistence.IndProcedureRecord;
import nl.asylumchain.decision.persistence.IndProcedureRepository;
import nl.asylumchain.decision.persistence.ProcedureOpening;
import nl.asylumchain.decision.persistence.UndecidedGroup;
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

    private final IndProcedureRepository procedures;
    private final Clock clock;
    private final DecisionEngine processes;
    private final DecisionPeriods rules;
    private final HoldCategories holdCategories;

    DecisionDeadlineService(
            IndProcedureRepository procedures,
            Clock clock,
            DecisionEngine processes,
            DecisionPeriods rules,
            HoldCategories holdCategories) {
        this.procedures = procedures;
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

    /**
     * Opens the IND procedure of a case and starts watching its deadline. Returns when the decision in this track and
     * procedure is due (DMN decisionPeriods: 8 days in spoor 2, 6 days in the AA), or the deadline when the procedure
     * has no day of its own.
     */
    @Transactional
    public Instant open(UUID caseId, int track, LocalDate applicationDate, Integer priority, String priorityReason) {
        if (procedures.find(caseId).isPresent()) {
            // opened again in spoor 4 (the Netherlands responsible): the procedure's own day counts from now
            procedures.reopen(caseId, track, priority, priorityReason, clock.instant());
        } else {
            procedures.open(
                    new ProcedureOpening(caseId, track, applicationDate, priority, priorityReason, clock.instant()));
        }
        return rewatchAndDue(caseId);
    }

    /**
     * When the beschikking is due in the case's track and procedure (DMN decisionPeriods): its own day counted from the
     * opening of the procedure (8 days in spoor 2, day 6 in the AA, day 9 in the AA+), or the deadline when the
     * procedure has none (the VA).
     */
    private Instant decisionDue(IndProcedureRecord row, DecisionPeriods periods, LocalDate deadline) {
        return periods.periods(row.track(), row.indProcedure())
                .decideWithin()
                .map(within ->
                        row.openedAt().atZone(clock.getZone()).plus(within).toInstant())
                .orElse(startOf(deadline));
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

    private LocalDate deadline(IndProcedureRecord row) {
        return deadline(row, rules);
    }

    /**
     * The deadline rule, written once: for one case and for the count of those past it. Days on hold are those
     * counted so far ({@code days_on_hold}); a moratorium still running is added by the caller where it counts.
     */
    private static LocalDate deadline(DeadlineInputs row, DecisionPeriods rules) {
        if (row.redecisionDeadline() != null) {
            return row.redecisionDeadline()
                    .plusMonths(row.extendedMonthsSinceReopen())
                    .plusDays(row.daysOnHold() - row.daysOnHoldAtRestart());
        }
        Period decisionPeriod = rules.periods(row.track(), row.indProcedure()).decisionPeriod();
        if (row.responsibleSince() != null) {
            return row.responsibleSince()
                    .plus(decisionPeriod)
                    .plusMonths(row.extendedMonthsSinceResponsible())
                    .plusDays(row.daysOnHold() - row.daysOnHoldAtRestart());
        }
        LocalDate statutory = row.applicationDate().plus(decisionPeriod);
        return categoryExtension(row, rules)
                .map(statutory::plus)
                .orElse(statutory)
                .plusMonths(row.extendedMonths())
                .plusDays(row.daysOnHold());
    }

    /**
     * A category-wide extension (DMN groupExtension) that covers the case's application. It extends the deadline
     * counted from the application only: not the fresh deadline once the Netherlands became responsible, nor the term
     * for a new decision after an annulment.
     */
    private Optional<Period> categoryExtension(IndProcedureRecord row) {
        return categoryExtension(row, rules);
    }

    private static Optional<Period> categoryExtension(DeadlineInputs row, DecisionPeriods rules) {
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
        IndProcedureRecord row = row(caseId);
        procedures.responsibleSince(caseId, LocalDate.now(clock), clock.instant(), row.daysOnHold());
        return startOf(deadline(caseId));
    }

    /**
     * The court annulled the rejection: the IND decides again. The decision deadline runs again, 8 weeks from today
     * (the ruling), and its watch starts again; a notice of default and penalty exposure of the first decision no
     * longer apply. Returns the new deadline.
     */
    @Transactional
    public Instant reopenAfterAnnulment(UUID caseId) {
        IndProcedureRecord row = row(caseId);
        LocalDate redecisionDeadline = LocalDate.now(clock)
                .plus(rules.periods(row.track(), row.indProcedure()).redecisionPeriod());
        procedures.reopenAfterAnnulment(caseId, redecisionDeadline, clock.instant(), row.daysOnHold());
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
        IndProcedureRecord row = row(caseId);
        if (row.decidedOn() != null) {
            throw new ConflictException("Case " + caseId + " was decided on " + row.decidedOn()
                    + "; its decision deadline no longer runs.");
        }
        // a fresh deadline (the Netherlands responsible) has its own two extensions, from the moment it started
        Instant countFrom = row.responsibleSinceAt() == null ? Instant.EPOCH : row.responsibleSinceAt();
        // the days of a decision moratorium are no step of art. 42
        int done = procedures.extensionsSince(caseId, countFrom);
        int step = done + (categoryExtension(row).isPresent() ? 1 : 0) + 1;
        Period period = rules.extension(step, ground.name()).orElseThrow(() -> refusal(caseId, step, ground));
        if (period.getDays() != 0) {
            throw new IllegalStateException("DMN decisionPeriodExtension gives " + period + " for step " + step
                    + ": an extension is whole months (Vw 2000 art. 42)");
        }
        Extension extension =
                new Extension((int) period.toTotalMonths(), 0, ground, reason.strip(), extendedBy, clock.instant());
        procedures.insertExtension(
                caseId,
                new ExtensionRecord(
                        extension.months(), 0, ground.name(), extension.reason(), extendedBy, extension.extendedAt()));
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
        Optional<IndProcedureRecord> row = procedures.find(caseId);
        if (row.isEmpty() || row.get().decidedOn() != null || days <= 0) {
            return;
        }
        procedures.addDaysOnHold(caseId, days);
        procedures.insertExtension(
                caseId,
                new ExtensionRecord(0, days, ExtensionGround.MORATORIUM.name(), reason, releasedBy, clock.instant()));
        rewatch(caseId);
    }

    /**
     * When a case becomes exposed to penalty payments after a notice of default received on this day (DMN
     * decisionPeriods, Awb art. 4:17: two weeks).
     */
    @Transactional(readOnly = true)
    public Instant penaltyExposedAt(UUID caseId, LocalDate noticeReceivedOn) {
        IndProcedureRecord row = row(caseId);
        return startOf(noticeReceivedOn.plus(
                rules.periods(row.track(), row.indProcedure()).noticeOfDefaultPeriod()));
    }

    /** Records a notice of default; returns when the case becomes exposed to penalty payments. */
    @Transactional
    public Instant noticeOfDefault(UUID caseId, LocalDate receivedOn) {
        IndProcedureRecord row = row(caseId);
        LocalDate deadline = deadline(caseId);
        if (receivedOn.isBefore(deadline)) {
            throw new InvalidRequestException(
                    "receivedOn",
                    "must be on or after the decision deadline " + deadline + ": before it there is no default");
        }
        if (row.decidedOn() != null) {
            throw new ConflictException("Case " + caseId + " was decided on " + row.decidedOn() + ".");
        }
        procedures.noticeOfDefault(caseId, receivedOn);
        return penaltyExposedAt(caseId, receivedOn);
    }

    /** Two weeks after the notice of default: the case is exposed to penalty payments. */
    @Transactional
    public void flagPenaltyExposure(UUID caseId) {
        procedures.penaltyExposedFrom(caseId, LocalDate.now(clock));
    }

    /**
     * The AA gets its extra days (AA+, Vb 2000 art. 3.110); a case in the VA or already in the AA+ stays. Returns when
     * the beschikking is now due, recomputed from DMN decisionPeriods for the procedure the case is in (day 9 from the
     * opening in the AA+), and moves the deadline watch when the table gives the AA+ another deadline.
     */
    @Transactional
    public Instant extendGeneralProcedure(UUID caseId) {
        row(caseId);
        procedures.extendGeneralProcedure(caseId);
        return rewatchAndDue(caseId);
    }

    /**
     * The case went to the VA: the zienswijze and appeal periods change; the decision is due when DMN decisionPeriods
     * says for the VA (as shipped: at the deadline), and the deadline watch follows the VA's deadline.
     */
    @Transactional
    public Instant referToExtendedProcedure(UUID caseId, String vaReason) {
        row(caseId);
        procedures.referToExtendedProcedure(caseId, vaReason);
        return rewatchAndDue(caseId);
    }

    /** The decision is taken: the deadline no longer runs. */
    @Transactional
    public void decided(UUID caseId) {
        if (procedures.find(caseId).isEmpty()) {
            return;
        }
        procedures.decided(caseId, LocalDate.now(clock));
        processes.stopWatchingDeadline(caseId);
    }

    /** The procedure the case is in (AA, AA_PLUS or VA). */
    @Transactional(readOnly = true)
    public String procedure(UUID caseId) {
        return row(caseId).indProcedure();
    }

    /** Application date of a case in the IND procedure, for the lead time. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> applicationDate(UUID caseId) {
        return procedures.find(caseId).map(IndProcedureRecord::applicationDate);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionSection> section(
            UUID caseId,
            IntSupplier daysOnHoldNowOf,
            BooleanSupplier onHoldOf,
            Supplier<AppealService.Appeal> appealOf) {
        // the holds and the appeal are asked only of a case with a procedure: most case files read have none yet
        return procedures.find(caseId).map(row -> {
            int daysOnHoldNow = daysOnHoldNowOf.getAsInt();
            boolean onHold = onHoldOf.getAsBoolean();
            AppealService.Appeal appeal = appealOf.get();
            // each period table asked once for this read
            DecisionPeriods asked = new RememberedPeriods(rules);
            LocalDate deadline = deadline(row, asked).plusDays(daysOnHoldNow);
            LocalDate today = LocalDate.now(clock);
            CategoryExtension category = row.responsibleSince() != null || row.redecisionDeadline() != null
                    ? null
                    : asked.groupExtension(row.applicationDate(), row.track())
                            .map(g -> new CategoryExtension((int) g.extension().toTotalMonths(), g.basis()))
                            .orElse(null);
            return new DecisionSection(
                    row.track(),
                    row.indProcedure(),
                    row.vaReason(),
                    row.priority(),
                    row.priorityReason(),
                    row.applicationDate(),
                    row.periodStart()
                            .plus(asked.periods(row.track(), row.indProcedure()).decisionPeriod()),
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
    // not read-only: asking a period table the first time evaluates it, and the engine writes its decision history
    @Transactional
    public int casesPastDeadline() {
        List<String> moratoria = holdCategories.declared().stream()
                .filter(holdCategories::moratorium)
                .toList();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // the tables give the same answer for the same inputs: ask them once per track and procedure, and once per
        // application day and track, not once per case
        DecisionPeriods remembered = new RememberedPeriods(rules);
        return (int) procedures.undecidedGroups(moratoria).stream()
                .filter(group -> {
                    int onHoldNow = group.heldSince() == null ? 0 : daysBetween(group.heldSince(), now);
                    return !today.isBefore(deadline(group, remembered).plusDays(onHoldNow));
                })
                .mapToLong(UndecidedGroup::cases)
                .sum();
    }

    /** Open cases exposed to penalty payments after a notice of default: for the monitoring gauge. */
    @Transactional(readOnly = true)
    public int casesExposedToPenalty() {
        return procedures.casesExposedToPenalty();
    }

    private void rewatch(UUID caseId) {
        watch(row(caseId), new RememberedPeriods(rules));
    }

    /**
     * Moves the watch to the procedure's deadline now and returns when the decision is due: the row read once and
     * each period table asked once, as the rest period's timer opens a procedure for every case that enters the IND
     * (docs/benchmarks.md, "Job acquisition by due date").
     */
    private Instant rewatchAndDue(UUID caseId) {
        IndProcedureRecord row = row(caseId);
        DecisionPeriods asked = new RememberedPeriods(rules);
        LocalDate deadline = watch(row, asked);
        return decisionDue(row, asked, deadline);
    }

    /** Starts or moves the watch of this procedure's deadline; returns the deadline. */
    private LocalDate watch(IndProcedureRecord row, DecisionPeriods periods) {
        LocalDate deadline = deadline(row, periods);
        Period warningBefore = periods.periods(row.track(), row.indProcedure()).warningBefore();
        processes.watchDeadline(row.caseId(), startOf(deadline.minus(warningBefore)), startOf(deadline));
        return deadline;
    }

    private List<Extension> extensions(UUID caseId) {
        return procedures.extensions(caseId).stream()
                .map(e -> new Extension(
                        e.months(),
                        e.days(),
                        e.ground() == null ? null : ExtensionGround.valueOf(e.ground()),
                        e.reason(),
                        e.extendedBy(),
                        e.extendedAt()))
                .toList();
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(clock.getZone()).toInstant();
    }

    private IndProcedureRecord row(UUID caseId) {
        return procedures
                .find(caseId)
                .orElseThrow(() -> new NotFoundException(
                        "Case " + caseId + " is not (yet) in the IND procedure: it has no decision deadline"));
    }

    static int daysBetween(Instant from, Instant to) {
        long hours = ChronoUnit.HOURS.between(from, to);
        return (int) Math.max(0, (hours + 23) / 24);
    }

    /**
     * The period tables as deployed now ({@link DecisionPeriods#pinned}), each answer asked once: for counting over
     * every open case, and within one step (a procedure opened, a case file read) that needs the same table's answer
     * for its deadline, its warning and its due day.
     */
    private record RememberedPeriods(DecisionPeriods tables, Map<String, Object> answers) implements DecisionPeriods {

        RememberedPeriods(DecisionPeriods tables) {
            this(tables.pinned(), new HashMap<>());
        }

        @Override
        public Periods periods(int track, String procedure) {
            return (Periods) answers.computeIfAbsent(
                    "periods/" + track + "/" + procedure, key -> tables.periods(track, procedure));
        }

        @Override
        public Optional<Period> extension(int step, String ground) {
            return tables.extension(step, ground);
        }

        @SuppressWarnings("unchecked")
        @Override
        public Optional<GroupExtension> groupExtension(LocalDate applicationDate, int track) {
            return (Optional<GroupExtension>) answers.computeIfAbsent(
                    "group/" + applicationDate + "/" + track, key -> tables.groupExtension(applicationDate, track));
        }

        @Override
        public Optional<Period> departurePeriod(String decisionType, int track, String trackReason) {
            return tables.departurePeriod(decisionType, track, trackReason);
        }
    }
}

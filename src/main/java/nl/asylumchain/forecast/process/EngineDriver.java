package nl.asylumchain.forecast.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseEventType;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.MilestoneReached;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Relation;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.PolicyHoldService;
import nl.asylumchain.forecast.ChainDriver;
import nl.asylumchain.forecast.ForecastSnapshot;
import nl.asylumchain.forecast.Placing;
import nl.asylumchain.forecast.Scenario;
import nl.asylumchain.housing.HalfYear;
import nl.asylumchain.housing.QuotaService;
import nl.asylumchain.platform.ConflictException;

/**
 * The forecast's driver on a running engine. A day: the clock moves to the start of work, due timers fire, policy
 * holds begin or end, the outside world's planned events arrive (through the same event types as
 * {@code POST /api/cases/{id}/events}), the day's inflow registers (through the case file's intake, as
 * {@code POST /api/cases}), and on working days each candidate group completes at most its capacity of open tasks in
 * Tasklist order (priority high to low, then due date), through the engine's task service with the form checks a
 * handler meets. Then timers due by now fire, and the cases that began waiting for the outside world get their
 * answer planned.
 *
 * <p>Single-threaded on purpose: one thread makes the run repeatable, and the engine's clock is the thread's own
 * ({@link ShardClock}), so that the shards of a divided forecast run side by side in one JVM.
 */
@Component
@Profile("forecast")
class EngineDriver implements ChainDriver {

    private static final Logger log = LoggerFactory.getLogger(EngineDriver.class);

    /** The start of a working day: work done "today" happens at this time. */
    static final LocalTime START_OF_WORK = LocalTime.of(8, 0);

    // where a case waits for the outside world (ids in the models; ForecastWaitIdsTest checks them)
    static final String GATEWAY_AWAIT_DUBLIN_REPLY = "Gateway_AwaitDublinReply";
    static final String GATEWAY_AWAIT_APPEAL = "Gateway_AwaitAppeal";
    static final String EVENT_INTERIM_RELIEF_DECIDED = "Event_InterimReliefDecided";
    static final String EVENT_COURT_RULING_RECEIVED = "Event_CourtRulingReceived";
    static final String GATEWAY_AWAIT_ARRIVAL = "Gateway_AwaitArrival";
    static final String GATEWAY_AWAIT_ENDING = "Gateway_AwaitEnding";
    /** The outside event of a family member's arrival on an mvv ({@code reunification.FamilyArrivedEvent}). */
    static final String FAMILY_ARRIVED = "FAMILY_ARRIVED";

    static final List<String> WAIT_IDS = List.of(
            GATEWAY_AWAIT_DUBLIN_REPLY,
            GATEWAY_AWAIT_APPEAL,
            EVENT_INTERIM_RELIEF_DECIDED,
            EVENT_COURT_RULING_RECEIVED,
            GATEWAY_AWAIT_ARRIVAL,
            GATEWAY_AWAIT_ENDING);

    /** The stages' call activities in the main process: a case is in a stage while its token is there. */
    static final Map<Stage, String> STAGE_ACTIVITIES = stageActivities();

    private static final String DMN = "classpath*:dmn/*.dmn";
    /** The IND track of the decision process, which its tasks' process carries (a call activity's in-mapping). */
    static final String TRACK = "track";

    private static final int JOB_PAGE = 500;
    private static final long STEP = 1000;

    private final RuntimeService runtime;
    private final TaskService tasks;
    /** The task service's own command executor: a command that calls the service shares its transaction. */
    private final CommandExecutor commands;

    private final ManagementService management;
    private final RepositoryService repository;
    private final CaseIntake caseFile;
    private final PolicyHoldService holds;
    private final QuotaService quotas;
    private final Map<String, CaseEventType<?>> eventTypes;
    private final ObjectMapper json;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final WaitRecorder waits;
    private final StageTimes stageTimes;
    private final ResourcePatternResolver resources;
    private final Clock clock;
    private final StockPlacement stockPlacement;
    private final SnapshotPlacement snapshotPlacement;
    private final TasklistOrder tasklistOrder;
    private final DueJobs dueJobs;

    private Scenario scenario;
    private HandlerAnswers answers;
    private final Map<String, CaseDraws> cases = new HashMap<>();
    private final Map<String, String> caseOfProcess = new HashMap<>();
    private final Map<String, String> formOfTask = new HashMap<>();
    private final PriorityQueue<Planned> planned = new PriorityQueue<>(Comparator.comparing(Planned::date)
            .thenComparingLong(Planned::caseNumber)
            .thenComparingLong(Planned::seq));
    private final Map<String, double[]> inflowCarry = new TreeMap<>();
    private final List<ApplicationType> reported = new ArrayList<>();
    private final Map<String, Double> capacityCarry = new TreeMap<>();
    private final Map<String, UUID> activeHolds = new TreeMap<>();
    private final Set<String> failedJobs = new HashSet<>();
    private final Map<String, Long> problems = new TreeMap<>();
    private long caseCounter;
    private long steps;
    private long seq;
    private String policyDeployment;
    private long now;

    /** An outside event planned for a day: its type and JSON body, as a sender would post it. */
    private record Planned(LocalDate date, long caseNumber, long seq, String caseId, String type, ObjectNode body) {}

    EngineDriver(
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            RepositoryService repository,
            CaseIntake caseFile,
            PolicyHoldService holds,
            QuotaService quotas,
            List<CaseEventType<?>> eventTypes,
            ObjectMapper json,
            Validator validator,
            TransactionTemplate transactions,
            WaitRecorder waits,
            StageTimes stageTimes,
            ResourcePatternResolver resources,
            Clock clock,
            StockPlacement stockPlacement,
            SnapshotPlacement snapshotPlacement,
            TasklistOrder tasklistOrder,
            DueJobs dueJobs) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.commands = ((ServiceImpl) tasks).getCommandExecutor();
        this.management = management;
        this.repository = repository;
        this.caseFile = caseFile;
        this.holds = holds;
        this.quotas = quotas;
        this.eventTypes = eventTypes.stream().collect(Collectors.toMap(CaseEventType::type, Function.identity()));
        this.json = json;
        this.validator = validator;
        this.transactions = transactions;
        this.waits = waits;
        this.stageTimes = stageTimes;
        this.resources = resources;
        this.clock = clock;
        this.stockPlacement = stockPlacement;
        this.snapshotPlacement = snapshotPlacement;
        this.tasklistOrder = tasklistOrder;
        this.dueJobs = dueJobs;
    }

    @Override
    public void prepare(Scenario scenario, ForecastSnapshot from, Placing placing) {
        this.scenario = scenario;
        this.answers = new HandlerAnswers(scenario);
        cases.clear();
        planned.clear();
        inflowCarry.clear();
        reported.clear();
        capacityCarry.clear();
        activeHolds.clear();
        failedJobs.clear();
        problems.clear();
        waits.drain();
        stageTimes.clear();
        caseCounter = 0;
        steps = 0;
        seq = 0;
        policyDeployment = null;
        ShardClock.start();
        moveClockTo(scenario.start());
        deployPolicySwitches(scenario.policy().decisions());
        scenario.taakstelling().forEach((half, total) -> {
            String[] parts = half.split("-");
            quotas.setQuota(HalfYear.parse(Integer.parseInt(parts[0]), parts[1]), total, "forecast");
        });
        placeStartState(from, placing);
    }

    @Override
    public void day(LocalDate date) {
        moveClockTo(date);
        fireDueTimers();
        applyHolds(date);
        deliverPlannedEvents(date);
        fireDueTimers();
        registerInflow(date);
        if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            completeTasks(date);
        }
        fireDueTimers();
        planOutsideWorld(date);
    }

    @Override
    public Map<Stage, Long> openCasesPerStage() {
        Map<Stage, Long> open = new EnumMap<>(Stage.class);
        STAGE_ACTIVITIES.forEach((stage, activity) -> open.put(
                stage,
                runtime.createExecutionQuery()
                        .processDefinitionKey(CaseModel.PROCESS_KEY)
                        .activityId(activity)
                        .count()));
        return open;
    }

    @Override
    public List<nl.asylumchain.forecast.StageTime> stagesLeft() {
        return stageTimes.drain();
    }

    @Override
    public List<ApplicationType> reported() {
        List<ApplicationType> drained = List.copyOf(reported);
        reported.clear();
        return drained;
    }

    @Override
    public long cases() {
        return caseCounter;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public Map<String, Long> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public List<String> groups() {
        return List.copyOf(scenario.capacity().keySet());
    }

    @Override
    public void finish() {
        if (policyDeployment != null) {
            // the next run in this engine (tests) starts from the shipped models
            repository.deleteDeployment(policyDeployment, true, true, true);
            policyDeployment = null;
        }
        // this thread's clock is forgotten; with the last run the engine's clock runs on wall time again
        ShardClock.stop();
    }

    // ---- the clock and the timers

    private void moveClockTo(LocalDate date) {
        now = date.atTime(START_OF_WORK).atZone(clock.getZone()).toInstant().toEpochMilli();
        ShardClock.set(now);
    }

    /**
     * One step done: the clock moves on a second, so that what a step creates (a task, a timer) is dated after what
     * the step before created, and Tasklist order among tasks of equal priority and due date is the order of work.
     */
    private void step() {
        steps++;
        now += STEP;
        ShardClock.set(now);
    }

    /** Fires every timer due by now, oldest first, until none is due (a fired timer may make the next one due). */
    private void fireDueTimers() {
        while (true) {
            List<Job> due = dueJobs.first(JOB_PAGE);
            List<Job> runnable = due.stream()
                    .filter(job -> !failedJobs.contains(job.getId()))
                    .toList();
            if (runnable.isEmpty()) {
                return;
            }
            for (Job job : runnable) {
                try {
                    management.executeJob(job.getId());
                    step();
                } catch (RuntimeException e) {
                    if (management.createJobQuery().jobId(job.getId()).count() == 0) {
                        // an earlier job of the page removed it (a timer that ended the wait this one was set for, due
                        // at the same time): nothing to run, as the engine's job executor passes over such a job
                        continue;
                    }
                    // the engine counts the retry down; a job that keeps failing is left as an incident would be
                    failedJobs.add(job.getId());
                    problem("job failed: " + rootMessage(e));
                }
            }
        }
    }

    // ---- policy

    private void applyHolds(LocalDate date) {
        for (Scenario.Hold hold : scenario.policy().holds()) {
            String key = hold.category() + "@" + hold.from();
            if (date.equals(hold.from())
                    || (date.equals(scenario.start())
                            && hold.from().isBefore(date)
                            && (hold.until() == null || hold.until().isAfter(date)))) {
                if (!activeHolds.containsKey(key)) {
                    activeHolds.put(
                            key,
                            holds.place(hold.category(), "Scenario " + scenario.name(), "forecast")
                                    .id());
                    step();
                }
            }
            if (hold.until() != null && date.equals(hold.until()) && activeHolds.containsKey(key)) {
                holds.release(activeHolds.remove(key));
                step();
            }
        }
    }

    /**
     * Switches a policy decision (a decision table without inputs whose one rule gives the switch, such as
     * {@code writtenHearingPolicy}) by deploying its DMN file again with the scenario's value: the models call the
     * latest version, so the rest of the table is the real one.
     */
    private void deployPolicySwitches(Map<String, Boolean> switches) {
        if (switches.isEmpty()) {
            return;
        }
        Map<String, Boolean> remaining = new TreeMap<>(switches);
        var deployment = repository.createDeployment().name("forecast-policy").enableDuplicateFiltering(false);
        int changed = 0;
        try {
            for (Resource resource : resources.getResources(DMN)) {
                DmnModelInstance model;
                try (InputStream in = resource.getInputStream()) {
                    model = Dmn.readModelFromStream(in);
                }
                boolean touched = false;
                for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
                    if (!table.getInputs().isEmpty()) {
                        continue;
                    }
                    List<Output> outputs = new ArrayList<>(table.getOutputs());
                    for (int i = 0; i < outputs.size(); i++) {
                        Boolean value = remaining.remove(outputs.get(i).getName());
                        if (value == null) {
                            continue;
                        }
                        for (Rule rule : table.getRules()) {
                            OutputEntry entry = new ArrayList<>(rule.getOutputEntries()).get(i);
                            entry.getText().setTextContent(value.toString());
                        }
                        touched = true;
                    }
                }
                if (touched) {
                    deployment.addInputStream(
                            resource.getFilename(),
                            new ByteArrayInputStream(Dmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
                    changed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!remaining.isEmpty()) {
            throw new IllegalStateException("No policy decision gives " + remaining.keySet());
        }
        if (changed > 0) {
            policyDeployment = deployment.deploy().getId();
        }
    }

    // ---- inflow

    /** The start stock or the snapshot's cases, placed in the models before the first day (StockPlacement). */
    private void placeStartState(ForecastSnapshot from, Placing placing) {
        List<StageEntry> entries = new ArrayList<>();
        long total = from != null ? from.cases().size() : scenario.stock().total();
        long[] asked = new long[1];
        // a case's number is asked for right before it is placed, so the numbers asked so far are the cases placed
        LongSupplier numbers = () -> {
            placing.placed(asked[0]++, total);
            return ++caseCounter;
        };
        if (from != null) {
            cases.putAll(snapshotPlacement.place(
                    from,
                    scenario,
                    Instant.ofEpochMilli(now),
                    clock.getZone(),
                    numbers,
                    this::completeOnTheWay,
                    entries::add,
                    this::problem));
            // a case walked through a stage passed waits for the outside world that it no longer waits at
            waits.retain(wait -> wait.caseId() != null
                    && runtime.createExecutionQuery()
                                    .processInstanceBusinessKey(wait.caseId())
                                    .activityId(wait.activityId())
                                    .count()
                            > 0);
        } else if (scenario.stock().total() > 0) {
            cases.putAll(
                    stockPlacement.place(scenario, numbers, at -> ShardClock.set(at.toEpochMilli()), entries::add));
        }
        if (total > 0) {
            placing.placed(total, total);
        }
        // stages the placement passed through are not stages left in the run; the stages the placed cases wait in
        // count when they leave them, from when they entered where that is known (a snapshot's case's from its
        // stage's start in the running system, the stock's IND cases and nareis applications by their age)
        stageTimes.startFrom(entries);
    }

    private void registerInflow(LocalDate date) {
        double weight = monthWeight(date);
        for (Map.Entry<String, Double> entry : scenario.inflow().perYear().entrySet()) {
            double[] carry = inflowCarry.computeIfAbsent(entry.getKey(), k -> new double[1]);
            carry[0] += entry.getValue() / date.lengthOfYear() * weight;
            int count = (int) Math.floor(carry[0] + 1e-9);
            carry[0] -= count;
            for (int i = 0; i < count; i++) {
                register(ApplicationType.valueOf(entry.getKey()), date);
            }
        }
    }

    /** The month's weight relative to the year's mean, so that the year's total is the scenario's total. */
    private double monthWeight(LocalDate date) {
        List<Double> seasonal = scenario.inflow().seasonal();
        double weighted = 0;
        for (int month = 1; month <= 12; month++) {
            weighted += seasonal.get(month - 1)
                    * LocalDate.of(date.getYear(), month, 1).lengthOfMonth();
        }
        return seasonal.get(date.getMonthValue() - 1) * date.lengthOfYear() / weighted;
    }

    private void register(ApplicationType type, LocalDate date) {
        long number = ++caseCounter;
        // the nationality is the case's first draw, from the scenario-wide mix
        CaseDraws probe =
                new CaseDraws(scenario.seed(), number, scenario.nationalities().get(0));
        Scenario.Nationality nationality = nationality(probe);
        CaseDraws draws = new CaseDraws(scenario.seed(), number, nationality);
        draws.random().nextDouble(); // the nationality draw, so that later draws do not repeat it
        boolean minor = type == ApplicationType.FIRST
                && draws.chance(scenario.unaccompaniedMinors().share());
        LocalDate birthDate = minor
                ? date.minusYears(
                                draws.chance(scenario.unaccompaniedMinors().under15())
                                        ? 10 + draws.random().nextInt(5)
                                        : 15 + draws.random().nextInt(3))
                        .minusDays(draws.random().nextInt(300))
                : date.minusYears(18 + draws.random().nextInt(45))
                        .minusDays(draws.random().nextInt(365));
        ArrivalLocation location = ArrivalLocation.valueOf(draws.pick(scenario.arrivalLocations()));
        List<NewCase.FamilyMemberAbroad> family = new ArrayList<>();
        if (!minor && draws.chance(scenario.familyAbroad().share())) {
            if (draws.chance(scenario.familyAbroad().spouse())) {
                family.add(new NewCase.FamilyMemberAbroad(Relation.SPOUSE, birthDate.plusYears(1)));
            }
            for (int child = poisson(draws, scenario.familyAbroad().childrenMean()); child > 0; child--) {
                family.add(new NewCase.FamilyMemberAbroad(
                        Relation.CHILD,
                        date.minusYears(1 + draws.random().nextInt(16))
                                .minusDays(draws.random().nextInt(300))));
            }
        }
        boolean ukraine = draws.chance(scenario.temporaryProtectionUkraine());
        NewCase application = new NewCase(
                new NewCase.Person("Prognose", null, birthDate, draws.chance(0.7) ? Sex.M : Sex.F, nationality.code()),
                type,
                new NewCase.Arrival(location, date),
                minor,
                ukraine,
                false,
                family);
        Set<ConstraintViolation<NewCase>> violations = validator.validate(application);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The forecast built an application the intake refuses: " + violations);
        }
        pendingDraws = draws;
        caseFile.register(application, null);
        reported.add(type);
        step();
    }

    /**
     * Draws of the case being registered, claimed when the intake opens its case file (milestone REGISTERED, at the
     * report or a family member's arrival): CaseRegistered comes only at the signature, after the I&R task the
     * forecast must already answer with this case's draws.
     */
    private CaseDraws pendingDraws;

    @EventListener
    void registered(MilestoneReached reached) {
        if (reached.milestone() != Milestone.REGISTERED) {
            return;
        }
        String caseId = reached.caseId().toString();
        if (pendingDraws != null) {
            cases.put(caseId, pendingDraws);
            pendingDraws = null;
        } else if (scenario != null) {
            // a family member who arrived on an mvv: a case of the chain's own making, numbered as it comes
            long number = ++caseCounter;
            CaseDraws probe = new CaseDraws(
                    scenario.seed(), number, scenario.nationalities().get(0));
            cases.put(caseId, new CaseDraws(scenario.seed(), number, nationality(probe)));
        }
    }

    private Scenario.Nationality nationality(CaseDraws draws) {
        double roll = draws.random().nextDouble();
        for (Scenario.Nationality nationality : scenario.nationalities()) {
            roll -= nationality.share();
            if (roll < 0) {
                return nationality;
            }
        }
        return scenario.nationalities().get(scenario.nationalities().size() - 1);
    }

    private static int poisson(CaseDraws draws, double mean) {
        double limit = Math.exp(-mean);
        double product = draws.random().nextDouble();
        int k = 0;
        while (product > limit && k < 12) {
            product *= draws.random().nextDouble();
            k++;
        }
        return k;
    }

    // ---- handling

    private void completeTasks(LocalDate date) {
        List<String> groups = new ArrayList<>(new TreeMap<>(scenario.capacity()).keySet());
        for (String group : groups) {
            Map<Integer, Double> perTrack = scenario.capacityPerTrack(group);
            if (perTrack.isEmpty()) {
                int allowance = allowance(group, scenario.capacity().get(group));
                if (allowance > 0) {
                    openTasks(group, null, allowance).forEach(task -> complete(task, date));
                }
                continue;
            }
            // the letter's production per track: each track's tasks wait for that track's handlers only
            for (Map.Entry<Integer, Double> track : new TreeMap<>(perTrack).entrySet()) {
                int allowance = allowance(group + "#" + track.getKey(), track.getValue());
                if (allowance > 0) {
                    openTasks(group, track.getKey(), allowance).forEach(task -> complete(task, date));
                }
            }
        }
    }

    /** Today's share of a weekly capacity (a fifth, with the fractions carried over to the next working day). */
    private int allowance(String key, double perWeek) {
        double carried = capacityCarry.getOrDefault(key, 0.0) + perWeek / 5.0;
        int allowance = (int) Math.floor(carried + 1e-9);
        capacityCarry.put(key, carried - allowance);
        return allowance;
    }

    /** The first {@code max} open tasks of a group (of one IND track when given), in Tasklist order. */
    private List<Task> openTasks(String group, Integer track, int max) {
        return tasklistOrder.first(group, track, max);
    }

    /**
     * Reads what the task's form needs, answers it and completes the task through the task service (the form check,
     * the guards, the model), all in one engine command: the answer's variables are read through the task's own
     * variable scopes, which the completion then finds loaded (read apart, each task cost a command, a transaction
     * and the variable rows read twice, about 7 % of a run). A refusal rolls the whole command back.
     */
    private void complete(Task task, LocalDate date) {
        try {
            if (answerAndComplete(task, null, Map.of(), date)) {
                step();
            } else {
                problem("no answer for task " + task.getTaskDefinitionKey());
            }
        } catch (RuntimeException e) {
            problem("task " + task.getTaskDefinitionKey() + " refused: " + rootMessage(e));
        }
    }

    /**
     * A task on a snapshot case's way to the position where it waited ({@link SnapshotPlacement}): answered as any
     * task, with the answers the case's handlers gave ({@code known}, the snapshot's variables) in place of the drawn
     * ones of the same name. False when there is no answer for it; a refusal throws.
     */
    private boolean completeOnTheWay(Task task, CaseDraws draws, Map<String, Object> known) {
        return answerAndComplete(task, draws, known, LocalDate.ofInstant(Instant.ofEpochMilli(now), clock.getZone()));
    }

    /**
     * Reads what the task's form needs, answers it and completes the task through the task service (the form check,
     * the guards, the model), all in one engine command: the answer's variables are read through the task's own
     * variable scopes, which the completion then finds loaded (read apart, each task cost a command, a transaction
     * and the variable rows read twice, about 7 % of a run). A refusal rolls the whole command back. The case's draws
     * are {@code given}, or else the run's for the case; answers in {@code known} replace the drawn ones
     * ({@link HandlerAnswers#onTheWay}).
     */
    private boolean answerAndComplete(Task task, CaseDraws given, Map<String, Object> known, LocalDate date) {
        String formId = formOf(task);
        Set<String> names = HandlerAnswers.variablesFor(formId == null ? "" : formId);
        return commands.execute(context -> {
            TaskEntity open = context.getTaskManager().findTaskById(task.getId());
            if (open == null) {
                throw new NullValueException("task " + task.getId() + " is gone");
            }
            Map<String, Object> variables = new HashMap<>();
            for (String name : names) {
                if (open.hasVariable(name)) {
                    variables.put(name, open.getVariable(name));
                }
            }
            CaseDraws draws = given != null ? given : draws(variables.get("caseId"));
            Map<String, Object> drawn =
                    formId == null || draws == null ? null : answers.answer(formId, draws, variables, date);
            if (drawn == null) {
                return false;
            }
            tasks.complete(task.getId(), known.isEmpty() ? drawn : HandlerAnswers.onTheWay(formId, drawn, known));
            return true;
        });
    }

    private CaseDraws draws(Object caseId) {
        return caseId == null ? null : cases.get(caseId.toString());
    }

    private String formOf(Task task) {
        String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
        return formOfTask.computeIfAbsent(key, k -> {
            UserTask userTask = repository
                    .getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey());
            return userTask == null ? null : userTask.getCamundaFormRef();
        });
    }

    // ---- the outside world

    private void planOutsideWorld(LocalDate date) {
        for (WaitRecorder.Wait wait : waits.drain()) {
            CaseDraws draws = wait.caseId() == null ? null : cases.get(wait.caseId());
            if (draws == null) {
                continue;
            }
            switch (wait.activityId()) {
                case GATEWAY_AWAIT_DUBLIN_REPLY -> {
                    if (!draws.chance(scenario.dublin().noReply())) {
                        plan(
                                date.plusDays(draws.days(scenario.dublin().replyDays())),
                                draws,
                                wait.caseId(),
                                "DUBLIN_REPLY",
                                body().put(
                                                "accepted",
                                                draws.chance(scenario.dublin().accepted())));
                    }
                }
                case GATEWAY_AWAIT_APPEAL -> {
                    if (draws.chance(scenario.appeal().share())) {
                        LocalDate lodged = date.plusDays(
                                1 + draws.random().nextInt(scenario.appeal().lodgeDays()));
                        plan(
                                lodged,
                                draws,
                                wait.caseId(),
                                "APPEAL_LODGED",
                                body().put("lodgedOn", lodged.toString())
                                        .put(
                                                "interimReliefRequested",
                                                draws.chance(scenario.appeal().interimRelief())));
                    }
                }
                case EVENT_INTERIM_RELIEF_DECIDED ->
                    plan(
                            date.plusDays(
                                    draws.days(Math.max(1, scenario.appeal().rulingDays() / 4))),
                            draws,
                            wait.caseId(),
                            "INTERIM_RELIEF",
                            body().put(
                                            "outcome",
                                            draws.chance(scenario.appeal().interimReliefGranted())
                                                    ? "GRANTED"
                                                    : "REFUSED"));
                case EVENT_COURT_RULING_RECEIVED ->
                    plan(
                            date.plusDays(draws.days(scenario.appeal().rulingDays())),
                            draws,
                            wait.caseId(),
                            "COURT_RULING",
                            body().put("outcome", draws.chance(scenario.appeal().annulled()) ? "ANNULLED" : "UPHELD"));
                case GATEWAY_AWAIT_ARRIVAL -> {
                    if (wait.familyMemberId() != null
                            && draws.chance(scenario.reunification().arrives())) {
                        plan(
                                date.plusDays(Math.min(
                                        89, draws.days(scenario.reunification().arrivalDays()))),
                                draws,
                                wait.caseId(),
                                FAMILY_ARRIVED,
                                body().put("familyMemberId", wait.familyMemberId())
                                        .put("familyName", "Prognose")
                                        .put("sex", draws.chance(0.5) ? "F" : "M")
                                        .put("nationality", draws.nationality().code()));
                    }
                }
                case GATEWAY_AWAIT_ENDING -> {
                    if (draws.plannedDeparture(scenario.departure()) == CaseDraws.PlannedDeparture.UNSUPERVISED) {
                        plan(
                                date.plusDays(draws.days(scenario.departure().unsupervisedDays())),
                                draws,
                                wait.caseId(),
                                "DEPARTURE_UNSUPERVISED",
                                body());
                    }
                }
                default -> {
                    // a wait the outside world does not answer in a forecast (reporting, detention): timers end it
                }
            }
        }
    }

    private ObjectNode body() {
        return json.createObjectNode();
    }

    private void plan(LocalDate date, CaseDraws draws, String caseId, String type, ObjectNode body) {
        planned.add(new Planned(date, draws.number(), seq++, caseId, type, body));
    }

    private void deliverPlannedEvents(LocalDate date) {
        while (!planned.isEmpty() && !planned.peek().date().isAfter(date)) {
            Planned event = planned.poll();
            deliver(event.caseId(), eventTypes.get(event.type()), event.body());
        }
    }

    /** As the events endpoint does: the JSON read into the type's payload, checked, then delivered in one transaction. */
    private <P> void deliver(String caseId, CaseEventType<P> type, ObjectNode body) {
        P payload;
        try {
            payload = json.treeToValue(body, type.payloadType());
        } catch (IOException e) {
            throw new IllegalStateException("The forecast built an event the API refuses: " + body, e);
        }
        Set<ConstraintViolation<P>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The forecast built an event the API refuses: " + violations);
        }
        try {
            transactions.executeWithoutResult(status -> type.deliver(UUID.fromString(caseId), payload));
            if (FAMILY_ARRIVED.equals(type.type())) {
                // the family member's own linked case is registered by the nareis stage, not at intake: inflow too
                reported.add(ApplicationType.FAMILY_REUNIFICATION);
            }
            step();
        } catch (ConflictException notWaiting) {
            // the case moved on first (a timer ended the wait): the sender would get 409; nothing changed
            problems.merge("event " + type.type() + " no longer awaited (409)", 1L, Long::sum);
        }
    }

    private void problem(String what) {
        if (problems.merge(what, 1L, Long::sum) == 1L) {
            log.warn("Forecast: {}", what);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    private static Map<Stage, String> stageActivities() {
        Map<Stage, String> activities = new LinkedHashMap<>();
        activities.put(Stage.REGISTRATION, CaseModel.ACTIVITY_REGISTRATION);
        activities.put(Stage.IND_DECISION, CaseModel.ACTIVITY_IND_DECISION);
        activities.put(Stage.HOUSING, CaseModel.ACTIVITY_HOUSING);
        activities.put(Stage.FAMILY_REUNIFICATION, CaseModel.ACTIVITY_FAMILY_REUNIFICATION);
        activities.put(Stage.DEPARTURE, CaseModel.ACTIVITY_DEPARTURE);
        return Map.copyOf(activities);
    }
}

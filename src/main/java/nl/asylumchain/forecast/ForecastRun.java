package nl.asylumchain.forecast;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.housing.HalfYear;
import nl.asylumchain.reception.Occupancy;
import nl.asylumchain.reception.ReceptionService;

/**
 * Runs a scenario week by week with the {@link ChainDriver} and reads the week's figures: flows from
 * {@link WeeklyFigures}, stocks (backlog per stage, reception occupancy, cases past their decision deadline) from
 * the stage modules' own services at the end of each week. Prints one progress line per week.
 */
@Component
@Profile("forecast")
class ForecastRun {

    private final ChainDriver driver;
    private final WeeklyFigures figures;
    private final ReceptionService reception;
    private final DecisionDeadlineService deadlines;

    ForecastRun(
            ChainDriver driver, WeeklyFigures figures, ReceptionService reception, DecisionDeadlineService deadlines) {
        this.driver = driver;
        this.figures = figures;
        this.reception = reception;
        this.deadlines = deadlines;
    }

    /** CPU seconds the last run's thread used: its speed on a shared machine, where wall time says little. */
    private double cpuSeconds;

    /** Set from another thread when the run must stop (a shard beside it failed): it stops at the next day. */
    private volatile boolean cancelled;

    /** The last run's lead times per week and stage, for a shard's partial result (merged by {@link ShardMerge}). */
    private final List<Map<String, LeadTimes>> leadTimes = new ArrayList<>();

    ForecastResult run(Scenario scenario, PrintStream progress) {
        return run(scenario, null, progress);
    }

    /** With {@code from} not null, the run starts from that snapshot's open cases instead of the scenario's stock. */
    ForecastResult run(Scenario scenario, ForecastSnapshot from, PrintStream progress) {
        try (HeapPeak heap = new HeapPeak()) {
            return run(scenario, from, progress, heap);
        }
    }

    private ForecastResult run(Scenario scenario, ForecastSnapshot from, PrintStream progress, HeapPeak heap) {
        long started = System.nanoTime();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        List<ForecastResult.Week> weeks = new ArrayList<>();
        Map<String, Long> startBacklog;
        ForecastResult.Coa startCoa;
        try {
            figures.start();
            leadTimes.clear();
            driver.prepare(scenario, from, placing(progress, started, cpuStarted));
            startBacklog = backlog();
            startCoa = coa();
            for (int week = 1; week <= scenario.weeks(); week++) {
                LocalDate monday = scenario.start().plusWeeks(week - 1);
                figures.reset();
                for (int d = 0; d < 7; d++) {
                    if (cancelled) {
                        throw new CancellationException("the forecast was stopped on " + monday.plusDays(d));
                    }
                    HeapWatch.check();
                    driver.day(monday.plusDays(d));
                    figures.reported(driver.reported());
                    figures.left(driver.stagesLeft());
                }
                weeks.add(week(week, monday, scenario));
                leadTimes.add(figures.leadTimes());
                double seconds = seconds(started);
                long stepsPerSecond = Math.round(driver.steps() / Math.max(seconds, 1e-3));
                long eta = Math.round(seconds / week * (scenario.weeks() - week));
                progress.printf(
                        Locale.ROOT,
                        "PROGRESS date=%s week=%d weeks=%d cases=%d steps=%d stepsPerSecond=%d etaSeconds=%d"
                                + " cpuSeconds=%.1f heapMb=%d%n",
                        monday.plusDays(6),
                        week,
                        scenario.weeks(),
                        driver.cases(),
                        driver.steps(),
                        stepsPerSecond,
                        eta,
                        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9,
                        usedHeapMb());
                progress.flush();
            }
        } finally {
            driver.finish();
        }
        double seconds = seconds(started);
        cpuSeconds = round((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9, 1);
        ForecastResult.Run run = new ForecastResult.Run(
                driver.cases(),
                driver.steps(),
                round(seconds, 1),
                round(driver.cases() / Math.max(seconds, 1e-3), 1),
                round(driver.steps() / Math.max(seconds, 1e-3), 1),
                heap.peakMb());
        return new ForecastResult(
                new ForecastResult.Scenario(scenario.name(), scenario.seed(), scenario.start(), scenario.weeks(), 1),
                run,
                List.copyOf(weeks),
                startBacklog,
                startCoa);
    }

    /**
     * A {@code PLACING} line each time another hundredth of the start state is placed: the cases placed and to
     * place, the time left at the rate so far (from the second line on), the run thread's CPU and the heap in use.
     * Placing stops, as a day does, once this JVM is short of heap ({@link HeapWatch}).
     */
    private static Placing placing(PrintStream progress, long started, long cpuStarted) {
        long[] shown = {-1};
        return (placed, total) -> {
            HeapWatch.check(placed, total);
            long hundredth = placed * 100 / Math.max(total, 1);
            if (hundredth == shown[0]) {
                return;
            }
            shown[0] = hundredth;
            double seconds = seconds(started);
            progress.printf(
                    Locale.ROOT,
                    "PLACING placed=%d toPlace=%d%s cpuSeconds=%.1f heapMb=%d%n",
                    placed,
                    total,
                    placed > 0 ? " etaSeconds=" + Math.round(seconds / placed * (total - placed)) : "",
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9,
                    usedHeapMb());
            progress.flush();
        };
    }

    /** Stops a run going on in another thread at its next day ({@link CancellationException} there). */
    void cancel() {
        cancelled = true;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    List<Map<String, LeadTimes>> leadTimes() {
        return List.copyOf(leadTimes);
    }

    Map<String, Long> problems() {
        return driver.problems();
    }

    private Map<String, Long> backlog() {
        Map<String, Long> backlog = new LinkedHashMap<>();
        Map<Stage, Long> open = driver.openCasesPerStage();
        for (Stage stage : Stage.values()) {
            backlog.put(stage.name(), open.getOrDefault(stage, 0L));
        }
        return backlog;
    }

    /** Reception now: asylum seekers, permit holders and amv, against the places. */
    private ForecastResult.Coa coa() {
        return coa(reception.occupancy());
    }

    /** An occupancy as the forecast reports it: permit holders and amv apart, everyone else an asylum seeker. */
    static ForecastResult.Coa coa(Occupancy occupancy) {
        long minors = occupancy.locationTypes().stream()
                .filter(t -> t.locationType().forUnaccompaniedMinors())
                .mapToLong(Occupancy.PerLocationType::occupancy)
                .sum();
        long permitHolders = occupancy.total().permitHolders();
        return new ForecastResult.Coa(
                Math.max(0, occupancy.total().occupancy() - permitHolders - minors),
                permitHolders,
                minors,
                occupancy.total().capacity());
    }

    private ForecastResult.Week week(int week, LocalDate monday, Scenario scenario) {
        Map<String, Long> backlog = backlog();
        ForecastResult.Coa coa = coa();
        HalfYear half = HalfYear.of(monday);
        long quota = scenario.taakstelling().getOrDefault(half.year() + "-" + (half.half() == 1 ? "I" : "II"), 0);
        return new ForecastResult.Week(
                week,
                monday,
                new LinkedHashMap<>(figures.inflow()),
                figures.registered(),
                figures.decisions(),
                backlog,
                figures.leadTimeDays(),
                deadlines.casesPastDeadline(),
                coa,
                figures.housed(),
                quota,
                figures.departure());
    }

    private static long usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}

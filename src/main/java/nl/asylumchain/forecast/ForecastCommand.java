package nl.asylumchain.forecast;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar asylum-chain.jar forecast --scenario NAME|PATH --out DIR [--seed N] [--weeks N] [--from-now FILE]
 * [--shards N] [--sample N]}:
 * runs a forecast (from the scenario's start state, or from a snapshot of the running system's open cases)
 * in its own Spring context with its own in-memory database and engine, writes {@code forecast.json},
 * {@code weekly.csv} and whatever the {@link ForecastReportWriter} beans add, and returns the exit code: 0 done,
 * 2 a bad scenario ({@code scenario.<field>: <reason>} on stderr) or a bad {@code --shards} or {@code --sample}, 3
 * too little heap for the run ({@link HeapWatch}; {@value #STOPPED}... as stderr's last line), 1 anything else.
 * With {@code --shards N} above 1 the scenario runs divided into N shards in a child JVM ({@link ShardedForecast});
 * the child is this command with {@code --shard I,J,.../N}, which runs shards I, J, ... of N side by
 * side, each on a thread of its own with a context, an in-memory database, an engine and a clock of its own
 * ({@code ShardClock}), and writes each shard's partial result ({@link ShardResult}) to {@code OUT/I/}. With
 * {@code --sample N} above 1 only 1/N of the chain runs (its first shards of N times as many) and the result is scaled
 * to the whole.
 *
 * <p>The forecast's settings are passed as command-line properties, which outrank the environment and every
 * configuration file: a {@code SPRING_DATASOURCE_URL} pointing at production cannot reach the forecast, which
 * starts no web server, no job executor (it fires timers itself on the virtual clock) and no demo data.
 */
public final class ForecastCommand {

    public static final String PROFILE = "forecast";

    /** The exit code of a run stopped short of heap ({@link HeapWatch}). */
    public static final int EXIT_TOO_LITTLE_HEAP = 3;

    /** The start of stderr's last line when a run stopped short of heap. */
    public static final String STOPPED = "forecast stopped: ";

    /** The smallest sample {@code --sample} takes: 1/100 of the chain. */
    static final int MAX_SAMPLE = 100;

    private ForecastCommand() {}

    /** Arguments as given after {@code forecast}. */
    record Arguments(
            String scenario, Path out, Long seed, Integer weeks, Path fromNow, int shards, int sample, Shards shard) {

        static final String USAGE = "usage: forecast --scenario NAME|PATH --out DIR [--seed N] [--weeks N]"
                + " [--from-now FILE] [--shards N] [--sample N]";

        static Arguments parse(String[] args) {
            String scenario = null;
            Path out = null;
            Long seed = null;
            Integer weeks = null;
            Path fromNow = null;
            int shards = 1;
            int sample = 1;
            Shards shard = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--scenario" -> scenario = value;
                    case "--out" -> out = Path.of(value);
                    case "--seed" -> seed = number(name, value);
                    case "--weeks" -> weeks = (int) (long) number(name, value);
                    case "--from-now" -> fromNow = Path.of(value);
                    case "--shards" -> shards = shards(value);
                    case "--sample" -> sample = sample(value);
                    case "--shard" -> shard = Shards.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (scenario == null || out == null) {
                throw new IllegalArgumentException(USAGE);
            }
            if ((shards > 1 || sample > 1) && shard != null) {
                throw new IllegalArgumentException(
                        "--shard is one shard of a divided run; it takes no --shards or --sample");
            }
            return new Arguments(scenario, out, seed, weeks, fromNow, shards, sample, shard);
        }

        private static int sample(String value) {
            String reason = "--sample: the part of the chain to run, 1/N, a whole number from 1 (every case) to "
                    + MAX_SAMPLE + ", not " + value;
            try {
                int sample = Integer.parseInt(value.trim());
                if (sample < 1 || sample > MAX_SAMPLE) {
                    throw new OptionException(reason);
                }
                return sample;
            } catch (NumberFormatException e) {
                throw new OptionException(reason);
            }
        }

        private static int shards(String value) {
            String reason = "--shards: the number of JVMs to divide the forecast over, a whole number from 1 to "
                    + ScenarioShards.MAX + ", not " + value;
            try {
                int shards = Integer.parseInt(value.trim());
                if (shards < 1 || shards > ScenarioShards.MAX) {
                    throw new OptionException(reason);
                }
                return shards;
            } catch (NumberFormatException e) {
                throw new OptionException(reason);
            }
        }

        private static long number(String name, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " takes a whole number, not " + value);
            }
        }
    }

    /**
     * Shards {@code indexes} (0-based) of {@code count}: what the child of a divided run computes, each shard on a
     * thread of its own.
     */
    record Shards(List<Integer> indexes, int count) {

        static Shards parse(String value) {
            String[] parts = value.split("/", -1);
            try {
                if (parts.length == 2) {
                    int count = Integer.parseInt(parts[1]);
                    List<Integer> indexes = new ArrayList<>();
                    for (String index : parts[0].split(",", -1)) {
                        indexes.add(Integer.parseInt(index.trim()));
                    }
                    if (count >= 2
                            && count <= ScenarioShards.MAX_PARTS
                            && indexes.size() <= ScenarioShards.MAX
                            && indexes.stream().distinct().count() == indexes.size()
                            && indexes.stream().allMatch(index -> index >= 0 && index < count)) {
                        return new Shards(List.copyOf(indexes), count);
                    }
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("--shard takes INDEX[,INDEX...]/COUNT (0 <= INDEX < COUNT <= "
                    + ScenarioShards.MAX_PARTS + ", at most " + ScenarioShards.MAX + " indexes), not " + value);
        }
    }

    /** A bad option the user gave (exit 2, naming the option), as a bad scenario field is. */
    static final class OptionException extends IllegalArgumentException {
        OptionException(String message) {
            super(message);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        Scenario scenario;
        try {
            arguments = Arguments.parse(args);
        } catch (OptionException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        try {
            scenario = withOverrides(ScenarioReader.read(arguments.scenario()), arguments);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (arguments.shard() == null && arguments.fromNow() == null) {
            // the -Xmx given (the application's child options name one), as the API's estimate reads it
            long heapMb =
                    ForecastSizing.heapMb(ManagementFactory.getRuntimeMXBean().getInputArguments());
            warnIfShortOfHeap(
                    scenario,
                    arguments.shards(),
                    arguments.sample(),
                    arguments.shards() > 1 || arguments.sample() > 1
                            ? ShardedForecast.heapMb(heapMb * 1024 * 1024, arguments.shards())
                            : heapMb,
                    err);
        }
        if (arguments.shards() > 1 || arguments.sample() > 1) {
            try {
                return ShardedForecast.run(
                        arguments.scenario(),
                        scenario,
                        arguments.fromNow(),
                        arguments.shards(),
                        arguments.sample(),
                        arguments.out(),
                        out,
                        err);
            } catch (Exception e) {
                err.println("forecast failed: " + e);
                e.printStackTrace(err);
                return 1;
            }
        }
        ForecastSnapshot snapshot = null;
        if (arguments.fromNow() != null) {
            try {
                snapshot = readSnapshot(arguments.fromNow());
            } catch (IOException | RuntimeException e) {
                err.println("--from-now: cannot read the snapshot " + arguments.fromNow() + ": " + e.getMessage());
                return 1;
            }
        }
        if (arguments.shard() != null) {
            // a parent killed outright (no shutdown hook: the API's time limit) must not leave its shards running
            ProcessHandle.current()
                    .parent()
                    .ifPresent(parent ->
                            parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
            try (HeapWatch heap = HeapWatch.start()) {
                ShardThreads.run(scenario, snapshot, arguments.shard(), arguments.out(), out);
                return 0;
            } catch (HeapWatch.TooSmall e) {
                return stopped(e, err);
            } catch (Exception e) {
                err.println("forecast failed: " + e);
                e.printStackTrace(err);
                return 1;
            }
        }
        try (HeapWatch heap = HeapWatch.start();
                ConfigurableApplicationContext context = start(scenario)) {
            ForecastRun run = context.getBean(ForecastRun.class);
            if (snapshot != null) {
                // from now: day 0 is the day the snapshot was taken, in business time
                scenario = startingOn(
                        scenario,
                        snapshot.takenAt()
                                .atZone(context.getBean(Clock.class).getZone())
                                .toLocalDate());
            }
            ForecastResult result = run.run(scenario, snapshot, out);
            ForecastFiles.write(result, arguments.out());
            for (ForecastReportWriter writer :
                    new TreeMap<>(context.getBeansOfType(ForecastReportWriter.class)).values()) {
                writer.write(arguments.out());
            }
            run.problems().forEach((problem, count) -> err.println("PROBLEM " + count + "x " + problem));
            out.println(runLine(result.run(), run.cpuSeconds()));
            out.println("REPORT " + arguments.out().resolve(ForecastFiles.JSON));
            out.flush();
            return 0;
        } catch (HeapWatch.TooSmall e) {
            return stopped(e, err);
        } catch (Exception e) {
            err.println("forecast failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** A run short of heap: one line that says what to do, as the last of stderr, and exit code 3. */
    private static int stopped(HeapWatch.TooSmall e, PrintStream err) {
        err.println(STOPPED + e.getMessage());
        err.flush();
        return EXIT_TOO_LITTLE_HEAP;
    }

    static void writeShard(ShardResult shard, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        JsonMapper.builder()
                .findAndAddModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build()
                .writeValue(dir.resolve(ShardResult.FILE).toFile(), shard);
    }

    /** The snapshot the running application wrote ({@code ForecastJobs}, {@code snapshot.json}). */
    static ForecastSnapshot readSnapshot(Path file) throws IOException {
        return JsonMapper.builder().findAndAddModules().build().readValue(file.toFile(), ForecastSnapshot.class);
    }

    /** The scenario with another first day (a forecast from now starts on the snapshot's day, any weekday). */
    static Scenario startingOn(Scenario s, LocalDate start) {
        return s.run(start, s.weeks(), s.seed());
    }

    static Scenario withOverrides(Scenario s, Arguments arguments) {
        if (arguments.weeks() != null && (arguments.weeks() < 1 || arguments.weeks() > 520)) {
            throw new ScenarioException("weeks", "must be from 1 to 520, not " + arguments.weeks());
        }
        long seed = arguments.seed() == null ? s.seed() : arguments.seed();
        int weeks = arguments.weeks() == null ? s.weeks() : arguments.weeks();
        return s.run(s.start(), weeks, seed);
    }

    /** The line every run ends with: its speed, for people and for the benchmark that reads it. */
    static String runLine(ForecastResult.Run run, double cpuSeconds) {
        return String.format(
                Locale.ROOT,
                "RUN cases=%d steps=%d wallSeconds=%s casesPerSecond=%s stepsPerSecond=%s peakHeapMb=%d cpuSeconds=%s",
                run.cases(),
                run.steps(),
                run.wallSeconds(),
                run.casesPerSecond(),
                run.stepsPerSecond(),
                run.peakHeapMb(),
                cpuSeconds);
    }

    /** The isolated context: command-line properties, the highest precedence Spring knows. */
    static ConfigurableApplicationContext start(Scenario scenario) {
        return start(scenario, "forecast");
    }

    /**
     * Before a run, one line on stderr when the estimate ({@link ForecastSizing}) says its start stock and inflow will
     * not fit the heap: how much to give, or which sample fits. The run goes on; {@link HeapWatch} has the last word.
     */
    static void warnIfShortOfHeap(Scenario scenario, int shards, int sample, long heapMb, PrintStream err) {
        ForecastSizing sizing = ForecastSizing.MEASURED;
        long start = scenario.stock() == null ? 0 : scenario.stock().total();
        long inflow = ForecastSizing.inflowCases(scenario, scenario.weeks());
        long live = sizing.liveMb(start, inflow, shards, sample);
        if (live <= ForecastSizing.usableMb(heapMb)) {
            return;
        }
        long give = (live * 100 / HeapWatch.LEFT_PERCENT + 255) / 256 * 256;
        err.printf(
                "HEAP this run will keep about %d MB in use (%d start cases, %d of inflow in %d weeks), more than the"
                        + " %d of its %d MB heap a run may keep: it will likely stop short of heap (exit 3). Give about"
                        + " -Xmx%dm, or run --sample %d%n",
                live,
                start,
                inflow,
                scenario.weeks(),
                ForecastSizing.usableMb(heapMb),
                heapMb,
                give,
                sizing.choose(null, start, inflow, shards, heapMb).sample());
        err.flush();
    }

    /** The engine name of a shard run beside others in one JVM ({@link ShardThreads}). */
    static String engineName(int shard) {
        return "forecast" + shard;
    }

    /**
     * An isolated context whose engine has the name given: the engines of a divided run's shards share a JVM, and
     * Camunda keeps its engines in one registry by name. A name with a hyphen is refused: Camunda's starter would
     * ignore it with a warning and name the engine {@code default}, and the shards' engines would share that name.
     */
    static ConfigurableApplicationContext start(Scenario scenario, String engineName) {
        if (engineName.isBlank() || engineName.contains("-")) {
            throw new IllegalArgumentException(
                    "engine name '" + engineName + "': Camunda takes no blank name or one with a hyphen");
        }
        List<String> properties = properties(scenario);
        properties.add("--camunda.bpm.process-engine-name=" + engineName);
        return new SpringApplicationBuilder(ForecastApplication.class)
                .profiles(PROFILE)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties.toArray(String[]::new));
    }

    static List<String> properties(Scenario scenario) {
        List<String> properties = new ArrayList<>(List.of(
                // a database of its own, unique per run, gone when the run ends; H2 keeps 8 parsed statements per
                // connection by default, the engine runs a few hundred distinct ones over and over
                "--spring.datasource.url=jdbc:h2:mem:forecast-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=512",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.h2.Driver",
                // a run must not depend on wall time: H2 plans a statement when a connection first prepares it, so
                // the pool is filled once and keeps its connections (no retirement after a lifetime, no keep-alive
                // check borrowing one mid-run), and nothing else borrows one while the days run (below)
                "--spring.datasource.hikari.minimum-idle=4",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.max-lifetime=0",
                "--spring.datasource.hikari.keepalive-time=0",
                "--spring.datasource.hikari.idle-timeout=0",
                "--spring.main.web-application-type=none",
                "--spring.jmx.enabled=false",
                // the forecast fires due timers itself on the virtual clock
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.metrics.enabled=false",
                "--camunda.bpm.history-level=none",
                "--asylumchain.demo.users=false",
                "--asylumchain.demo.traffic.enabled=false",
                // Tasklist's counts per group: no Tasklist here, and nothing folds the changes (they would pile up)
                "--asylumchain.tasklist.keep-tally=false",
                // the dashboards' background refresh has nobody to show its figures to
                "--asylumchain.monitoring.initial-delay=PT24H",
                "--asylumchain.monitoring.refresh-interval=PT24H",
                // nor the access log's nightly purge, which would run on the wall clock's night
                "--asylumchain.access-log.purge-cron=-",
                "--logging.level.root=WARN",
                // an event that arrives after a timer ended the wait is refused (409) and counted, not an error
                "--logging.level.org.camunda.bpm.engine.context=OFF",
                "--logging.level.nl.asylumchain.forecast=INFO"));
        for (Map.Entry<String, Integer> capacity : scenario.receptionCapacity().entrySet()) {
            properties.add("--asylumchain.reception.capacity." + capacity.getKey() + "=" + capacity.getValue());
        }
        return properties;
    }
}

package nl.asylumchain.forecast;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import nl.asylumchain.forecast.ForecastJob.Progress;
import nl.asylumchain.forecast.ForecastJob.Status;
import nl.asylumchain.forecast.report.ForecastReport;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.FieldError;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * Starts forecasts as child JVMs of this application and keeps their results. A forecast moves the engine's clock,
 * which is one per JVM ({@code ClockUtil} is static), so it never runs in the JVM of the live engine: the child is
 * this same application started with {@code forecast} as its first argument, in its own isolated engine.
 *
 * <p>At most one forecast runs per node: a second request is refused with 409 while one runs (a year of the high
 * scenario takes both cores for minutes; queueing would hide that from the person who asked). Every run has a
 * directory under {@code asylumchain.forecast.work-dir} with {@code run.json} (this record), the scenario it was
 * given, the child's {@code stdout.log} / {@code stderr.log} and its output; so the list survives a restart.
 *
 * <p>Not in the child itself (profile {@value #CHILD_PROFILE}): there it would take the parent's running forecast for
 * one left over from a stopped application.
 */
@Service
@Profile("!" + ForecastJobs.CHILD_PROFILE)
@EnableConfigurationProperties(ForecastProperties.class)
public class ForecastJobs {

    private static final Logger log = LoggerFactory.getLogger(ForecastJobs.class);

    /**
     * The application's main class, which dispatches {@code forecast} to the forecast (by name: the application class
     * imports this module, so a reference back would be a cycle).
     */
    static final String MAIN_CLASS = "nl.asylumchain.AsylumChainApplication";
    /** The profile of the forecast's own context (the child). */
    static final String CHILD_PROFILE = "forecast";
    /** A run's id: its start (UTC) and a random part, so that a directory listing sorts by age. */
    public static final String ID_PATTERN = "\\d{8}T\\d{6}-[0-9a-f]{8}";
    /** A shipped scenario's name: never a path, so a request cannot point the child at a file of the server. */
    static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    static final int MAX_WEEKS = 520;
    static final String RUN_JSON = "run.json";
    static final String SCENARIO_YAML = "scenario.yaml";
    static final String SNAPSHOT_JSON = "snapshot.json";
    static final String STDOUT = "stdout.log";
    static final String STDERR = "stderr.log";
    /** Files of a run that the API hands out. */
    public static final Set<String> RESULT_FILES =
            Set.of(ForecastReport.REPORT_HTML, ForecastReport.FORECAST_JSON, "weekly.csv");

    /** The child's refusal of a scenario (exit 2): {@code scenario.<field>: <reason>} on stderr. */
    private static final Pattern SCENARIO_ERROR = Pattern.compile("^scenario\\.(\\S+?):\\s*(.+)$");

    /** A week done ({@code PROGRESS}) or, before the first week, another part of the start state placed. */
    private static final Pattern PROGRESS = Pattern.compile("^(PROGRESS|PLACING)\\s+(.*)$");

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    /** Variables that would point the child at the production database: the child gets none of them. */
    private static final List<String> PRODUCTION_ENVIRONMENT =
            List.of("SPRING_DATASOURCE", "SPRING_APPLICATION_JSON", "SPRING_FLYWAY", "SPRING_CONFIG");

    private final ForecastProperties properties;
    private final ForecastReport report;
    private final SnapshotSource snapshots;
    private final Clock clock;
    private final ObjectMapper json;

    private Process child;
    private String childRun;

    ForecastJobs(
            ForecastProperties properties,
            ForecastReport report,
            SnapshotSource snapshots,
            Clock clock,
            ObjectMapper json) {
        this.properties = properties;
        this.report = report;
        this.snapshots = snapshots;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Runs that were RUNNING when the application stopped have no child any more. */
    @PostConstruct
    void markInterruptedRuns() throws IOException {
        Files.createDirectories(properties.workDir());
        for (ForecastJob run : list()) {
            if (run.status() == Status.RUNNING) {
                save(run.finished(
                        clock.instant(),
                        Status.INTERRUPTED,
                        null,
                        null,
                        "The application stopped while the forecast ran; start it again."));
            }
        }
    }

    @PreDestroy
    synchronized void stopChild() {
        if (child != null && child.isAlive()) {
            log.info("Stopping forecast {} with the application", childRun);
            child.destroy();
        }
    }

    /**
     * Checks the request, takes the snapshot when asked, and starts the child. Refused with 400 naming the field, or
     * 409 while another forecast runs on this node.
     */
    public synchronized ForecastJob start(ForecastRequest request, String user) throws IOException {
        Scenario scenario = check(request);
        if (child != null && child.isAlive()) {
            throw new ConflictException("Forecast " + childRun + " is running on this node; one runs at a time."
                    + " Try again when it has finished (GET /api/forecasts/" + childRun + ").");
        }
        Instant now = clock.instant();
        String id = ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectories(properties.workDir().resolve(id)).toAbsolutePath();
        List<String> arguments = new ArrayList<>(List.of("forecast", "--scenario"));
        if (request.yaml() != null) {
            Files.writeString(dir.resolve(SCENARIO_YAML), request.yaml(), StandardCharsets.UTF_8);
            arguments.add(dir.resolve(SCENARIO_YAML).toString());
        } else {
            arguments.add(request.scenario());
        }
        arguments.addAll(List.of("--out", dir.toString()));
        if (request.seed() != null) {
            arguments.addAll(List.of("--seed", String.valueOf(request.seed())));
        }
        if (request.weeks() != null) {
            arguments.addAll(List.of("--weeks", String.valueOf(request.weeks())));
        }
        if (request.shards() != null && request.shards() > 1) {
            arguments.addAll(List.of("--shards", String.valueOf(request.shards())));
        }
        long startCases = scenario.stock() == null ? 0 : scenario.stock().total();
        if (request.startsFromNow()) {
            // from now, the running system's open cases are the start state, not the scenario's stock
            ForecastSnapshot snapshot = snapshots.take();
            startCases = snapshot.cases().size();
            json.writeValue(dir.resolve(SNAPSHOT_JSON).toFile(), snapshot);
            arguments.addAll(List.of("--from-now", dir.resolve(SNAPSHOT_JSON).toString()));
        }
        ForecastSizing.Choice sizing = properties
                .sizing()
                .choose(
                        request.sample(),
                        startCases,
                        ForecastSizing.inflowCases(
                                scenario, request.weeks() != null ? request.weeks() : scenario.weeks()),
                        request.shards() != null ? request.shards() : 1,
                        ForecastSizing.heapMb(properties.javaOptions()));
        if (sizing.sample() > 1) {
            arguments.addAll(List.of("--sample", String.valueOf(sizing.sample())));
        }
        ForecastJob run = new ForecastJob(
                id,
                scenario.name(),
                user,
                now,
                null,
                Status.RUNNING,
                null,
                request.seed(),
                request.weeks(),
                request.startsFromNow(),
                null,
                null,
                null,
                sizing);
        save(run);
        ProcessBuilder builder = new ProcessBuilder(command(arguments))
                .redirectOutput(dir.resolve(STDOUT).toFile())
                .redirectError(dir.resolve(STDERR).toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> PRODUCTION_ENVIRONMENT.stream().anyMatch(name::startsWith));
        log.info("Forecast {} for {}: {}", id, user, builder.command());
        Process started = builder.start();
        child = started;
        childRun = id;
        started.onExit().thenAccept(exited -> finish(id, dir, exited));
        started.onExit()
                .orTimeout(properties.maxDuration().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(overdue -> {
                    log.warn("Forecast {} ran longer than {}; stopping it", id, properties.maxDuration());
                    started.destroyForcibly();
                    return started;
                });
        return run;
    }

    /** The child's exit becomes the run's status; its refusal of the scenario, field errors. */
    private void finish(String id, Path dir, Process exited) {
        try {
            ForecastJob run = read(dir).orElseThrow();
            run = run.withProgress(progress(dir));
            int code = exited.exitValue();
            Instant now = clock.instant();
            if (code == 0) {
                if (!Files.exists(dir.resolve(ForecastReport.REPORT_HTML))
                        && Files.exists(dir.resolve(ForecastReport.FORECAST_JSON))) {
                    // a child without the report writer (an older jar) still leaves a readable result
                    report.write(dir);
                }
                run = run.finished(now, Status.DONE, code, null, null);
            } else if (code == 2) {
                run = run.finished(now, Status.INVALID, code, scenarioErrors(dir), null);
            } else {
                run = run.finished(now, Status.FAILED, code, null, failure(dir.resolve(STDERR)));
            }
            save(run);
            log.info("Forecast {} ended: {} (exit {})", id, run.status(), code);
        } catch (IOException | RuntimeException e) {
            log.error("Forecast {} ended, but its result could not be recorded", id, e);
        }
    }

    public Optional<ForecastJob> find(String id) throws IOException {
        if (id == null || !id.matches(ID_PATTERN)) {
            return Optional.empty();
        }
        Path dir = properties.workDir().resolve(id);
        Optional<ForecastJob> run = read(dir);
        return run.isPresent() ? Optional.of(withLiveProgress(run.get(), dir)) : run;
    }

    /** A running run with the child's last progress line; a finished one keeps the progress it ended with. */
    private static ForecastJob withLiveProgress(ForecastJob run, Path dir) throws IOException {
        return run.status() == Status.RUNNING ? run.withProgress(progress(dir)) : run;
    }

    /** Every run on this node's work directory, newest first. */
    public List<ForecastJob> list() throws IOException {
        List<ForecastJob> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(properties.workDir())) {
            for (Path dir : dirs.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches(ID_PATTERN))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .toList()) {
                Optional<ForecastJob> run = read(dir);
                if (run.isPresent()) {
                    runs.add(withLiveProgress(run.get(), dir));
                }
            }
        }
        return runs;
    }

    /** A result file of a finished run ({@link #RESULT_FILES}, or {@code charts/<name>.png}). */
    public Optional<Path> file(String id, String name) throws IOException {
        Optional<ForecastJob> run = find(id);
        if (run.isEmpty() || !(RESULT_FILES.contains(name) || name.matches("charts/[a-z0-9-]{1,40}\\.png"))) {
            return Optional.empty();
        }
        Path file = properties.workDir().resolve(id).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** One report over several finished runs, scenario beside scenario; its HTML. */
    public String compare(List<String> ids) throws IOException {
        List<Path> results = new ArrayList<>();
        for (String id : ids) {
            results.add(file(id, ForecastReport.FORECAST_JSON)
                    .orElseThrow(() ->
                            new InvalidRequestException("ids", "forecast " + id + " does not exist or has no result")));
        }
        Path out = Files.createTempDirectory(properties.workDir(), "compare-");
        try {
            return Files.readString(report.compare(results, out), StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(out)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The scenario when it is good; 400 naming the field otherwise. */
    private Scenario check(ForecastRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Scenario scenario = null;
        boolean named = request.scenario() != null && !request.scenario().isBlank();
        boolean written = request.yaml() != null && !request.yaml().isBlank();
        if (named == written) {
            errors.add(new FieldError(
                    named ? "yaml" : "scenario",
                    "give either a shipped scenario's name (scenario) or a scenario file's YAML (yaml)"));
        } else if (named && !SCENARIO_NAME.matcher(request.scenario()).matches()) {
            errors.add(new FieldError("scenario", "a shipped scenario's name: lower-case letters, digits and '-'"));
        } else if (named
                && ForecastJobs.class.getClassLoader().getResource(ScenarioReader.SHIPPED + request.scenario() + ".yml")
                        == null) {
            errors.add(new FieldError(
                    "scenario",
                    "no shipped scenario '" + request.scenario() + "'; shipped: "
                            + String.join(", ", ScenarioReader.SHIPPED_NAMES) + " (or send your own as yaml)"));
        } else {
            // the child's own check, here: a bad scenario is refused before a JVM starts for it
            try {
                scenario = named
                        ? ScenarioReader.read(request.scenario())
                        : ScenarioReader.parse(
                                new ByteArrayInputStream(request.yaml().getBytes(StandardCharsets.UTF_8)));
            } catch (ScenarioException e) {
                errors.add(new FieldError(e.field().isEmpty() ? "scenario" : "scenario." + e.field(), e.reason()));
            }
        }
        if (request.weeks() != null && (request.weeks() < 1 || request.weeks() > MAX_WEEKS)) {
            errors.add(new FieldError("weeks", "must be between 1 and " + MAX_WEEKS));
        }
        if (request.seed() != null && request.seed() < 0) {
            errors.add(new FieldError("seed", "must not be negative"));
        }
        if (request.shards() != null && (request.shards() < 1 || request.shards() > ScenarioShards.MAX)) {
            errors.add(new FieldError(
                    "shards", "the number of JVMs to divide the forecast over: 1 to " + ScenarioShards.MAX));
        }
        if (request.sample() != null && (request.sample() < 1 || request.sample() > ForecastCommand.MAX_SAMPLE)) {
            errors.add(new FieldError(
                    "sample", "the part of the chain to run, 1/N: 1 (every case) to " + ForecastCommand.MAX_SAMPLE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return scenario;
    }

    /**
     * {@code java [options] -jar app.jar forecast ...} when this application runs from its jar, else {@code java
     * [options] -cp <class path> <main class> forecast ...}: the same code and models as the live application.
     */
    List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (!properties.command().isEmpty()) {
            command.addAll(properties.command());
        } else {
            command.add(ProcessHandle.current()
                    .info()
                    .command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString()));
            command.addAll(properties.javaOptions());
            command.add("-Djava.awt.headless=true");
            String classPath = withoutEmptyEntries(System.getProperty("java.class.path"));
            if (isBootJar(classPath)) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, MAIN_CLASS));
            }
        }
        command.addAll(arguments);
        return command;
    }

    /**
     * An empty class path entry (a trailing {@code :}, as Maven's test runners leave one) means the working directory:
     * from the project's root the child would find {@code bpmn/} and {@code dmn/} there a second time and refuse to
     * deploy the same process key twice.
     */
    static String withoutEmptyEntries(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** The packaged application: one jar whose manifest names a Spring Boot start class. */
    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The last {@code PROGRESS} or {@code PLACING key=value ...} line the child printed, or null before the first: a
     * {@code PLACING} line has the cases placed and to place, and no week yet.
     */
    static Progress progress(Path dir) throws IOException {
        String line = null;
        for (String candidate : tail(dir.resolve(STDOUT))) {
            if (PROGRESS.matcher(candidate).matches()) {
                line = candidate;
            }
        }
        if (line == null) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = PROGRESS.matcher(line);
        matcher.matches();
        for (String pair : matcher.group(2).trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return new Progress(
                fields.containsKey("date") ? parseDate(fields.get("date")) : null,
                integer(fields.get("week")),
                integer(fields.get("weeks")),
                number(fields.get("cases")),
                number(fields.get("steps")),
                number(fields.get("stepsPerSecond")),
                number(fields.get("etaSeconds")),
                number(fields.get("placed")),
                number(fields.get("toPlace")));
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        Long value = number(text);
        return value == null ? null : value.intValue();
    }

    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<FieldError> scenarioErrors(Path dir) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        for (String line : tail(dir.resolve(STDERR))) {
            Matcher matcher = SCENARIO_ERROR.matcher(line.trim());
            if (matcher.matches()) {
                errors.add(new FieldError("scenario." + matcher.group(1), matcher.group(2)));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError("scenario", "refused by the forecast: " + lastLines(dir.resolve(STDERR), 3)));
        }
        return errors;
    }

    /**
     * A run stopped short of heap: the line that says so and what to do. Otherwise the root cause of a Java failure
     * (its last "Caused by"), then the last lines: what a reader needs first.
     */
    private static String failure(Path stderr) throws IOException {
        String cause = null;
        for (String line : tail(stderr)) {
            if (line.startsWith(ForecastCommand.STOPPED)) {
                return line;
            }
            if (line.startsWith("Caused by: ") || line.matches("^[\\w.$]+(Exception|Error)(: .*)?$")) {
                cause = line;
            }
        }
        String last = lastLines(stderr, 5);
        return cause == null || last.contains(cause) ? last : cause + "\n...\n" + last;
    }

    private static String lastLines(Path file, int count) throws IOException {
        List<String> lines = tail(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The last 64 KB of a log: a child's log is long (Spring's start-up), the lines wanted are at its end. */
    private static List<String> tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(
                    new String(bytes, StandardCharsets.UTF_8).lines().toList());
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines;
        }
    }

    private Optional<ForecastJob> read(Path dir) throws IOException {
        Path file = dir.resolve(RUN_JSON);
        return Files.exists(file) ? Optional.of(json.readValue(file.toFile(), ForecastJob.class)) : Optional.empty();
    }

    private synchronized void save(ForecastJob run) throws IOException {
        Path dir = properties.workDir().resolve(run.id());
        Path temporary = dir.resolve(RUN_JSON + ".tmp");
        json.writeValue(temporary.toFile(), run);
        Files.move(
                temporary,
                dir.resolve(RUN_JSON),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}

package nl.asylumchain.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.asylumchain.forecast.report.ForecastReport;

/**
 * A forecast over several cores: the scenario divided into shards ({@link ScenarioShards}), run side by side in one
 * child JVM ({@code forecast ... --shard 0,1,.../N}, {@link ShardThreads}: a thread, a context and an isolated engine
 * each, on a clock of its own), and the shards' partial results merged into the one {@code forecast.json}, {@code
 * weekly.csv} and report ({@link ShardMerge}). This parent starts no Spring context and no engine: it waits, shows the
 * progress of the slowest shard, and merges.
 *
 * <p>The child gets the heap this JVM was given (at least {@value #MIN_HEAP_MB} MB a shard), so that {@code java -Xmx2g
 * -jar ... --shards 2} keeps the engines together within 2 GB, and the parallel collector unless this JVM names one
 * ({@link #jvmOptions}).
 */
final class ShardedForecast {

    static final String SHARDS_DIR = "shards";
    static final int MIN_HEAP_MB = 512;

    /** The child's collector when this JVM names none. */
    static final String DEFAULT_COLLECTOR = "-XX:+UseParallelGC";

    private static final Pattern PROGRESS = Pattern.compile("^PROGRESS\\s+(.*)$");
    private static final Pattern PLACING = Pattern.compile("^PLACING\\s+(.*)$");
    /** Options of this JVM a child must not inherit: its heap is set apart, a recording or debugger would clash. */
    private static final List<String> NOT_INHERITED = List.of(
            "-Xmx",
            "-Xms",
            "-XX:MaxRAM",
            "-XX:InitialRAM",
            "-XX:MinRAM",
            "-XX:StartFlightRecording",
            "-agentlib:jdwp",
            "-Djava.awt.headless");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final int count;
    private final int sample;
    private final Path out;
    private final PrintStream progress;
    private final long started = System.nanoTime();
    private final Map<Integer, Map<String, String>> latest = new HashMap<>();
    private final Map<Integer, Map<String, String>> placing = new HashMap<>();
    private int weekShown;
    private long placingShown = -1;

    ShardedForecast(int count, int sample, Path out, PrintStream progress) {
        this.count = count;
        this.sample = sample;
        this.out = out;
        this.progress = progress;
    }

    /** Runs {@code whole} in {@code count} shards; the command's exit code (0 done, 1 failed, 3 short of heap). */
    static int run(String scenarioArgument, Scenario whole, int count, Path out, PrintStream stdout, PrintStream stderr)
            throws IOException, InterruptedException {
        return run(scenarioArgument, whole, null, count, 1, out, stdout, stderr);
    }

    /**
     * Runs a sample of 1/{@code sample} of {@code whole} in {@code count} shards (the first {@code count} of {@code
     * count × sample} shards) and scales the merged result to the whole ({@link ShardMerge}); with a sample of 1 every
     * case runs. With {@code fromNow} (a snapshot file; null: the scenario's start state) each shard places its part
     * of the snapshot's cases ({@link ForecastSnapshot#part}).
     */
    static int run(
            String scenarioArgument,
            Scenario whole,
            Path fromNow,
            int count,
            int sample,
            Path out,
            PrintStream stdout,
            PrintStream stderr)
            throws IOException, InterruptedException {
        return new ShardedForecast(count, sample, out, stdout).run(scenarioArgument, whole, fromNow, stderr);
    }

    private int run(String scenarioArgument, Scenario whole, Path fromNow, PrintStream stderr)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(out.resolve(SHARDS_DIR));
        List<String> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexes.add(String.valueOf(i));
        }
        List<String> arguments = new ArrayList<>(List.of(
                "forecast",
                "--scenario",
                scenarioArgument,
                "--out",
                dir.toString(),
                "--seed",
                String.valueOf(whole.seed()),
                "--weeks",
                String.valueOf(whole.weeks()),
                "--shard",
                String.join(",", indexes) + "/" + count * sample));
        if (fromNow != null) {
            arguments.addAll(List.of("--from-now", fromNow.toAbsolutePath().toString()));
        }
        Process child = new ProcessBuilder(command(arguments))
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
        // a parent stopped (the API's destroy, Ctrl-C) takes its shards with it
        Thread stopChild = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            follow(child, dir.resolve("stdout.log"));
            int code = child.waitFor();
            if (code != 0) {
                stderr.println(
                        "forecast failed: the shards' JVM exited " + code + "; its log: " + dir.resolve("stderr.log"));
                lastLines(dir.resolve("stderr.log"), 20).forEach(stderr::println);
                // 2 a refused scenario, 3 too little heap: the child's own answer, with its last line as the reason
                return code == 2 || code == ForecastCommand.EXIT_TOO_LITTLE_HEAP ? code : 1;
            }
        } finally {
            if (child.isAlive()) {
                child.destroy();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already
            }
        }
        List<ShardResult> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shards.add(JSON.readValue(shardDir(i).resolve(ShardResult.FILE).toFile(), ShardResult.class));
        }
        ForecastResult result = ShardMerge.merge(whole, shards, sample, (System.nanoTime() - started) / 1e9);
        ForecastFiles.write(result, out);
        new ForecastReport().write(out);
        ShardMerge.problems(shards).forEach((problem, n) -> stderr.println("PROBLEM " + n + "x " + problem));
        progress.println(ForecastCommand.runLine(
                        result.run(),
                        Math.round(shards.stream()
                                                .mapToDouble(ShardResult::cpuSeconds)
                                                .sum()
                                        * 10)
                                / 10.0)
                + " shards=" + count
                + (sample > 1 ? " sample=" + sample : ""));
        progress.println("REPORT " + out.resolve(ForecastFiles.JSON));
        progress.flush();
        return 0;
    }

    private Path shardDir(int index) {
        return out.resolve(SHARDS_DIR).resolve(String.valueOf(index));
    }

    /** Copies the child's standard output to its log and takes each shard's progress lines. */
    private void follow(Process child, Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                copy.write(line);
                copy.write('\n');
                // the log must be readable while the shards run and after the parent was stopped
                copy.flush();
                shardLine(line);
            }
        } catch (IOException e) {
            // the child is gone; its exit code tells what happened
        }
    }

    /** A line of the shards' JVM: a shard's week or placement progress is taken into the whole's, the rest left. */
    void shardLine(String line) {
        Matcher week = PROGRESS.matcher(line);
        if (week.matches()) {
            progressed(week.group(1));
        }
        Matcher placed = PLACING.matcher(line);
        if (placed.matches()) {
            placed(placed.group(1));
        }
    }

    /**
     * A shard finished a week. When every shard has finished it, one line for the whole: the week and date of the
     * slowest shard, cases and steps and CPU of all, the longest remaining time.
     */
    private void progressed(String fields) {
        Map<String, String> line = fields(fields);
        latest.put((int) number(line, "shard"), line);
        if (latest.size() < count) {
            return;
        }
        Map<String, String> slowest = latest.values().stream()
                .min(java.util.Comparator.comparingLong(l -> number(l, "week")))
                .orElseThrow();
        long week = number(slowest, "week");
        if (week <= weekShown) {
            return;
        }
        weekShown = (int) week;
        long steps = sum("steps");
        double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
        progress.printf(
                Locale.ROOT,
                "PROGRESS date=%s week=%d weeks=%s cases=%d steps=%d stepsPerSecond=%d etaSeconds=%d"
                        + " cpuSeconds=%.1f heapMb=%d shards=%d%s%n",
                slowest.get("date"),
                week,
                slowest.get("weeks"),
                sum("cases"),
                steps,
                Math.round(steps / seconds),
                latest.values().stream()
                        .mapToLong(l -> number(l, "etaSeconds"))
                        .max()
                        .orElse(0),
                cpuSeconds(latest.values()),
                heapInUseMb(latest.values()),
                count,
                sample > 1 ? " sample=" + sample : "");
        progress.flush();
    }

    /**
     * A shard placed another hundredth of its start state: once every shard has told what it places (they start
     * together), one line for the whole each time the placed share reaches another hundredth, with the longest
     * remaining time of a shard. A shard with nothing to place tells nothing, so a stock smaller than the number of
     * shards (placed in moments) gets no line.
     */
    private void placed(String fields) {
        Map<String, String> line = fields(fields);
        placing.put((int) number(line, "shard"), line);
        if (placing.size() < count) {
            return;
        }
        long placed =
                placing.values().stream().mapToLong(l -> number(l, "placed")).sum();
        long total =
                placing.values().stream().mapToLong(l -> number(l, "toPlace")).sum();
        long hundredth = placed * 100 / Math.max(total, 1);
        if (hundredth == placingShown) {
            return;
        }
        placingShown = hundredth;
        OptionalLong eta = placing.values().stream()
                .filter(l -> l.containsKey("etaSeconds"))
                .mapToLong(l -> number(l, "etaSeconds"))
                .max();
        progress.printf(
                Locale.ROOT,
                "PLACING placed=%d toPlace=%d%s cpuSeconds=%.1f heapMb=%d shards=%d%s%n",
                placed,
                total,
                eta.isPresent() ? " etaSeconds=" + eta.getAsLong() : "",
                cpuSeconds(placing.values()),
                heapInUseMb(placing.values()),
                count,
                sample > 1 ? " sample=" + sample : "");
        progress.flush();
    }

    /** The shards' run threads' CPU seconds together. */
    private static double cpuSeconds(Collection<Map<String, String>> lines) {
        return lines.stream()
                .mapToDouble(l -> Double.parseDouble(l.getOrDefault("cpuSeconds", "0")))
                .sum();
    }

    /** The heap in use: the largest a shard saw, as the shards share one JVM's heap. */
    private static long heapInUseMb(Collection<Map<String, String>> lines) {
        return lines.stream().mapToLong(l -> number(l, "heapMb")).max().orElse(0);
    }

    private static Map<String, String> fields(String fields) {
        Map<String, String> line = new HashMap<>();
        for (String pair : fields.trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                line.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return line;
    }

    private long sum(String field) {
        return latest.values().stream().mapToLong(l -> number(l, field)).sum();
    }

    private static long number(Map<String, String> line, String field) {
        try {
            return Math.round(Double.parseDouble(line.getOrDefault(field, "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code java [this JVM's options, a shard's heap] -cp|-jar ... forecast ...}: the same code as this JVM. */
    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions(
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().maxMemory(),
                count));
        String classPath = ForecastJobs.withoutEmptyEntries(System.getProperty("java.class.path"));
        if (ForecastJobs.isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, ForecastJobs.MAIN_CLASS));
        }
        command.addAll(arguments);
        return command;
    }

    /**
     * The child's JVM options: this JVM's own (except {@link #NOT_INHERITED}), the shards' heap, and the parallel
     * collector unless this JVM names a collector. The shards' engines keep a live set that grows to most of the heap
     * over a year, for which G1's concurrent marking runs back to back; side by side the parallel collector took a fifth
     * less process CPU for the same year (docs/forecast.md, sixteenth round). The application's own child options name
     * it too.
     */
    static List<String> jvmOptions(List<String> inputArguments, long maxMemoryBytes, int count) {
        List<String> options = new ArrayList<>();
        for (String option : inputArguments) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)) {
                options.add(option);
            }
        }
        if (options.stream().noneMatch(ShardedForecast::namesCollector)) {
            options.add(DEFAULT_COLLECTOR);
        }
        // the -Xmx given, not the maximum the JVM reports: the parallel collector leaves a survivor space out of that
        // (1,820 MB of -Xmx2g), and a child given it would have less again
        long given = ForecastSizing.heapMb(inputArguments, maxMemoryBytes / (1024 * 1024));
        options.add("-Xmx" + heapMb(given * 1024 * 1024, count) + "m");
        options.add("-Djava.awt.headless=true");
        return options;
    }

    /** {@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, {@code -XX:-UseSerialGC} and the like. */
    private static boolean namesCollector(String option) {
        return option.matches("-XX:[+-]Use\\w*GC");
    }

    /** The shards' heap together: this JVM's, at least {@value #MIN_HEAP_MB} MB a shard (an engine needs that). */
    static long heapMb(long heapBytes, int shards) {
        return Math.max((long) MIN_HEAP_MB * shards, heapBytes / (1024 * 1024));
    }

    private static List<String> lastLines(Path file, int n) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}

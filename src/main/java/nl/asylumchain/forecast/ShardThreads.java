package nl.asylumchain.forecast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child of a divided forecast ({@code forecast ... --shard I,J,.../N}): its shards side by side in this one JVM,
 * each on a thread of its own with a Spring context, an in-memory database, an engine (named {@code forecastI}) and
 * a virtual clock of its own ({@code process.ShardClock}). One JVM rather than one per shard, because the engine,
 * MyBatis, H2 and Spring are a lot of code that becomes hot: a JVM per shard compiled all of it again, which cost a
 * shard about as much CPU as a third of its own work (docs/forecast.md, "Thirteenth round").
 *
 * <p>Each shard writes its partial result to {@code OUT/I/shard.json} ({@link ShardResult}) and its progress lines
 * with {@code shard=I} added; the first shard to fail stops the others at their next day.
 */
final class ShardThreads {

    private ShardThreads() {}

    static void run(
            Scenario whole, ForecastSnapshot snapshot, ForecastCommand.Shards shards, Path out, PrintStream progress)
            throws IOException, InterruptedException {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(shards.indexes().size(), work -> {
            Thread thread = new Thread(work, "forecast-shard");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // one after another: a Spring Boot context sets up logging for the whole JVM as it starts
            List<Scenario> parts = new ArrayList<>();
            for (int index : shards.indexes()) {
                Scenario part = ScenarioShards.shard(whole, index, shards.count(), ScenarioShards.receptionDefaults());
                contexts.add(ForecastCommand.start(part, ForecastCommand.engineName(index)));
                parts.add(part);
            }
            CompletionService<Void> running = new ExecutorCompletionService<>(threads);
            for (int i = 0; i < contexts.size(); i++) {
                int index = shards.indexes().get(i);
                ConfigurableApplicationContext context = contexts.get(i);
                Scenario part = parts.get(i);
                running.submit(() -> {
                    Thread.currentThread().setName("forecast-shard-" + index);
                    runShard(context, part, snapshot, index, shards.count(), out, progress);
                    return null;
                });
            }
            // in the order they end: the first to fail stops the others, which end at their next day
            Throwable failed = null;
            for (int i = 0; i < contexts.size(); i++) {
                try {
                    running.take().get();
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = e.getCause();
                        contexts.forEach(
                                context -> context.getBean(ForecastRun.class).cancel());
                    }
                }
            }
            if (failed instanceof IOException io) {
                throw io;
            }
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
        } finally {
            threads.shutdownNow();
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static void runShard(
            ConfigurableApplicationContext context,
            Scenario scenario,
            ForecastSnapshot whole,
            int index,
            int count,
            Path out,
            PrintStream progress)
            throws IOException {
        ForecastRun run = context.getBean(ForecastRun.class);
        ForecastSnapshot snapshot = null;
        if (whole != null) {
            // a shard of a divided or sampled run places its part of the running system's cases; from now, day 0 is
            // the day the snapshot was taken, in business time
            snapshot = whole.part(index, count);
            scenario = ForecastCommand.startingOn(
                    scenario,
                    snapshot.takenAt()
                            .atZone(context.getBean(Clock.class).getZone())
                            .toLocalDate());
        }
        ForecastResult result = run.run(scenario, snapshot, shardLines(progress, index));
        // a part for the parent to merge: no report, no problems on stderr (the parent adds them up)
        Path dir = out.resolve(String.valueOf(index));
        ForecastCommand.writeShard(
                new ShardResult(index, count, result, run.leadTimes(), run.cpuSeconds(), new TreeMap<>(run.problems())),
                dir);
        synchronized (progress) {
            progress.println("SHARD " + dir.resolve(ShardResult.FILE));
            progress.flush();
        }
    }

    /** A stream of whole lines into {@code target}, each with {@code shard=INDEX} added, never two lines mixed. */
    static PrintStream shardLines(PrintStream target, int index) {
        return new PrintStream(
                new OutputStream() {
                    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                    @Override
                    public void write(int b) {
                        if (b != '\n') {
                            line.write(b);
                            return;
                        }
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        synchronized (target) {
                            target.println(text + " shard=" + index);
                            target.flush();
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }
}

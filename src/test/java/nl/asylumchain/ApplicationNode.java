package nl.asylumchain;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged application (target/asylum-chain-*.jar) in a JVM of its own, on a database the test names. A child
 * JVM, not a second Spring context: Camunda's clock (ClockUtil) is static per JVM, and the engine REST API finds its
 * engine by name in a static registry, so two engines in one JVM would share a clock and talk to each other's
 * database. Output goes to target/node-{name}.log.
 */
final class ApplicationNode {

    private static final Duration START_UP = Duration.ofSeconds(Integer.getInteger("nodes.start-up-seconds", 240));

    private final String name;
    private final int port;
    private final Process process;

    private ApplicationNode(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the jar against this database; {@code settings} are extra {@code --key=value} arguments. */
    static ApplicationNode start(String name, String jdbcUrl, List<String> settings) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("asylum-chain-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no application jar in target/: run the package phase"));
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                // a throwaway database: the demo users log the test clients in
                "--asylumchain.demo.users-on-production-database=true",
                "--logging.level.root=WARN"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "node-" + name + ".log").toFile())
                .start();
        return new ApplicationNode(name, port, process);
    }

    /** Waits until the node answers its health check. */
    ApplicationNode awaitUp() throws InterruptedException {
        ChainClient client = new ChainClient(port);
        Instant deadline = Instant.now().plus(START_UP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " stopped; see target/node-" + name + ".log");
            }
            try {
                if (client.get("/actuator/health", null).status() == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Node " + name + " did not start within " + START_UP);
    }

    /** Like a power cut: no shutdown hook, no graceful stop, locks stay where they are. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Freezes the node (SIGSTOP): it holds its connections and does nothing until {@link #resume()}. */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (exit != 0) {
            throw new AssertionError("kill " + signal + " " + process.pid() + " exited " + exit);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String name() {
        return name;
    }

    /**
     * What the node logged at ERROR, each entry with the first lines of its stack trace and every "Caused by" line:
     * for the message of a failed test, since CI shows the message and not the node's log file.
     */
    String errors() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("target", "node-" + name + ".log"));
        } catch (IOException unreadable) {
            return "(node " + name + ": log unreadable: " + unreadable.getMessage() + ")";
        }
        StringBuilder errors = new StringBuilder();
        boolean inError = false;
        int frames = 0;
        for (String line : lines) {
            if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
                // a new log entry
                inError = line.contains(" ERROR ");
                if (inError) {
                    errors.append("node ")
                            .append(name)
                            .append(": ")
                            .append(line)
                            .append('\n');
                }
            } else if (inError) {
                if (!line.startsWith("\t")) {
                    // the exception's class and message, or a "Caused by" line
                    errors.append(line).append('\n');
                    frames = 0;
                } else if (frames++ < 3) {
                    errors.append(line).append('\n');
                }
            }
        }
        return errors.toString();
    }

    ChainClient client() {
        return new ChainClient(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

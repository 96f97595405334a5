package nl.asylumchain;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application, killed with {@code kill -9} under load and started again on the same PostgreSQL: what
 * it acknowledged survives. Parallel clients register cases (each with its own Idempotency-Key) and complete their
 * first task while the process is destroyed forcibly. After the restart every case whose POST was answered 201
 * exists with its running main process, every task whose completion was answered 204 stays completed, and a client
 * that repeats an unanswered POST with its key gets its one case: no case, process or V-number twice, no case
 * without a process. Runs in failsafe, after {@code package} has built the jar.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    /** How long the load runs after the first work was acknowledged, before the kill. */
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("crash.load-seconds", 3));

    private static final Duration START_UP = Duration.ofSeconds(Integer.getInteger("crash.start-up-seconds", 240));
    private static final Map<String, Object> IDENTIFIED =
            CaseDriver.SPOOR_4_ANSWERS.get(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER);

    @Test
    void acknowledgedWorkSurvivesAKillAndNothingIsDuplicated() throws Exception {
        EmbeddedPostgres postgres = TestPostgres.server();
        String database = "crash_" + System.currentTimeMillis();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        String url = postgres.getJdbcUrl("postgres", database);
        int port = freePort();

        Process app = start(url, port, "first");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Map<String, String> completed = new ConcurrentHashMap<>();
        try {
            awaitUp(app, port, "first");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(
                        () -> load(new ChainClient(port), client, running, sent, acknowledged, completed),
                        "crash-client-" + c);
                thread.start();
                clients.add(thread);
            }
            // a cold application answers slowly at first: kill it once work is being acknowledged, mid-load
            Instant warm = Instant.now().plus(Duration.ofSeconds(90));
            while ((acknowledged.size() < 12 || completed.size() < 4)
                    && Instant.now().isBefore(warm)) {
                Thread.sleep(200);
            }
            Thread.sleep(LOAD.toMillis());
            app.destroyForcibly().waitFor();
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        } finally {
            app.destroyForcibly().waitFor();
        }
        System.out.println("CrashRecovery: " + sent.size() + " intakes sent, " + acknowledged.size() + " acknowledged, "
                + completed.size() + " tasks completed before the kill");
        assertThat(acknowledged).as("cases acknowledged before the kill").isNotEmpty();
        assertThat(completed).as("tasks completed before the kill").isNotEmpty();

        Process restarted = start(url, port, "restarted");
        try {
            awaitUp(restarted, port, "restarted");
            ChainClient client = new ChainClient(port);
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertThat(client.get("/api/cases/" + ack.getValue(), "demo").status())
                        .as("case " + ack)
                        .isEqualTo(200);
                assertThat(client.get(
                                        "/engine-rest/process-instance/count?processDefinitionKey="
                                                + CaseModel.PROCESS_KEY + "&businessKey=" + ack.getValue(),
                                        "demo")
                                .body()
                                .path("count")
                                .asLong())
                        .as("running main process of " + ack)
                        .isEqualTo(1);
            }
            for (Map.Entry<String, String> task : completed.entrySet()) {
                assertThat(client.get("/engine-rest/task/" + task.getKey(), "demo")
                                .status())
                        .as("completed task " + task)
                        .isEqualTo(404);
                JsonNode history = client.get("/engine-rest/history/task?taskId=" + task.getKey(), "demo")
                        .body();
                assertThat(history.get(0).path("endTime").isNull())
                        .as("end of task " + task)
                        .isFalse();
            }
            // the clients repeat what was never answered, with the same key: one case per key, no more
            for (String key : sent) {
                Response repeat =
                        client.post("/api/cases", "agent", ChainClient.application(), Map.of("Idempotency-Key", key));
                assertThat(repeat.status())
                        .as("repeat of " + key + ": " + repeat.body())
                        .isIn(200, 201);
                if (acknowledged.containsKey(key)) {
                    assertThat(repeat.body().path("caseId").asText()).isEqualTo(acknowledged.get(key));
                }
            }
            DataSource data = postgres.getDatabase("postgres", database);
            assertThat(count(data, "select count(*) from cases")).isEqualTo(sent.size());
            assertThat(count(data, "select count(distinct v_number) from cases"))
                    .isEqualTo(sent.size());
            assertThat(count(
                            data,
                            "select count(*) from act_hi_procinst where proc_def_key_ = '" + CaseModel.PROCESS_KEY
                                    + "'"))
                    .isEqualTo(sent.size());
            assertThat(count(
                            data,
                            "select count(distinct business_key_) from act_hi_procinst where proc_def_key_ = '"
                                    + CaseModel.PROCESS_KEY + "'"))
                    .isEqualTo(sent.size());
            assertThat(count(
                            data,
                            "select count(*) from cases c where not exists (select 1 from act_ru_execution e"
                                    + " where e.business_key_ = cast(c.case_id as varchar) and e.parent_id_ is null)"))
                    .as("cases without a running process")
                    .isZero();
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    /** One client: registers cases and completes each one's first task, until the server is gone. */
    private static void load(
            ChainClient client,
            int number,
            AtomicBoolean running,
            Set<String> sent,
            Map<String, String> acknowledged,
            Map<String, String> completed) {
        for (int i = 0; running.get(); i++) {
            String key = "crash-" + number + "-" + i;
            sent.add(key);
            try {
                Response created =
                        client.post("/api/cases", "agent", ChainClient.application(), Map.of("Idempotency-Key", key));
                if (created.status() != 201) {
                    continue;
                }
                String caseId = created.body().path("caseId").asText();
                acknowledged.put(key, caseId);
                for (JsonNode task : client.openTasks(caseId)) {
                    if (RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER.equals(
                                    task.path("taskDefinitionKey").asText())
                            && client.completeTask(task.path("id").asText(), "agent", IDENTIFIED)
                                            .status()
                                    == 204) {
                        completed.put(task.path("id").asText(), caseId);
                    }
                }
            } catch (RuntimeException serverGone) {
                // killed mid-request: this answer never came, the client will repeat it with its key
                return;
            }
        }
    }

    private static Process start(String url, int port, String name) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("asylum-chain-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no application jar in target/: run the package phase"));
        }
        File log = Path.of("target", "crash-recovery-" + name + ".log").toFile();
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.metrics.enabled=false",
                        // a throwaway database: the demo users log the test clients in
                        "--asylumchain.demo.users-on-production-database=true",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static void awaitUp(Process app, int port, String name) throws Exception {
        ChainClient client = new ChainClient(port);
        Instant deadline = Instant.now().plus(START_UP);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError(
                        "The " + name + " application stopped; see target/crash-recovery-" + name + ".log");
            }
            try {
                if (client.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The " + name + " application did not start within " + START_UP);
    }

    private static long count(DataSource data, String sql) throws Exception {
        try (Connection connection = data.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package nl.asylumchain.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History cleanup throughput on PostgreSQL (docs/benchmarks.md#history-cleanup): cases registered over HTTP, their
 * identification done, then ended (withdrawn: the engine deletes the running processes, which stamps every history
 * row of each case with its removal time, as a normal end does); the clock moves past the retention and the
 * engine's cleanup job runs, batch after batch, as the nightly window would run it, until the cases' history is gone.
 * Prints historic process instances and history rows removed per second. Run: {@code ./mvnw -Pbench verify}
 * ({@code -Dbench.cleanup.cases=...} for more).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
class HistoryCleanupBenchmark {

    static final int CASES = Integer.getInteger("bench.cleanup.cases", 1000);
    private static final String DATABASE = "bench_history_cleanup";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void cleanupRemovesExpiredCasesHistory() throws Exception {
        long seedStart = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int share = c;
                work.add(clients.submit(() -> register(new ChainClient(port), share)));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> roots = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
                .map(ProcessInstance::getId)
                .toList();
        runtimeService.deleteProcessInstances(roots, "withdrawn", true, true);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        long instancesBefore =
                historyService.createHistoricProcessInstanceQuery().count();
        long rowsBefore = historyRows();
        assertThat(instancesBefore).isGreaterThanOrEqualTo(2L * CASES);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1828))));
        int runs = 0;
        long start = System.nanoTime();
        // the job runs again at once while its last run found a full batch (as in the window); between runs the
        // benchmark counts only the largest history table, then all of them until nothing is left or nothing moves
        String largest = largestHistoryTable();
        for (long left = rows(largest), previous = -1; left != previous; runs++) {
            cleanUp();
            previous = left;
            left = rows(largest);
        }
        for (long left = historyRows(), previous = -1; left > 0 && left != previous; runs++) {
            cleanUp();
            previous = left;
            left = historyRows();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isZero();
        assertThat(historyRows()).as("history rows left").isZero();

        System.out.printf(
                "%n=== HistoryCleanupBenchmark (PostgreSQL, batch size %d) ===%n",
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryCleanupBatchSize());
        System.out.printf(
                "seeded %d ended cases in %.1f s: %d historic process instances, %d history rows%n",
                CASES, seedSeconds, instancesBefore, rowsBefore);
        System.out.printf(
                "cleanup: %d runs in %.1f s: %.0f historic process instances/s, %.0f history rows/s%n%n",
                runs, seconds, instancesBefore / seconds, rowsBefore / seconds);
    }

    /** Registers this client's half of the cases and completes each one's identification. */
    private void register(ChainClient client, int share) {
        for (int i = share; i < CASES; i += 2) {
            ChainClient.Response created = client.post("/api/cases", "agent", ChainClient.application());
            assertThat(created.status()).isEqualTo(201);
            String caseId = created.body().path("caseId").asText();
            client.openTasks(caseId).stream()
                    .filter(task -> RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER.equals(
                            task.path("taskDefinitionKey").asText()))
                    .forEach(task -> assertThat(client.completeTask(
                                            task.path("id").asText(),
                                            "agent",
                                            CaseDriver.SPOOR_4_ANSWERS.get(
                                                    RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER))
                                    .status())
                            .isEqualTo(204));
        }
    }

    private void cleanUp() {
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());
    }

    /**
     * Rows with a removal time in every history table that carries one: what the cleanup has to remove. Its own job
     * log rows have none and grow with every run, so counting them kept the loops below from ever ending.
     */
    private long historyRows() {
        return historyTables().stream().mapToLong(this::rows).sum();
    }

    private String largestHistoryTable() {
        return historyTables().stream()
                .max(Comparator.comparingLong(this::rows))
                .orElseThrow();
    }

    private List<String> historyTables() {
        return jdbc.sql("select table_name from information_schema.columns where table_schema = current_schema()"
                        + " and table_name like 'act_hi_%' and column_name = 'removal_time_'")
                .query(String.class)
                .list();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where removal_time_ is not null")
                .query(Long.class)
                .single();
    }
}

package nl.asylumchain.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.ChainClient;
import nl.asylumchain.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake throughput, heap and scrape time with 1,000 open cases, on PostgreSQL, in a JVM limited to 512 MB
 * heap. Prints figures; asserts only that the work was done. Run: {@code ./mvnw -Pbench verify}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
class IntakeBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 1000);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void registerThousandCasesAndMeasure() {
        ChainClient client = new ChainClient(port);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);

        for (int i = 0; i < 50; i++) { // warm-up
            client.post("/api/cases", "agent", ChainClient.application());
        }
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            Map<String, Object> application = ChainClient.application();
            long t = System.nanoTime();
            int status = client.post("/api/cases", "agent", application).status();
            latencies.add(System.nanoTime() - t);
            assertThat(status).isEqualTo(201);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeapAfterGc(memory);

        List<Long> scrapes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            client.scrape();
            scrapes.add(System.nanoTime() - t);
        }
        assertThat(runtimeService.createProcessInstanceQuery().count()).isGreaterThanOrEqualTo(CASES);

        Collections.sort(latencies);
        Collections.sort(scrapes);
        System.out.printf(
                "%n=== IntakeBenchmark (PostgreSQL, -Xmx%dm) ===%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf("registered %d cases in %.1f s: %.0f cases/s%n", CASES, seconds, CASES / seconds);
        System.out.printf(
                "POST /api/cases latency: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 1.0));
        System.out.printf(
                "heap used after GC: %d MB before, %d MB after %d open cases%n",
                heapBefore / (1024 * 1024), heapAfter / (1024 * 1024), CASES + 50);
        System.out.printf(
                "GET /actuator/prometheus: p50 %.1f ms, max %.1f ms%n%n", ms(scrapes, 0.50), ms(scrapes, 1.0));
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

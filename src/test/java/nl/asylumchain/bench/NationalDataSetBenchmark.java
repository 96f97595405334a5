package nl.asylumchain.bench;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.asylumchain.TestPostgres;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.forecast.process.StockPlacement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds the national data set ({@link NationalDataSet}) into an empty database of its own on the embedded
 * PostgreSQL, through the whole application's engine with the job executor off, and prints how long it took. Run:
 * {@code ./mvnw -Pbench verify -Dtest=NationalDataSetBenchmark [-Dbench.national.cases=100000]
 * [-Dbench.national.threads=2]}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false", "asylumchain.demo.traffic.enabled=false"})
class NationalDataSetBenchmark {

    static final long CASES = Long.getLong("bench.national.cases", 100_000);
    static final int THREADS = Integer.getInteger("bench.national.threads", 2);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.registerOwnDatabase(registry, "national");
    }

    @Autowired
    StockPlacement placement;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsTheNationalDataSetThroughTheEngine() throws Exception {
        NationalDataSet.Seeded seeded = NationalDataSet.seed(placement, CASES, THREADS, jdbc);

        long open = runtime.createProcessInstanceQuery()
                .processDefinitionKey(CaseModel.PROCESS_KEY)
                .count();
        System.out.printf(
                "%n=== NationalDataSet (PostgreSQL, %d threads) ===%nopen cases %d in %.0f s (%.1f cases/s)%n"
                        + "per stage %s%n",
                THREADS, open, seeded.seconds(), seeded.casesPerSecond(), seeded.perStage());
        assertThat(open).isEqualTo(CASES);
    }
}

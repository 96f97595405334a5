package nl.asylumchain;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL (started by the tests, see {@link TestPostgres}), with its metrics
 * endpoint, reached over HTTP with the demo users' credentials. The job executor is off so that the test decides
 * when a timer fires. Integration tests that need nothing else extend this class and so share one application
 * context; the database is shared by all integration tests anyway, so they assert on their own cases or on
 * differences.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
@AutoConfigureObservability
public abstract class PostgresIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @LocalServerPort
    private int port;

    protected ChainClient client;
    protected CaseDriver driver;

    @BeforeEach
    void connect() {
        client = new ChainClient(port);
        driver = new CaseDriver(client);
    }
}

package nl.asylumchain.platform;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog gauges' count of running instances per process gives what the engine's process-instance query gives,
 * and within one refresh the stages that ask share one count.
 */
@ChainTestContext
class RunningInstanceCountsTest {

    private static final String MAIN_PROCESS = "asylumCase";

    @LocalServerPort
    int port;

    @Autowired
    RunningInstanceCounts counts;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    ChainClient client;

    @BeforeEach
    void setUp() {
        client = new ChainClient(port);
    }

    @Test
    void countsWhatTheEnginesQueryCountsForEveryProcess() {
        newCase();

        List<String> keys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey)
                .distinct()
                .toList();
        assertThat(keys).contains(MAIN_PROCESS, "registration");
        for (String key : keys) {
            assertThat(counts.count(key))
                    .as(key)
                    .isEqualTo(runtime.createProcessInstanceQuery()
                            .processDefinitionKey(key)
                            .count());
        }
        assertThat(counts.count(MAIN_PROCESS)).isPositive();
        assertThat(counts.count("noSuchProcess")).isZero();
    }

    @Test
    void theStagesAskingInOneRefreshShareOneCountAndACountOutsideIsFresh() {
        newCase();
        long[] inRefresh = new long[2];
        counts.sharedWhile(() -> {
            inRefresh[0] = counts.count(MAIN_PROCESS);
            newCase();
            inRefresh[1] = counts.count(MAIN_PROCESS);
        });

        assertThat(inRefresh[1]).isEqualTo(inRefresh[0]);
        assertThat(counts.count(MAIN_PROCESS)).isEqualTo(inRefresh[0] + 1);
    }

    private void newCase() {
        Map<String, Object> application = ChainClient.application();
        ChainClient.Response created = client.post("/api/cases", "agent", application);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }
}

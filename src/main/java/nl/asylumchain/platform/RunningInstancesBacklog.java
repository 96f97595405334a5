package nl.asylumchain.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;

/**
 * A stage whose open cases are exactly the running instances of its own process: the module names the stage and
 * the process key; the count is one instance query.
 */
public abstract class RunningInstancesBacklog implements BacklogFigures {

    private final Series open;
    private final String processKey;
    private final RuntimeService runtime;

    protected RunningInstancesBacklog(String stage, String processKey, RuntimeService runtime) {
        this.open = Series.openCases(stage);
        this.processKey = processKey;
        this.runtime = runtime;
    }

    @Override
    public List<Series> series() {
        return List.of(open);
    }

    @Override
    public Map<Series, Long> count(Instant now) {
        return Map.of(
                open,
                runtime.createProcessInstanceQuery()
                        .processDefinitionKey(processKey)
                        .count());
    }
}

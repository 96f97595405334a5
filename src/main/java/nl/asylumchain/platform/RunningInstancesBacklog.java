package nl.asylumchain.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stage whose open cases are exactly the running instances of its own process: the module names the stage and
 * the process key; the count is the refresh's one grouped count of running instances ({@link RunningInstanceCounts}).
 */
public abstract class RunningInstancesBacklog implements BacklogFigures {

    private final Series open;
    private final String processKey;
    private final RunningInstanceCounts instances;

    protected RunningInstancesBacklog(String stage, String processKey, RunningInstanceCounts instances) {
        this.open = Series.openCases(stage);
        this.processKey = processKey;
        this.instances = instances;
    }

    @Override
    public List<Series> series() {
        return List.of(open);
    }

    @Override
    public Map<Series, Long> count(Instant now) {
        return Map.of(open, instances.count(processKey));
    }
}

package nl.asylumchain.departure.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.BacklogFigures;

/** Open cases in {@code departure}: the running instances of this stage's process. */
@Component
class DepartureBacklog implements BacklogFigures {

    static final Series OPEN = Series.openCases("departure");

    private final RuntimeService runtime;

    DepartureBacklog(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<Series> series() {
        return List.of(OPEN);
    }

    @Override
    public Map<Series, Long> count(Instant now) {
        return Map.of(
                OPEN,
                runtime.createProcessInstanceQuery()
                        .processDefinitionKey(DepartureModel.PROCESS_KEY)
                        .count());
    }
}

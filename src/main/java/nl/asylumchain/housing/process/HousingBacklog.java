package nl.asylumchain.housing.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.BacklogFigures;

/** Open cases in {@code housing}: the running instances of this stage's process. */
@Component
class HousingBacklog implements BacklogFigures {

    static final Series OPEN = Series.openCases("housing");

    private final RuntimeService runtime;

    HousingBacklog(RuntimeService runtime) {
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
                        .processDefinitionKey(HousingModel.PROCESS_KEY)
                        .count());
    }
}

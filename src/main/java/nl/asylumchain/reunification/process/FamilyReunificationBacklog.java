package nl.asylumchain.reunification.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.BacklogFigures;

/** Open cases in {@code family_reunification}: the running instances of this stage's process. */
@Component
class FamilyReunificationBacklog implements BacklogFigures {

    static final Series OPEN = Series.openCases("family_reunification");

    private final RuntimeService runtime;

    FamilyReunificationBacklog(RuntimeService runtime) {
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
                        .processDefinitionKey(FamilyReunificationModel.PROCESS_KEY)
                        .count());
    }
}

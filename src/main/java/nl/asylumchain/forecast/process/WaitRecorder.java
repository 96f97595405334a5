package nl.asylumchain.forecast.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Tells the forecast where a case starts waiting for the outside world: when a token reaches an event-based gateway
 * or a message catch event, the element's id, the case (business key) and the family member (nareis) are noted, so
 * that the outside world's answer can be planned at a time drawn from the scenario. Only in the forecast's isolated
 * engine (profile {@code forecast}); the models are not changed.
 */
@Component
@Profile("forecast")
class WaitRecorder extends AbstractProcessEnginePlugin {

    /** A case that started waiting at {@code activityId}. */
    record Wait(String activityId, String caseId, String familyMemberId) {}

    // the forecast runs in one thread; the listener and the driver share it
    private final List<Wait> waits = new ArrayList<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener record = execution -> {
            Object member = execution.getVariable("familyMemberId");
            waits.add(new Wait(
                    execution.getCurrentActivityId(),
                    execution.getProcessBusinessKey(),
                    member == null ? null : member.toString()));
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
                activity.addListener(ExecutionListener.EVENTNAME_START, record);
            }

            @Override
            public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                activity.addListener(ExecutionListener.EVENTNAME_START, record);
            }
        });
    }

    /** Forgets the waits noted so far that no longer hold ({@code still} false): a placement passed them by. */
    void retain(Predicate<Wait> still) {
        waits.removeIf(still.negate());
    }

    /** The waits noted since the last call, in the order they began. */
    List<Wait> drain() {
        List<Wait> drained = List.copyOf(waits);
        waits.clear();
        return drained;
    }
}

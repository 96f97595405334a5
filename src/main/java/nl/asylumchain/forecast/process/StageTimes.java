package nl.asylumchain.forecast.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.forecast.StageTime;

/**
 * Times each stage of each case in the forecast's engine: a stage is its call activity in the main process, from
 * start to end, exactly what the history-based {@code asylum.stage.lead.time} measures in production. The forecast
 * engine keeps no history (for speed), so the times are taken as the tokens pass. Housing and nareis run side by
 * side; each is timed on its own.
 */
@Component
@Profile("forecast")
class StageTimes extends AbstractProcessEnginePlugin {

    private static final Map<String, Stage> STAGE_OF_ACTIVITY = EngineDriver.STAGE_ACTIVITIES.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private final Map<String, Long> enteredAt = new HashMap<>();
    private final List<StageTime> left = new ArrayList<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
                Stage stage = STAGE_OF_ACTIVITY.get(activity.getId());
                if (stage == null
                        || !(activity.getProcessDefinition() instanceof ProcessDefinitionEntity process)
                        || !CaseModel.PROCESS_KEY.equals(process.getKey())) {
                    return;
                }
                ExecutionListener entered = execution ->
                        enteredAt.put(key(execution, stage), ClockUtil.now().getTime());
                ExecutionListener ended = execution -> {
                    Long since = enteredAt.remove(key(execution, stage));
                    if (since != null) {
                        left.add(new StageTime(stage, (ClockUtil.now().getTime() - since) / 86_400_000.0));
                    }
                };
                activity.addListener(ExecutionListener.EVENTNAME_START, entered);
                activity.addListener(ExecutionListener.EVENTNAME_END, ended);
            }
        });
    }

    private static String key(DelegateExecution execution, Stage stage) {
        return execution.getProcessInstanceId() + "#" + stage;
    }

    /** The stages left since the last call. */
    List<StageTime> drain() {
        List<StageTime> drained = List.copyOf(left);
        left.clear();
        return drained;
    }

    /**
     * After the start state is placed: the stages its way passed are no stages left in the run, and a placed case's
     * stage is timed only from an entry known from outside the placement ({@code entries}); a stage whose entry the
     * start state does not tell is not timed, rather than timed from the placement.
     */
    void startFrom(Collection<StageEntry> entries) {
        clear();
        for (StageEntry entry : entries) {
            Stage stage = STAGE_OF_ACTIVITY.get(entry.callActivityId());
            if (stage != null) {
                enteredAt.put(entry.mainInstanceId() + "#" + stage, entry.at().toEpochMilli());
            }
        }
    }

    void clear() {
        enteredAt.clear();
        left.clear();
    }
}

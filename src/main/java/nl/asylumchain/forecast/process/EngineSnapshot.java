package nl.asylumchain.forecast.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.asylumchain.forecast.ForecastSnapshot;
import nl.asylumchain.forecast.ForecastSnapshot.OpenCase;
import nl.asylumchain.forecast.ForecastSnapshot.ProcessPosition;
import nl.asylumchain.forecast.ForecastSnapshot.Stay;
import nl.asylumchain.forecast.ForecastSnapshot.Timer;
import nl.asylumchain.forecast.ForecastSnapshot.Variable;
import nl.asylumchain.forecast.SnapshotSource;
import nl.asylumchain.platform.process.TaskPeriods;
import nl.asylumchain.reception.ReceptionService;

/**
 * Reads where every open case stands in the live engine: each running process instance of a case (business key =
 * case id) with the activities its tokens wait in, its own routing variables and its timers, and where the person
 * stays in reception (location type, permit holder, amv). The snapshot is
 * chain-wide, like the backlog gauges: it is read without the requesting user's engine authorizations (a planner
 * reaches no case in the engine) and holds no person data, only ids, positions and routing values.
 */
// the live engine's cases: the forecast's own context (profile forecast) has none to export
@Component
@Profile("!forecast")
class EngineSnapshot implements SnapshotSource {

    /** The value types routing uses; objects (JSON documents a form may hold) stay behind. */
    static final Set<String> ROUTING_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date");

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;
    private final IdentityService identity;
    private final ReceptionService reception;
    private final Clock clock;

    EngineSnapshot(
            RuntimeService runtime,
            HistoryService history,
            ManagementService management,
            IdentityService identity,
            ReceptionService reception,
            Clock clock) {
        this.reception = reception;
        this.runtime = runtime;
        this.history = history;
        this.management = management;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public ForecastSnapshot take() {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    private ForecastSnapshot read() {
        Map<String, String> timerActivities = new HashMap<>();
        for (JobDefinition definition : management.createJobDefinitionQuery().list()) {
            timerActivities.put(definition.getId(), definition.getActivityId());
        }
        Map<String, List<HistoricProcessInstance>> byCase = new TreeMap<>();
        Map<String, HistoricProcessInstance> byId = new HashMap<>();
        // the historic query carries what the runtime one lacks: the calling instance and the start
        for (HistoricProcessInstance instance :
                history.createHistoricProcessInstanceQuery().unfinished().list()) {
            if (instance.getBusinessKey() != null) {
                byCase.computeIfAbsent(instance.getBusinessKey(), key -> new ArrayList<>())
                        .add(instance);
                byId.put(instance.getId(), instance);
            }
        }
        List<OpenCase> cases = new ArrayList<>();
        byCase.forEach((caseId, instances) -> {
            instances.sort(Comparator.comparingInt((HistoricProcessInstance instance) -> depth(instance, byId))
                    .thenComparing(HistoricProcessInstance::getStartTime)
                    .thenComparing(HistoricProcessInstance::getId));
            List<ProcessPosition> positions = new ArrayList<>();
            for (HistoricProcessInstance instance : instances) {
                positions.add(position(instance, timerActivities));
            }
            cases.add(new OpenCase(caseId, positions, stay(caseId)));
        });
        return new ForecastSnapshot(clock.instant(), cases);
    }

    /** Where the case's person stays in reception (a business key that is no case id: nowhere). */
    private Stay stay(String caseId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException notACase) {
            return Stay.NONE;
        }
        return reception
                .stay(id)
                .map(stay -> new Stay(stay.locationType().name(), stay.permitHolder(), stay.unaccompaniedMinor()))
                .orElse(Stay.NONE);
    }

    private ProcessPosition position(HistoricProcessInstance instance, Map<String, String> timerActivities) {
        List<String> activities = new ArrayList<>(runtime.getActiveActivityIds(instance.getId()));
        activities.sort(null);
        List<Variable> variables = new ArrayList<>();
        VariableMap values = runtime.getVariablesLocalTyped(instance.getId(), false);
        for (String name : new java.util.TreeSet<>(values.keySet())) {
            TypedValue value = values.getValueTyped(name);
            // the version of taskPeriods is the live engine's id: a placed process notes the forecast engine's own
            if (value.getType() != null
                    && !TaskPeriods.VARIABLE.equals(name)
                    && ROUTING_TYPES.contains(value.getType().getName())
                    && value.getValue() != null) {
                Object plain =
                        value.getValue() instanceof Date date ? date.toInstant().toString() : value.getValue();
                variables.add(new Variable(name, value.getType().getName(), plain));
            }
        }
        List<Timer> timers = new ArrayList<>();
        for (Job job : management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .timers()
                .list()) {
            timers.add(new Timer(
                    timerActivities.get(job.getJobDefinitionId()),
                    job.getDuedate().toInstant()));
        }
        timers.sort(Comparator.comparing(Timer::due).thenComparing(timer -> String.valueOf(timer.activityId())));
        return new ProcessPosition(
                instance.getProcessDefinitionKey(),
                instance.getId(),
                instance.getSuperProcessInstanceId(),
                instance.getStartTime().toInstant(),
                activities,
                variables,
                timers);
    }

    private static int depth(HistoricProcessInstance instance, Map<String, HistoricProcessInstance> byId) {
        int depth = 0;
        HistoricProcessInstance current = instance;
        while (current.getSuperProcessInstanceId() != null
                && byId.containsKey(current.getSuperProcessInstanceId())
                && depth < 20) {
            current = byId.get(current.getSuperProcessInstanceId());
            depth++;
        }
        return depth;
    }
}

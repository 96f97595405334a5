package nl.asylumchain.monitoring.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.Stage;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationModel;

/**
 * Reads the backlog, the task queues and the engine's health from the engine. Runs in the monitoring's background
 * refresh only, never on a scrape. Without an authenticated user the engine applies no authorizations: these are
 * chain-wide counts.
 */
@Component
public class EngineBacklog {

    /** The backlog stages in the order dashboards list them ({@code asylum.cases.open}, tag {@code stage}). */
    public static final List<String> BACKLOG_STAGES = List.of(
            "registration",
            "rest_period",
            "ind_track_1",
            "ind_track_2",
            "ind_track_4",
            "va",
            "appeal",
            "housing",
            "family_reunification",
            "departure");

    /** The tracks of the IND procedure: spoor 3 and 5 exist in the track DMN but are switched off. */
    static final int[] TRACKS = {1, 2, 4};
    /** Routing variables of {@code indDecision} that the stage is read from (the decision module sets them). */
    static final String VARIABLE_TRACK = "track";

    static final String VARIABLE_PROCEDURE = "procedure";
    static final String PROCEDURE_VA = "VA";

    /** The call activity of each stage in the main process: its start and end are the stage's start and end. */
    static final Map<String, Stage> STAGE_ACTIVITIES = Map.of(
            CaseModel.ACTIVITY_REGISTRATION, Stage.REGISTRATION,
            CaseModel.ACTIVITY_IND_DECISION, Stage.IND_DECISION,
            CaseModel.ACTIVITY_HOUSING, Stage.HOUSING,
            CaseModel.ACTIVITY_FAMILY_REUNIFICATION, Stage.FAMILY_REUNIFICATION,
            CaseModel.ACTIVITY_DEPARTURE, Stage.DEPARTURE);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;

    EngineBacklog(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.history = history;
    }

    /**
     * Open cases per backlog stage. The one place that maps stages to model elements: a stage is the running
     * instances of its process, narrowed by a variable or an activity where one process holds several stages, so
     * that each open case counts in exactly one stage.
     * <ul>
     * <li>{@code rest_period}: waiting at the rest-period timer of {@code registration}; {@code registration} the
     * other registration instances.</li>
     * <li>{@code appeal}: an {@code indDecision} instance in its call activity {@code Activity_Appeal}, from the
     * rejection until it is final (no appeal in the window, or the court upholds it) or annulled: the appeal window
     * and a lodged appeal awaiting the court's ruling.</li>
     * <li>{@code va}: an {@code indDecision} instance referred to the extended procedure (process variable
     * {@code procedure} = {@code VA}, set by the referral and kept until the decision), not in appeal.</li>
     * <li>{@code ind_track_1/2/4}: the other {@code indDecision} instances, by the process variable {@code track}
     * (a Dublin case whose claim was refused keeps track 1 in the general procedure).</li>
     * </ul>
     * A case on a policy hold stays in its stage; {@code asylum.cases.on.hold} counts it as well.
     */
    public Map<String, Long> openCasesPerStage() {
        Map<String, Long> open = new LinkedHashMap<>();
        long restPeriod = executionsAt(RegistrationModel.PROCESS_KEY, RegistrationModel.EVENT_REST_PERIOD_PASSED);
        open.put("registration", instances(RegistrationModel.PROCESS_KEY) - restPeriod);
        open.put("rest_period", restPeriod);
        long va = 0;
        long appeal = 0;
        for (int track : TRACKS) {
            long all = indDecision(track).count();
            long inAppeal = indDecision(track)
                    .activityIdIn(IndDecisionModel.ACTIVITY_APPEAL)
                    .count();
            long inVa = indDecision(track)
                            .variableValueEquals(VARIABLE_PROCEDURE, PROCEDURE_VA)
                            .count()
                    - indDecision(track)
                            .variableValueEquals(VARIABLE_PROCEDURE, PROCEDURE_VA)
                            .activityIdIn(IndDecisionModel.ACTIVITY_APPEAL)
                            .count();
            open.put("ind_track_" + track, all - inAppeal - inVa);
            va += inVa;
            appeal += inAppeal;
        }
        open.put("va", va);
        open.put("appeal", appeal);
        open.put("housing", instances(HousingModel.PROCESS_KEY));
        open.put("family_reunification", instances(FamilyReunificationModel.PROCESS_KEY));
        open.put("departure", instances(DepartureModel.PROCESS_KEY));
        return open;
    }

    /** Open user tasks a candidate group can work on, claimed or not. */
    public long openTasks(String group) {
        return tasks.createTaskQuery()
                .taskCandidateGroup(group)
                .includeAssignedTasks()
                .count();
    }

    /** Open user tasks of a candidate group whose due date has passed. */
    public long overdueTasks(String group, Instant now) {
        return tasks.createTaskQuery()
                .taskCandidateGroup(group)
                .includeAssignedTasks()
                .dueBefore(Date.from(now))
                .count();
    }

    /**
     * Open incidents, once per failure: an incident in a stage process is repeated on the main process's call
     * activity, with the same root cause.
     */
    public long incidents() {
        return runtime.createIncidentQuery().list().stream()
                .map(incident -> incident.getRootCauseIncidentId() == null
                        ? incident.getId()
                        : incident.getRootCauseIncidentId())
                .distinct()
                .count();
    }

    /** Jobs that failed with no retries left: each waits for a person in Cockpit. */
    public long failedJobs() {
        return management.createJobQuery().noRetriesLeft().count();
    }

    /** Jobs that are due but that no job executor has picked up: a growing number means the executor lags. */
    public long dueJobs() {
        return management.createJobQuery().executable().count()
                - management.createJobQuery().executable().acquired().count();
    }

    /** A stage of one case that ended, with how long it took (business time: the engine's clock). */
    public record FinishedStage(String activityInstanceId, Stage stage, Instant ended, Duration duration) {}

    /** Stages of the main process that ended at or after {@code since}, oldest first. */
    public List<FinishedStage> stagesFinishedSince(Instant since) {
        List<FinishedStage> finished = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String activityId : STAGE_ACTIVITIES.keySet()) {
            for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery()
                    .activityId(activityId)
                    .finished()
                    .finishedAfter(Date.from(since))
                    .list()) {
                if (CaseModel.PROCESS_KEY.equals(done.getProcessDefinitionKey())
                        && seen.add(done.getId())
                        && done.getEndTime() != null) {
                    finished.add(new FinishedStage(
                            done.getId(),
                            STAGE_ACTIVITIES.get(activityId),
                            done.getEndTime().toInstant(),
                            Duration.between(
                                    done.getStartTime().toInstant(),
                                    done.getEndTime().toInstant())));
                }
            }
        }
        finished.sort(java.util.Comparator.comparing(FinishedStage::ended));
        return finished;
    }

    private ProcessInstanceQuery indDecision(int track) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(IndDecisionModel.PROCESS_KEY)
                .variableValueEquals(VARIABLE_TRACK, track);
    }

    private long instances(String processKey) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .count();
    }

    private long executionsAt(String processKey, String activityId) {
        return runtime.createExecutionQuery()
                .processDefinitionKey(processKey)
                .activityId(activityId)
                .count();
    }
}

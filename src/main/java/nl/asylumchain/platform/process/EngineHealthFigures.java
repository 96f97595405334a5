package nl.asylumchain.platform.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.BacklogFigures;
import nl.asylumchain.platform.DueJobCounts;
import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TaskQueueCounts;

/**
 * The task queues of the case-handler groups and the engine's health: chain-wide counts. The open tasks per group
 * come from their tally and the overdue ones from one statement for all groups ({@link TaskQueueCounts}); the
 * engine's own task counts (without an authenticated user it applies no authorizations) only while it keeps no
 * tally. The failed jobs are the engine's count, answered on PostgreSQL from our index of them alone; the due ones
 * come from one statement through the index on the due date ({@link DueJobCounts}).
 */
@Component
class EngineHealthFigures implements BacklogFigures {

    static final Series INCIDENTS = Series.untagged("asylum.engine.incidents", "Open incidents in the process engine");
    static final Series FAILED_JOBS =
            Series.untagged("asylum.engine.jobs.failed", "Engine jobs failed with no retries left");
    static final Series DUE_JOBS =
            Series.untagged("asylum.engine.jobs.due", "Engine jobs due but not yet acquired by the job executor");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final TaskQueueCounts queues;
    private final DueJobCounts dueJobs;

    EngineHealthFigures(
            RuntimeService runtime,
            TaskService tasks,
            ManagementService management,
            TaskQueueCounts queues,
            DueJobCounts dueJobs) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.queues = queues;
        this.dueJobs = dueJobs;
    }

    static Series openTasks(String group) {
        return new Series("asylum.tasks.open", "Open user tasks per candidate group", "group", group);
    }

    static Series overdueTasks(String group) {
        return new Series(
                "asylum.tasks.overdue", "Open user tasks past their due date per candidate group", "group", group);
    }

    @Override
    public List<Series> series() {
        List<Series> series = new ArrayList<>();
        Groups.CASE_HANDLERS.forEach(group -> series.add(openTasks(group)));
        Groups.CASE_HANDLERS.forEach(group -> series.add(overdueTasks(group)));
        series.addAll(List.of(INCIDENTS, FAILED_JOBS, DUE_JOBS));
        return series;
    }

    @Override
    public Map<Series, Long> count(Instant now) {
        Map<Series, Long> counted = new HashMap<>();
        Map<String, Long> open = queues.openTasks(Groups.CASE_HANDLERS).orElseGet(this::openTasksCountedByTheEngine);
        Map<String, Long> overdue = queues.overdueTasks(Groups.CASE_HANDLERS, now);
        for (String group : Groups.CASE_HANDLERS) {
            counted.put(openTasks(group), open.get(group));
            counted.put(overdueTasks(group), overdue.get(group));
        }
        counted.put(INCIDENTS, incidents());
        counted.put(FAILED_JOBS, management.createJobQuery().noRetriesLeft().count());
        // due but not picked up by any job executor: a growing number means the executor lags
        counted.put(DUE_JOBS, dueJobs.dueNotAcquired(now));
        return counted;
    }

    /** The open tasks per group as the engine counts them: while it keeps no tally (authorization off). */
    private Map<String, Long> openTasksCountedByTheEngine() {
        Map<String, Long> open = new HashMap<>();
        for (String group : Groups.CASE_HANDLERS) {
            open.put(
                    group,
                    tasks.createTaskQuery()
                            .taskCandidateGroup(group)
                            .includeAssignedTasks()
                            .count());
        }
        return open;
    }

    /**
     * Open incidents, once per failure: an incident in a stage process is repeated on the main process's call
     * activity, with the same root cause.
     */
    private long incidents() {
        return runtime.createIncidentQuery().list().stream()
                .map(incident -> incident.getRootCauseIncidentId() == null
                        ? incident.getId()
                        : incident.getRootCauseIncidentId())
                .distinct()
                .count();
    }
}

package nl.asylumchain.forecast.process;

import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.asylumchain.forecast.persistence.DueJobsRepository;

/**
 * The jobs due on the forecast's clock, oldest first: the page the engine's own job query gives
 * ({@link #engineOrder}: {@code executable()}, by due date, then id), found without reading every job. The engine's
 * query reads and sorts all jobs before it returns the first page, which with tens of thousands of cases' timers was
 * a tenth of a second at each of the several times a simulated day asks; here the first ids come from walking an
 * index of the due date ({@link DueJobsRepository}), and the engine's query, limited to those ids, decides which of
 * them it would run and in which order. {@code DueJobsTest} checks that both give the same jobs.
 */
@Component
@Profile("forecast")
public class DueJobs {

    private final DueJobsRepository due;
    private final ManagementService management;

    DueJobs(DueJobsRepository due, ManagementService management) {
        this.due = due;
        this.management = management;
    }

    /** The first {@code max} jobs due by the engine's clock, as {@link #engineOrder} gives them. */
    public List<Job> first(int max) {
        List<String> ids = due.firstDue(ClockUtil.getCurrentTime(), max);
        if (ids.isEmpty()) {
            return List.of();
        }
        return executableInOrder(management.createJobQuery().jobIds(new LinkedHashSet<>(ids)))
                .list();
    }

    /**
     * The engine's own query for the first {@code max} jobs it would run now, which reads every job: the reference
     * {@code DueJobsTest} compares {@link #first} with; a run does not use it.
     */
    public List<Job> engineOrder(int max) {
        return executableInOrder(management.createJobQuery()).listPage(0, max);
    }

    private static JobQuery executableInOrder(JobQuery query) {
        return query.executable().orderByJobDuedate().asc().orderByJobId().asc();
    }
}

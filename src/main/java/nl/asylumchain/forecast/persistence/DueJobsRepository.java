package nl.asylumchain.forecast.persistence;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the forecast engine's jobs that are due, oldest first, from the engine's runtime table, read only, in the
 * forecast's own in-memory database ({@code forecast.process.DueJobs} says why and gives the jobs). The engine's own
 * query for them ({@code executable()}, ordered by due date) reads every job of the table, since the engine's schema
 * has no index on the due date and the query asks for {@code select distinct}: with the letter's start stock (a
 * decision deadline and other timers for each of tens of thousands of cases) that took a tenth of a second, several
 * times a simulated day. These statements walk {@code FORECAST_IDX_JOB_DUE} ({@code ForecastEngineSettings}) from
 * its start and stop at the last job they need. H2 orders {@code null} first, as the engine's query does: a job
 * without a due date (an asynchronous continuation) is due at once.
 */
@Repository
@Profile("forecast")
public class DueJobsRepository {

    private static final String UNDATED = """
            select ID_ from ACT_RU_JOB use index (FORECAST_IDX_JOB_DUE)
            where DUEDATE_ is null and RETRIES_ > 0
            order by ID_ asc
            limit :max
            """;
    private static final String DUE = """
            select ID_ from ACT_RU_JOB use index (FORECAST_IDX_JOB_DUE)
            where DUEDATE_ <= :now and RETRIES_ > 0
            order by DUEDATE_ asc, ID_ asc
            limit :max
            """;

    private final JdbcClient database;

    DueJobsRepository(DataSource dataSource) {
        this.database = JdbcClient.create(dataSource);
    }

    /** The statement for jobs due by {@code :now}, for the plan test. */
    public static String statement() {
        return DUE;
    }

    /**
     * The ids of the first {@code max} jobs with retries left that are due by {@code now}, in the engine's order:
     * those without a due date first, then by due date, then by id.
     */
    public List<String> firstDue(Date now, int max) {
        List<String> ids = new ArrayList<>(
                database.sql(UNDATED).param("max", max).query(String.class).list());
        if (ids.size() < max) {
            ids.addAll(database.sql(DUE)
                    .param("now", now)
                    .param("max", max - ids.size())
                    .query(String.class)
                    .list());
        }
        return ids;
    }
}

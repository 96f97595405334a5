package nl.asylumchain.forecast.persistence;

import java.util.List;
import javax.sql.DataSource;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the forecast engine's open tasks in Tasklist order from the engine's runtime tables, read only, in the
 * forecast's own in-memory database ({@code forecast.process.TasklistOrder} says why and gives the tasks). The
 * statement asks for ids with {@code exists}, so that H2 walks the index {@code FORECAST_IDX_TASK_ORDER}
 * ({@code ForecastEngineSettings}) in that order and stops at the last task it needs; it names the index, because
 * H2's planner would otherwise take the engine's index on {@code ASSIGNEE_} for the {@code is null} that every open
 * task matches, and sort them all.
 */
@Repository
@Profile("forecast")
public class TasklistOrderRepository {

    private static final String FIRST_OPEN = """
            select RES.ID_ from ACT_RU_TASK RES use index (FORECAST_IDX_TASK_ORDER)
            where RES.ASSIGNEE_ is null and RES.SUSPENSION_STATE_ = 1
            and exists (select 1 from ACT_RU_IDENTITYLINK I
                where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ = :group)
            %s
            order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.ID_ asc
            limit :max
            """;
    /**
     * The same tasks for a group with few of them: its candidate links first (the engine's index on
     * {@code GROUP_ID_}), each task by its id, then sorted. The engine's own query reads every open task through the
     * index on {@code ASSIGNEE_} (three tenths of a second with half the letter's start stock placed, for a group
     * with a few hundred).
     */
    private static final String FIRST_OPEN_OF_FEW = """
            select RES.ID_ from ACT_RU_TASK RES
            where RES.ID_ in (select I.TASK_ID_ from ACT_RU_IDENTITYLINK I use index (ACT_IDX_IDENT_LNK_GROUP)
                where I.GROUP_ID_ = :group and I.TYPE_ = 'candidate')
            and RES.ASSIGNEE_ is null and RES.SUSPENSION_STATE_ = 1
            %s
            order by RES.PRIORITY_ desc, RES.DUE_DATE_ asc, RES.CREATE_TIME_ asc, RES.ID_ asc
            limit :max
            """;
    /** A process variable equal to an integer, as the engine's query compares numbers (any integral type). */
    private static final String OF_VALUE = """
            and exists (select 1 from ACT_RU_VARIABLE V
                where V.PROC_INST_ID_ = RES.PROC_INST_ID_ and V.TASK_ID_ is null and V.NAME_ = :variable
                and V.TYPE_ in ('integer', 'long', 'short') and V.LONG_ = :value)
            """;

    private final JdbcClient database;

    TasklistOrderRepository(DataSource dataSource) {
        this.database = JdbcClient.create(dataSource);
    }

    /**
     * The statement, with named parameters {@code group}, {@code max} and, for a process variable's value,
     * {@code variable} and {@code value}.
     */
    public static String statement(boolean ofValue) {
        return FIRST_OPEN.formatted(ofValue ? OF_VALUE : "");
    }

    /** The statement for a group with few open tasks, with the same named parameters. */
    public static String statementForFew(boolean ofValue) {
        return FIRST_OPEN_OF_FEW.formatted(ofValue ? OF_VALUE : "");
    }

    /** The candidate-group links of {@code group}: about its open tasks (links die with their task). */
    public long candidateLinks(String group) {
        return database.sql("select count(*) from ACT_RU_IDENTITYLINK where GROUP_ID_ = :group and TYPE_ = 'candidate'")
                .param("group", group)
                .query(Long.class)
                .single();
    }

    /**
     * The ids of the first {@code max} open tasks of {@code group} in Tasklist order, of process instances whose
     * {@code variable} equals {@code value} when one is given.
     */
    public List<String> firstOpen(String group, String variable, Integer value, int max) {
        return firstOpen(statement(variable != null), group, variable, value, max);
    }

    /** As {@link #firstOpen}, for a group with few open tasks: its links first, then sorted. */
    public List<String> firstOpenOfFew(String group, String variable, Integer value, int max) {
        return firstOpen(statementForFew(variable != null), group, variable, value, max);
    }

    private List<String> firstOpen(String sql, String group, String variable, Integer value, int max) {
        var statement = database.sql(sql).param("group", group).param("max", max);
        if (variable != null) {
            statement.param("variable", variable).param("value", value.longValue());
        }
        return statement.query(String.class).list();
    }
}

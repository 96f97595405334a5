package nl.asylumchain.decision.persistence;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RecordRowMapper;

/**
 * The IND procedure's open cases per track, read from the engine's runtime tables in one statement, read-only: the
 * running instances of the procedure's process with their {@code track}, and whether each is in the appeal (an
 * execution at the call activity) and referred to the VA (the variable {@code procedure} is {@code VA}). It gives
 * what the engine's process-instance query gives with the same conditions (a process instance; a variable of the
 * instance, no task's; an execution that is no event scope). Nothing here writes an engine table.
 *
 * <p>The statement reads three sets and joins them, instead of looking up each instance's variables and executions:
 * the executions of the process (by its definitions), the {@code track} variables and the {@code procedure}
 * variables, the latter two from the index that holds only those variables with their values ({@code db/engine}
 * V6, {@code AC_IDX_VARIABLE_BACKLOG}). Looked up per instance, every lookup read the instance's other variables
 * from the table too: 0.8 s at 20,000 open cases spread like the chain, most of the refresh's 6 s at 100,000
 * (docs/benchmarks.md, "The IND backlog from three sets"). The names and values are written into the statement, not
 * bound, so that PostgreSQL can see that the index's condition holds.
 */
@Repository
public class IndBacklogRepository {

    /** One track's open cases: all of them, those in the appeal, those in the VA, those in both. */
    public record TrackBacklog(long track, long openCases, long inAppeal, long inVa, long inVaAndAppeal) {}

    /** A key, an id or a value of the model, written into the statement: nothing that needs quoting. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final JdbcClient jdbc;
    private final String prefix;

    @Autowired
    public IndBacklogRepository(JdbcClient jdbc, @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jdbc = jdbc;
        this.prefix = tablePrefix == null ? "" : tablePrefix;
    }

    /**
     * Per value of {@code trackVariable}: the running instances of {@code processKey}, and of them those with an
     * execution at {@code appealActivity}, those whose {@code procedureVariable} is {@code va}, and those with both.
     */
    public List<TrackBacklog> openPerTrack(
            String processKey, String trackVariable, String appealActivity, String procedureVariable, String va) {
        return jdbc.sql(statement(prefix, processKey, trackVariable, appealActivity, procedureVariable, va))
                .query(RecordRowMapper.of(TrackBacklog.class))
                .list();
    }

    /** The statement {@link #openPerTrack} runs, for its plan. */
    public static String statement(
            String prefix,
            String processKey,
            String trackVariable,
            String appealActivity,
            String procedureVariable,
            String va) {
        // an instance counts once per track value it holds, as the engine's exists-conditions count it; a whole
        // number variable is stored in LONG_ whatever its width; every execution of an instance has the instance's
        // definition, so the executions of the process's definitions grouped by instance are its instances
        return """
                select t.TRACK_ as track, count(*) as open_cases, sum(x.IN_APPEAL_) as in_appeal,
                    count(v.PROC_INST_ID_) as in_va,
                    sum(case when v.PROC_INST_ID_ is null then 0 else x.IN_APPEAL_ end) as in_va_and_appeal
                from (
                    select e.PROC_INST_ID_,
                        max(case when e.ACT_ID_ = '%3$s' and e.IS_EVENT_SCOPE_ = false then 1 else 0 end) as IN_APPEAL_
                    from %1$sACT_RU_EXECUTION e
                    where e.PROC_DEF_ID_ in (select d.ID_ from %1$sACT_RE_PROCDEF d where d.KEY_ = '%2$s')
                    group by e.PROC_INST_ID_
                ) x
                join (
                    select distinct t.PROC_INST_ID_, t.LONG_ as TRACK_ from %1$sACT_RU_VARIABLE t
                    where t.TASK_ID_ is null and t.NAME_ = '%4$s' and t.TYPE_ in ('integer', 'long', 'short')
                ) t on t.PROC_INST_ID_ = x.PROC_INST_ID_
                left join (
                    select distinct p.PROC_INST_ID_ from %1$sACT_RU_VARIABLE p
                    where p.TASK_ID_ is null and p.NAME_ = '%5$s' and p.TYPE_ = 'string' and p.TEXT_ = '%6$s'
                ) v on v.PROC_INST_ID_ = x.PROC_INST_ID_
                group by t.TRACK_
                """.formatted(
                        prefix,
                        plain(processKey),
                        plain(appealActivity),
                        plain(trackVariable),
                        plain(procedureVariable),
                        plain(va));
    }

    private static String plain(String name) {
        if (!PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain name of the model: " + name);
        }
        return name;
    }
}

package nl.asylumchain.decision.persistence;

import java.util.List;

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
 * instance, no task's; an execution that is no event scope), which took sixteen counts, four per track, each over
 * every instance with its variables: 0.4 s of the gauges' refresh at 30,000 open cases with none at the IND
 * (docs/benchmarks.md, the case API and the scrape at a hundred thousand open cases). Nothing here writes an engine
 * table.
 */
@Repository
public class IndBacklogRepository {

    /** One track's open cases: all of them, those in the appeal, those in the VA, those in both. */
    public record TrackBacklog(long track, long openCases, long inAppeal, long inVa, long inVaAndAppeal) {}

    private final JdbcClient jdbc;
    private final String sql;

    @Autowired
    public IndBacklogRepository(JdbcClient jdbc, @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jdbc = jdbc;
        String prefix = tablePrefix == null ? "" : tablePrefix;
        // an instance counts once per track value it holds, as the engine's exists-conditions count it; a whole
        // number variable is stored in LONG_ whatever its width
        this.sql = """
                select x.TRACK_ as track, count(*) as open_cases, sum(x.IN_APPEAL_) as in_appeal, sum(x.IN_VA_) as in_va,
                    sum(x.IN_APPEAL_ * x.IN_VA_) as in_va_and_appeal
                from (
                    select distinct i.ID_, t.LONG_ as TRACK_,
                        case when exists (
                            select 1 from %1$sACT_RU_EXECUTION e
                            where e.PROC_INST_ID_ = i.ID_ and e.IS_EVENT_SCOPE_ = false and e.ACT_ID_ = :appealActivity)
                        then 1 else 0 end as IN_APPEAL_,
                        case when exists (
                            select 1 from %1$sACT_RU_VARIABLE p
                            where p.PROC_INST_ID_ = i.ID_ and p.TASK_ID_ is null and p.NAME_ = :procedureVariable
                                and p.TYPE_ = 'string' and p.TEXT_ = :va)
                        then 1 else 0 end as IN_VA_
                    from %1$sACT_RU_EXECUTION i
                    join %1$sACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_
                    join %1$sACT_RU_VARIABLE t on t.PROC_INST_ID_ = i.ID_ and t.TASK_ID_ is null
                        and t.NAME_ = :trackVariable and t.TYPE_ in ('integer', 'long', 'short')
                    where i.PARENT_ID_ is null and d.KEY_ = :processKey
                ) x
                group by x.TRACK_
                """.formatted(prefix);
    }

    /**
     * Per value of {@code trackVariable}: the running instances of {@code processKey}, and of them those with an
     * execution at {@code appealActivity}, those whose {@code procedureVariable} is {@code va}, and those with both.
     */
    public List<TrackBacklog> openPerTrack(
            String processKey, String trackVariable, String appealActivity, String procedureVariable, String va) {
        return jdbc.sql(sql)
                .param("processKey", processKey)
                .param("trackVariable", trackVariable)
                .param("appealActivity", appealActivity)
                .param("procedureVariable", procedureVariable)
                .param("va", va)
                .query(RecordRowMapper.of(TrackBacklog.class))
                .list();
    }
}

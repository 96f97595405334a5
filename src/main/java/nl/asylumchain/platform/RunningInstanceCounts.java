package nl.asylumchain.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The running process instances per process key, for the backlog gauges: one grouped statement over the engine's
 * runtime tables, read-only, with what the engine's {@code createProcessInstanceQuery().processDefinitionKey(key)
 * .count()} counts (an execution without a parent, of a definition with that key). Within one refresh of the gauges
 * ({@link #sharedWhile}) the statement runs once for every stage that asks; each of the engine's counts walked every
 * running instance (four of them took 46 of the refresh's 139 ms at 10,000 open cases, docs/benchmarks.md). Outside a
 * refresh every call counts afresh. The instances are counted per definition first, on PostgreSQL from our index of
 * them alone ({@code db/engine} V7), and only the counts are joined to the definitions: 180 to 15 ms at 20,000 cases
 * spread like the chain.
 */
@Component
public class RunningInstanceCounts {

    private final JdbcClient jdbc;
    private final String sql;

    /** The counts of the refresh going on in this thread, once made; none outside a refresh. */
    private final ThreadLocal<AtomicReference<Map<String, Long>>> shared = new ThreadLocal<>();

    RunningInstanceCounts(JdbcClient jdbc, @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jdbc = jdbc;
        String prefix = tablePrefix == null ? "" : tablePrefix;
        this.sql = statement(prefix);
    }

    /** The grouped count, for the engine's tables under {@code prefix}. */
    static String statement(String prefix) {
        return """
                select d.KEY_ as process_key, sum(i.instances) as instances
                from (select PROC_DEF_ID_, count(*) as instances from %1$sACT_RU_EXECUTION
                      where PARENT_ID_ is null group by PROC_DEF_ID_) i
                join %1$sACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_
                group by d.KEY_
                """.formatted(prefix);
    }

    /** Runs {@code refresh} with one count of all running instances shared by whatever in it asks. */
    public void sharedWhile(Runnable refresh) {
        shared.set(new AtomicReference<>());
        try {
            refresh.run();
        } finally {
            shared.remove();
        }
    }

    /** The running instances of {@code processKey}. */
    public long count(String processKey) {
        AtomicReference<Map<String, Long>> round = shared.get();
        Map<String, Long> counts = round == null ? countAll() : round.updateAndGet(c -> c == null ? countAll() : c);
        return counts.getOrDefault(processKey, 0L);
    }

    private Map<String, Long> countAll() {
        Map<String, Long> counted = new HashMap<>();
        jdbc.sql(sql)
                .query((row, index) -> Map.entry(row.getString("process_key"), row.getLong("instances")))
                .list()
                .forEach(entry -> counted.put(entry.getKey(), entry.getValue()));
        return counted;
    }
}

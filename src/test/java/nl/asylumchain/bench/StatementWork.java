package nl.asylumchain.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a benchmark's database time goes, statement by statement, from PostgreSQL's {@code pg_stat_statements}: the
 * test server loads it when {@code TestPostgres.STATEMENT_STATISTICS} or {@code -Dbench.statements=true} is set before
 * it starts. {@link #reset} before the work, {@link #per} after it: the whole per unit (a request, a job), then the
 * costliest statements with their calls and rows per unit and their mean time.
 */
final class StatementWork {

    private final JdbcClient db;
    private final String database;

    private StatementWork(JdbcClient db, String database) {
        this.db = db;
        this.database = database;
    }

    /** For a database of the test server; creates the extension there if the server loaded it. */
    static StatementWork of(JdbcClient db, String database) {
        db.sql("create extension if not exists pg_stat_statements").update();
        return new StatementWork(db, database);
    }

    /** Whether the server was asked to load the statistics ({@code -Dbench.statements=true}). */
    static boolean requested() {
        return Boolean.getBoolean("bench.statements");
    }

    void reset() {
        db.sql("select pg_stat_statements_reset()").query().singleValue();
    }

    /**
     * The statements run in this database since the last reset, per unit: the whole, then each statement (calls and
     * rows per unit, mean time), the costliest {@code top} first.
     */
    List<String> per(long units, String unit, int top) {
        record Statement(long calls, double totalMs, long rows, String query) {}
        List<Statement> all = db.sql("""
                        select s.calls, s.total_exec_time, s.rows, s.query from pg_stat_statements s
                        join pg_database d on d.oid = s.dbid
                        where d.datname = ? and s.query not like '%pg_stat_statements%'
                        order by s.total_exec_time desc
                        """)
                .param(database)
                .query((rs, i) -> new Statement(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getString(4)))
                .list();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "  in all: %.1f statements, %.2f ms in PostgreSQL per %s (calls per %s, mean ms, rows per call)",
                all.stream().mapToLong(Statement::calls).sum() / (double) units,
                all.stream().mapToDouble(Statement::totalMs).sum() / units,
                unit,
                unit));
        for (Statement s : all.subList(0, Math.min(top, all.size()))) {
            String query = s.query().replaceAll("\\s+", " ");
            lines.add(String.format(
                    "  %5.2f  %7.3f  %6.1f  %s",
                    s.calls() / (double) units,
                    s.totalMs() / s.calls(),
                    s.rows() / (double) s.calls(),
                    query.substring(0, Math.min(240, query.length()))));
        }
        return lines;
    }
}

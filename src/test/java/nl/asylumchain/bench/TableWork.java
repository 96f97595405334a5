package nl.asylumchain.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows written per table, from PostgreSQL's own counters ({@code pg_stat_user_tables}): taken before and after a
 * run beside {@link DatabaseWork}, it names the tables a unit of work writes, so that a lever (a history level, a
 * variable fewer) can be chosen by its rows instead of guessed. Call it right after {@link DatabaseWork#of}, which
 * waits for the counters to catch up.
 */
record TableWork(Map<String, long[]> written) {

    /** Inserted, updated and deleted rows of every table of this database now. */
    static TableWork of(String database) {
        Map<String, long[]> rows = new HashMap<>();
        StockEngine.database(database)
                .sql("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")
                .query(rs -> {
                    rows.put(rs.getString(1).toLowerCase(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return new TableWork(rows);
    }

    TableWork minus(TableWork before) {
        Map<String, long[]> rows = new HashMap<>();
        written.forEach((table, now) -> {
            long[] then = before.written.getOrDefault(table, new long[3]);
            long[] delta = {now[0] - then[0], now[1] - then[1], now[2] - then[2]};
            if (delta[0] + delta[1] + delta[2] > 0) {
                rows.put(table, delta);
            }
        });
        return new TableWork(rows);
    }

    /** One line per table, most written first: "table  written (inserted/updated/deleted) per unit". */
    String per(long units, String unit) {
        return written.entrySet().stream()
                .sorted(Comparator.comparingLong(
                                (Map.Entry<String, long[]> e) -> -(e.getValue()[0] + e.getValue()[1] + e.getValue()[2]))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> String.format(
                        "  %-32s %7.1f written per %s (%.1f inserted, %.1f updated, %.1f deleted)",
                        e.getKey(),
                        (e.getValue()[0] + e.getValue()[1] + e.getValue()[2]) / (double) units,
                        unit,
                        e.getValue()[0] / (double) units,
                        e.getValue()[1] / (double) units,
                        e.getValue()[2] / (double) units))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}

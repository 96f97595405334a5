package nl.asylumchain.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Rows written and read per table, from PostgreSQL's own counters ({@code pg_stat_user_tables}): taken before and
 * after a run beside {@link DatabaseWork}, it names the tables a unit of work writes and reads, so that a lever (a
 * history level, a variable fewer, an index) can be chosen by its rows instead of guessed. Call it right after
 * {@link DatabaseWork#of}, which waits for the counters to catch up.
 *
 * <p>Per table the counters are inserted, updated, deleted, read by sequential scans and fetched by index scans.
 */
record TableWork(Map<String, long[]> rows) {

    private static final int INSERTED = 0;
    private static final int UPDATED = 1;
    private static final int DELETED = 2;
    private static final int SCANNED = 3;
    private static final int FETCHED = 4;

    /** The counters of every table of this database now. */
    static TableWork of(String database) {
        Map<String, long[]> rows = new HashMap<>();
        StockEngine.database(database)
                .sql("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_tup_read, 0), "
                        + "coalesce(idx_tup_fetch, 0) from pg_stat_user_tables")
                .query(rs -> {
                    rows.put(
                            rs.getString(1).toLowerCase(),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                });
        return new TableWork(rows);
    }

    TableWork minus(TableWork before) {
        Map<String, long[]> delta = new HashMap<>();
        rows.forEach((table, now) -> {
            long[] then = before.rows.getOrDefault(table, new long[now.length]);
            long[] change = new long[now.length];
            boolean changed = false;
            for (int i = 0; i < now.length; i++) {
                change[i] = now[i] - then[i];
                changed |= change[i] > 0;
            }
            if (changed) {
                delta.put(table, change);
            }
        });
        return new TableWork(delta);
    }

    /** One line per table written, most first: "table  written (inserted/updated/deleted) per unit". */
    String per(long units, String unit) {
        return lines(
                c -> c[INSERTED] + c[UPDATED] + c[DELETED],
                units,
                c -> String.format(
                        "%7.1f written per %s (%.1f inserted, %.1f updated, %.1f deleted)",
                        (c[INSERTED] + c[UPDATED] + c[DELETED]) / (double) units,
                        unit,
                        c[INSERTED] / (double) units,
                        c[UPDATED] / (double) units,
                        c[DELETED] / (double) units));
    }

    /** One line per table read, most first, at most {@code top}: "table  read (scanned/fetched) per unit". */
    String readPer(long units, String unit, int top) {
        return lines(
                c -> c[SCANNED] + c[FETCHED],
                units,
                c -> String.format(
                        "%7.1f read per %s (%.1f scanned, %.1f fetched by index)",
                        (c[SCANNED] + c[FETCHED]) / (double) units,
                        unit,
                        c[SCANNED] / (double) units,
                        c[FETCHED] / (double) units),
                top);
    }

    private String lines(
            ToLongFunction<long[]> weight, long units, java.util.function.Function<long[], String> figures) {
        return lines(weight, units, figures, Integer.MAX_VALUE);
    }

    private String lines(
            ToLongFunction<long[]> weight, long units, java.util.function.Function<long[], String> figures, int top) {
        return rows.entrySet().stream()
                .filter(e -> weight.applyAsLong(e.getValue()) > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -weight.applyAsLong(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .map(e -> String.format("  %-32s %s", e.getKey(), figures.apply(e.getValue())))
                .collect(Collectors.joining(System.lineSeparator()));
    }
}

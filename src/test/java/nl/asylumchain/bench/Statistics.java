package nl.asylumchain.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Planner statistics while a benchmark seeds a database from empty, for ours and stock alike. Without them a bulk load
 * slows down as it grows: PostgreSQL plans a statement once per connection for the table as it was (a few rows: a
 * sequential scan) and keeps that plan until the table's statistics change. Seeding our IND cases spent most of its
 * database time in the foreign-key check of {@code ACT_RU_VARIABLE.BYTEARRAY_ID_} (every JSON variable's bytes in
 * {@code ACT_GE_BYTEARRAY}): 0.72 ms a check over the first 3,000 cases, growing with the table, against 0.005 ms with
 * fresh statistics. Autovacuum does not keep up with a bulk load on a busy machine. {@code ANALYZE} each time the seeded count doubles gives every statement a plan for the
 * table's real size (a few times in all, a few seconds at most), and once more at the end for the timed reads.
 */
final class Statistics {

    private static final int FIRST = 1_000;

    private final JdbcClient database;
    private final long start = System.nanoTime();
    private int next = FIRST;
    private int lastCount;
    private long lastReport = start;

    Statistics(JdbcClient database) {
        this.database = database;
    }

    /**
     * After a batch: analyzes when the seeded count has doubled since the last time, and prints the progress. Seeding
     * threads call it side by side: one that finishes its batch while another analyzes waits for it.
     */
    synchronized void seeded(int count, String side) {
        if (count < next) {
            return;
        }
        long analyzeStart = System.nanoTime();
        analyze();
        long now = System.nanoTime();
        System.out.printf(
                "seeding %s: %,d in %.0f s (%.0f/s since %,d; analyze %.1f s)%n",
                side,
                count,
                (now - start) / 1e9,
                (count - lastCount) / ((analyzeStart - lastReport) / 1e9),
                lastCount,
                (now - analyzeStart) / 1e9);
        lastCount = count;
        lastReport = now;
        next = count * 2;
    }

    void analyze() {
        database.sql("analyze").update();
    }

    /** Sets the visibility map and the statistics of every table, as autovacuum would in time. */
    void vacuum() {
        database.sql("vacuum analyze").update();
    }
}

package nl.asylumchain.bench;

/**
 * What a database did, from PostgreSQL's own counters ({@code pg_stat_database}): rows written and read and
 * transactions. Taken before and after a run, divided by the run's units of work, it shows where a figure's time
 * goes without timing anything: a transition that writes ten times the rows of the stock engine's is slower for it.
 */
record DatabaseWork(long inserted, long updated, long deleted, long returned, long fetched, long transactions) {

    /** The counters of this database now; waits for the statistics collector to catch up first. */
    static DatabaseWork of(String database) {
        try {
            Thread.sleep(1_000); // a backend reports its counters within half a second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StockEngine.database("postgres")
                .sql("select tup_inserted, tup_updated, tup_deleted, tup_returned, tup_fetched,"
                        + " xact_commit + xact_rollback from pg_stat_database where datname = ?")
                .param(database)
                .query((rs, row) -> new DatabaseWork(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .single();
    }

    DatabaseWork minus(DatabaseWork before) {
        return new DatabaseWork(
                inserted - before.inserted,
                updated - before.updated,
                deleted - before.deleted,
                returned - before.returned,
                fetched - before.fetched,
                transactions - before.transactions);
    }

    /** "rows written per unit (inserted/updated/deleted), rows read per unit (scanned/fetched)". */
    String per(long units, String unit) {
        return String.format(
                "%.0f rows written per %s (%.0f inserted, %.0f updated, %.0f deleted), %.0f read (%.0f scanned, %.0f"
                        + " fetched by index), %.1f transactions",
                (inserted + updated + deleted) / (double) units,
                unit,
                inserted / (double) units,
                updated / (double) units,
                deleted / (double) units,
                (returned + fetched) / (double) units,
                returned / (double) units,
                fetched / (double) units,
                transactions / (double) units);
    }
}

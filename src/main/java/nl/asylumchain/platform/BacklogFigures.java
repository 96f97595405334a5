package nl.asylumchain.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Figures a module counts from its own tables or its own processes, for a gauge that monitoring publishes. The
 * module knows what a figure means; monitoring registers every series at 0 on start-up and sets it from
 * {@link #count} in its background refresh, so a scrape never runs a query. The interface lives in the platform
 * because monitoring depends on the stage modules: a stage implementing an interface of monitoring would be a cycle.
 */
public interface BacklogFigures {

    /** One gauge series: a dotted {@code asylum.*} name with at most one fixed tag. */
    record Series(String name, String description, String tag, String tagValue) {

        public static Series untagged(String name, String description) {
            return new Series(name, description, null, null);
        }

        /**
         * {@code asylum.cases.open} of one backlog stage. Each module counts its own stages, and together they count
         * every open case in exactly one stage.
         */
        public static Series openCases(String stage) {
            return new Series("asylum.cases.open", "Open cases per stage of the chain", "stage", stage);
        }
    }

    /** The series this module counts, fixed at start-up. */
    List<Series> series();

    /** Counts every series of {@link #series()} now (business time {@code now}); background refresh only. */
    Map<Series, Long> count(Instant now);
}

package nl.asylumchain.forecast;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Lead times of the cases that left a stage, as a histogram of tenths of a day (rounded as the report rounds them)
 * to the number of cases. The report's percentiles are nearest-rank over the durations, rounded to a tenth; rounding
 * keeps the order, so the nearest-rank percentile of the rounded durations is the rounded percentile of the
 * durations: a histogram of tenths loses nothing the report shows, and the histograms of shards added together give
 * exactly the percentiles of all their cases (not an average of percentiles).
 */
record LeadTimes(SortedMap<Long, Long> tenths) {

    LeadTimes {
        tenths = new TreeMap<>(tenths);
    }

    static LeadTimes of(Collection<Double> days) {
        SortedMap<Long, Long> tenths = new TreeMap<>();
        days.forEach(d -> tenths.merge(Math.round(d * 10), 1L, Long::sum));
        return new LeadTimes(tenths);
    }

    /** The durations of both. */
    LeadTimes plus(LeadTimes other) {
        SortedMap<Long, Long> sum = new TreeMap<>(tenths);
        other.tenths.forEach((t, n) -> sum.merge(t, n, Long::sum));
        return new LeadTimes(sum);
    }

    /** 50th and 90th percentile in days (nearest rank); both 0 when no case left. */
    ForecastResult.Percentiles percentiles() {
        long count = tenths.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new ForecastResult.Percentiles(0, 0);
        }
        return new ForecastResult.Percentiles(percentile(count, 0.5), percentile(count, 0.9));
    }

    private double percentile(long count, double p) {
        long rank = Math.max(1, (long) Math.ceil(p * count));
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : tenths.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey() / 10.0;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count);
    }
}

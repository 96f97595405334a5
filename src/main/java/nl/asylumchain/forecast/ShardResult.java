package nl.asylumchain.forecast;

import java.util.List;
import java.util.Map;

/**
 * What one shard of a forecast hands its parent ({@code shard.json}): its result as a forecast of its part of the
 * chain, its lead times per week and stage as histograms (so that the merge's percentiles are those of all cases),
 * the CPU its run thread used and the problems it counted.
 */
record ShardResult(
        int index,
        int count,
        ForecastResult result,
        List<Map<String, LeadTimes>> leadTimes,
        double cpuSeconds,
        Map<String, Long> problems) {

    static final String FILE = "shard.json";
}

package nl.asylumchain.forecast;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The heap a forecast will keep in use, estimated before it starts from the size of its start state and its inflow,
 * and the sample that makes it fit the child's heap. A run's engines keep every open case in their in-memory
 * databases, so the live set grows with the cases open at once; {@link HeapWatch} stops a run whose collections leave
 * {@value HeapWatch#LEFT_PERCENT} % or more of the heap in use, after minutes of crawling. A request that names no
 * sample gets the smallest one whose estimate stays below that share (docs/forecast.md, "Heap and sample").
 *
 * <p>The figures are measured, not derived (4 December 2026, {@code mpp-2024-high}, {@code --shards 2}, {@code
 * -Xmx2g}): the half of its stock placed ({@code --sample 2}, 45,000 cases) left 1,330 MB after a full collection;
 * a year from an empty start (60,800 cases of inflow) at most 1,135 MB; the whole stock's year was stopped in 3.9 GB
 * and ran in 6.4 GB.
 *
 * @param engineMb     an isolated engine with the models deployed and nothing placed; one per shard
 * @param startCaseKb  a case of the start state (the scenario's stock, or the running system's open cases), open
 * @param inflowCaseKb a case of a year's inflow, at the most a run keeps of them (many end within the year)
 */
public record ForecastSizing(
        @DefaultValue("150") int engineMb,
        @DefaultValue("26") int startCaseKb,
        @DefaultValue("13") int inflowCaseKb) {

    /** The measured figures, the configuration's defaults. */
    public static final ForecastSizing MEASURED = new ForecastSizing(150, 26, 13);

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    /**
     * The sample a run is given and why.
     *
     * @param sample  1/N of the chain runs ({@code --sample N}); 1 is the whole
     * @param chosen  chosen here (the request named none), not asked for
     * @param wholeMb the estimated heap in use of the whole run (sample 1)
     * @param heapMb  the child's heap
     */
    public record Choice(int sample, boolean chosen, long wholeMb, long heapMb) {}

    /** The sample asked for, or (none asked) the smallest that fits {@code heapMb}, with the estimate. */
    Choice choose(Integer asked, long startCases, long inflowCases, int shards, long heapMb) {
        long whole = liveMb(startCases, inflowCases, shards, 1);
        if (asked != null) {
            return new Choice(asked, false, whole, heapMb);
        }
        int sample = 1;
        while (sample < ForecastCommand.MAX_SAMPLE
                && liveMb(startCases, inflowCases, shards, sample) > usableMb(heapMb)) {
            sample++;
        }
        return new Choice(sample, true, whole, heapMb);
    }

    /** The estimated heap in use: the engines, and the cases of a sample of 1/{@code sample} of the chain. */
    long liveMb(long startCases, long inflowCases, int shards, int sample) {
        double casesKb = startCases * (double) startCaseKb + inflowCases * (double) inflowCaseKb;
        return (long) engineMb * shards + Math.round(casesKb / 1024 / sample);
    }

    /** What a heap may keep in use before {@link HeapWatch} finds it short. */
    static long usableMb(long heapMb) {
        return heapMb * HeapWatch.LEFT_PERCENT / 100;
    }

    /** The scenario's inflow over {@code weeks}: its cases a year, pro rata (the nareis it causes is in the figure). */
    static long inflowCases(Scenario scenario, int weeks) {
        double perYear = scenario.inflow().perYear().values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        return Math.round(perYear * weeks / 52.0);
    }

    /**
     * The heap the child's options give it (the last {@code -Xmx}, in bytes, k, m or g); without one, this JVM's
     * maximum: the child runs on the same machine with the same defaults.
     */
    static long heapMb(List<String> javaOptions) {
        return heapMb(javaOptions, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** The heap {@code javaOptions} give (their last {@code -Xmx}), or {@code otherwiseMb}. */
    static long heapMb(List<String> javaOptions, long otherwiseMb) {
        Long mb = null;
        for (String option : javaOptions) {
            Matcher xmx = XMX.matcher(option.trim());
            if (xmx.matches()) {
                long value = Long.parseLong(xmx.group(1));
                mb = switch (xmx.group(2).toLowerCase(Locale.ROOT)) {
                    case "g" -> value * 1024;
                    case "m" -> value;
                    case "k" -> value / 1024;
                    default -> value / (1024 * 1024);
                };
            }
        }
        return mb != null ? mb : otherwiseMb;
    }
}

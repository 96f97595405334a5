package nl.asylumchain.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a forecast produces: the scenario it ran, how fast it ran, and one row of figures per simulated week.
 * {@code forecast.json} is this record as JSON; {@code weekly.csv} is {@link #weeks()} flattened. {@code startBacklog}
 * and {@code startCoa} are week 0: the open cases per stage and the reception occupancy once the start state (empty,
 * the scenario's stock, or the running system's cases) is placed, before the first day ({@code startCoa} is null in
 * a {@code forecast.json} written before it existed). Maps keep a fixed
 * key order (the enums' order), so that the same run always writes the same bytes.
 */
public record ForecastResult(
        Scenario scenario, Run run, List<Week> weeks, Map<String, Long> startBacklog, Coa startCoa) {

    /**
     * The scenario's name, the seed the run used, the first simulated day (a Monday), the horizon in weeks, and the
     * sample: 1 when every case of the chain ran, N when a sample of 1/N of the chain ran and its counts and stocks
     * are multiplied by N ({@code --sample N}).
     */
    public record Scenario(String name, long seed, LocalDate start, int weeks, int sample) {

        /** A {@code forecast.json} written before samples existed names none: every case ran. */
        public Scenario {
            sample = Math.max(1, sample);
        }
    }

    /**
     * The run's speed: cases registered (inflow, nareis and start stock), engine steps (wait states left: tasks
     * completed, timers fired, events delivered), wall time, and the peak heap in megabytes.
     */
    public record Run(
            long cases,
            long steps,
            double wallSeconds,
            double casesPerSecond,
            double stepsPerSecond,
            long peakHeapMb) {}

    /**
     * One simulated week (Monday to Sunday).
     *
     * @param inflow          new cases by kind: FIRST, REPEAT, RESETTLEMENT (intake) and REUNIFICATION (family
     *                        members who arrived on an mvv)
     * @param registered      cases whose registration stage ended this week (I&amp;R, interview and rest period done)
     * @param indDecisions    IND decisions taken this week per track ("1", "2", "4") and outcome (GRANT, REJECT,
     *                        DUBLIN_ACCEPTED)
     * @param backlog         open cases per stage at the end of the week ({@code casefile.Stage} names; housing and
     *                        nareis run side by side, so a permit holder with family abroad can count in both)
     * @param leadTimeDays    for the stages left this week: days spent in the stage, 50th and 90th percentile
     * @param deadlinesPassed open IND cases past their decision deadline at the end of the week
     * @param coa             reception occupancy at the end of the week
     * @param housed          permit holders housed in a municipality this week
     * @param taakstelling    the housing quota of the half-year the week's Monday lies in
     * @param departure       DT&amp;V intake and outcomes this week
     */
    public record Week(
            int week,
            LocalDate start,
            Map<String, Long> inflow,
            long registered,
            Map<String, Map<String, Long>> indDecisions,
            Map<String, Long> backlog,
            Map<String, Percentiles> leadTimeDays,
            long deadlinesPassed,
            Coa coa,
            long housed,
            long taakstelling,
            Departure departure) {}

    /** Lead time in days; both 0 when no case left the stage that week. */
    public record Percentiles(double p50, double p90) {}

    /** COA occupancy: asylum seekers, permit holders waiting for a house, unaccompanied minors, and the places. */
    public record Coa(long asylumSeekers, long permitHolders, long unaccompaniedMinors, long capacity) {}

    /**
     * DT&amp;V: cases handed over this week, departures ended this week by outcome ({@code DepartureOutcome} names),
     * and the demonstrable share of those (0 when nobody left).
     */
    public record Departure(long intake, Map<String, Long> outcomes, double demonstrableShare) {}
}

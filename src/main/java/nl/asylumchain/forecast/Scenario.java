package nl.asylumchain.forecast;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A forecast scenario, as read from a YAML file by {@link ScenarioReader} (docs/forecast.md describes every field).
 * Shares are fractions in [0, 1]; durations are days; capacities are tasks per week per candidate group. Maps keep
 * the file's order; the run sorts where order could change a result. {@code trackCapacity}: per group whose capacity
 * the file splits by IND track (only {@code ind-decision}), tasks per week per track; {@code capacity} then holds
 * their sum.
 */
public record Scenario(
        String name,
        LocalDate start,
        int weeks,
        long seed,
        Inflow inflow,
        Map<String, Double> arrivalLocations,
        List<Nationality> nationalities,
        Minors unaccompaniedMinors,
        double temporaryProtectionUkraine,
        FamilyAbroad familyAbroad,
        Dublin dublin,
        Appeal appeal,
        Reunification reunification,
        Housing housing,
        Departure departure,
        Map<String, Double> capacity,
        Map<String, Integer> receptionCapacity,
        Map<String, Integer> taakstelling,
        Policy policy,
        Stock stock,
        Map<String, Map<Integer, Double>> trackCapacity) {

    /** The IND tracks (spoor 1-5) a per-track capacity may name. */
    public static final List<Integer> TRACKS = List.of(1, 2, 3, 4, 5);

    public Scenario {
        // in group and track order, whoever built the maps: Map.copyOf iterates in an order that differs from one
        // JVM to the next, and a run must not
        if (trackCapacity != null) {
            Map<String, Map<Integer, Double>> sorted = new TreeMap<>();
            trackCapacity.forEach(
                    (group, perTrack) -> sorted.put(group, Collections.unmodifiableMap(new TreeMap<>(perTrack))));
            trackCapacity = Collections.unmodifiableMap(sorted);
        }
    }

    /** The same scenario run from another first day, over another number of weeks, with another seed. */
    public Scenario run(LocalDate start, int weeks, long seed) {
        return new Scenario(
                name,
                start,
                weeks,
                seed,
                inflow,
                arrivalLocations,
                nationalities,
                unaccompaniedMinors,
                temporaryProtectionUkraine,
                familyAbroad,
                dublin,
                appeal,
                reunification,
                housing,
                departure,
                capacity,
                receptionCapacity,
                taakstelling,
                policy,
                stock,
                trackCapacity);
    }

    /**
     * The capacity of a group split by IND track (tasks per week per track), or an empty map when the group's
     * capacity is one number for all its tasks. When split, {@link #capacity()} holds the sum of the tracks, and a
     * track not named completes no tasks.
     */
    public Map<Integer, Double> capacityPerTrack(String group) {
        return trackCapacity.getOrDefault(group, Map.of());
    }

    /** Applications a year by type (FIRST, REPEAT, RESETTLEMENT), spread over the months by {@code seasonal}. */
    public record Inflow(Map<String, Double> perYear, List<Double> seasonal) {}

    /** A nationality group: its share of the inflow and the routing shares of its cases. */
    public record Nationality(
            String code,
            double share,
            double grant,
            double eurodacHit,
            double protectionInMemberState,
            double extendedProcedure) {}

    /** Unaccompanied minors: their share of the first applications, and the share of them under 15. */
    public record Minors(double share, double under15) {}

    /** Adult applicants with family abroad: the share, the share with a spouse, the mean number of children. */
    public record FamilyAbroad(double share, double spouse, double childrenMean) {}

    /** Dublin claims: share accepted in a reply, share unanswered (counts as accepted), mean reply time. */
    public record Dublin(double accepted, double noReply, int replyDays, double transferCompleted) {}

    /**
     * Appeals against a rejection: share lodged (within {@code lodgeDays}), share of non-suspensive appeals with an
     * interim relief request, share of those granted, share of rulings that annul, mean time to the ruling.
     */
    public record Appeal(
            double share,
            int lodgeDays,
            double interimRelief,
            double interimReliefGranted,
            double annulled,
            int rulingDays) {}

    /** Nareis: evidence mix, share of DNA/interview confirming the tie, grant share, arrival share, mean arrival. */
    public record Reunification(
            Map<String, Double> evidence, double evidenceConfirmed, double granted, double arrives, int arrivalDays) {}

    /** Housing: the share of offers that are temporary housing (a doorstroomlocatie) rather than a home. */
    public record Housing(double temporaryShare) {}

    /**
     * Departure behaviour of rejected applicants: the planned ending (shares sum to 1), the chance per interview
     * round that an arranged departure happens, the mean time to leaving without supervision, detention share.
     */
    public record Departure(
            double independent,
            double forced,
            double unsupervised,
            double departedPerRound,
            int unsupervisedDays,
            double detention) {}

    /** Policy switches: inputs of the policy decisions in the DMN, and holds of a category over a period. */
    public record Policy(Map<String, Boolean> decisions, List<Hold> holds) {}

    /** A policy hold of a category from a date until a date (exclusive; null: not within the horizon). */
    public record Hold(String category, LocalDate from, LocalDate until) {}

    /**
     * A synthetic start stock, placed in the models before the first day (docs/forecast.md, "The start stock"): cases
     * pending at the IND per track ({@code 1}, {@code 2}, {@code 4}) with the mix of months since their application,
     * the share of them that are unaccompanied minors; pending nareis applications (one sponsor each, housed
     * already, registered at the IND) with the mix of months since they were made; permit holders in reception
     * waiting for housing; open DT&amp;V cases.
     */
    public record Stock(
            Map<Integer, Long> ind,
            List<AgeBand> indAgeMonths,
            double indUnaccompaniedMinors,
            long reunification,
            List<AgeBand> reunificationAgeMonths,
            long housing,
            long departure) {
        /** Made within the last month: the age of a stock given as a number alone. */
        public static final List<AgeBand> RECENT = List.of(new AgeBand(0, 1, 1));

        public static final Stock NONE = new Stock(Map.of(), RECENT, 0, 0, RECENT, 0, 0);

        public Stock {
            // in track order: Map.copyOf iterates in an order that differs from one JVM to the next, and the stock
            // is placed track by track
            ind = Collections.unmodifiableMap(new TreeMap<>(ind));
            indAgeMonths = List.copyOf(indAgeMonths);
            reunificationAgeMonths = List.copyOf(reunificationAgeMonths);
        }

        /** Cases pending at the IND, all tracks. */
        public long indTotal() {
            return ind.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Every case the stock places. */
        public long total() {
            return indTotal() + reunification + housing + departure;
        }
    }

    /** A share of a stock whose applications were made from {@code fromMonths} to {@code toMonths} ago. */
    public record AgeBand(int fromMonths, int toMonths, double share) {}
}

package nl.asylumchain.forecast.process;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import nl.asylumchain.forecast.Scenario;

/**
 * What the forecast knows of one case: its number in the run and its own random generator, derived from the
 * scenario's seed and the case number only. A case's draws therefore never depend on how many draws other cases
 * made before it, so the same seed gives the same run whatever the order of work on a day.
 */
final class CaseDraws {

    /** How a rejected applicant's departure is planned to end, drawn once at the first departure interview. */
    enum PlannedDeparture {
        INDEPENDENT,
        FORCED,
        UNSUPERVISED
    }

    private final long number;
    private final RandomGenerator random;
    private final Scenario.Nationality nationality;
    private Boolean grantable;
    private PlannedDeparture plannedDeparture;

    CaseDraws(long seed, long number, Scenario.Nationality nationality) {
        this.number = number;
        this.random = random(seed, number);
        this.nationality = nationality;
    }

    /** A generator for a case number: a 64-bit mix of seed and number (SplitMix64's finaliser), never shared. */
    static RandomGenerator random(long seed, long number) {
        long z = seed * 0x9E3779B97F4A7C15L + number;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    long number() {
        return number;
    }

    RandomGenerator random() {
        return random;
    }

    Scenario.Nationality nationality() {
        return nationality;
    }

    boolean chance(double share) {
        return share > 0 && random.nextDouble() < share;
    }

    /** A whole number of days, uniform from 1 to twice the mean minus one (so its mean is {@code mean}). */
    int days(int mean) {
        return 1 + random.nextInt(Math.max(1, 2 * mean - 1));
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One key of a share map (shares adding up to 1), in the map's order. */
    String pick(Map<String, Double> shares) {
        double roll = random.nextDouble();
        String last = null;
        for (Map.Entry<String, Double> entry : shares.entrySet()) {
            last = entry.getKey();
            roll -= entry.getValue();
            if (roll < 0) {
                return last;
            }
        }
        return last;
    }

    /** Whether the case merits a permit: drawn once from its nationality's grant share, so assessment and decision agree. */
    boolean grantable() {
        if (grantable == null) {
            grantable = chance(nationality.grant());
        }
        return grantable;
    }

    PlannedDeparture plannedDeparture(Scenario.Departure departure) {
        if (plannedDeparture == null) {
            double roll = random.nextDouble();
            plannedDeparture = roll < departure.independent()
                    ? PlannedDeparture.INDEPENDENT
                    : roll < departure.independent() + departure.forced()
                            ? PlannedDeparture.FORCED
                            : PlannedDeparture.UNSUPERVISED;
        }
        return plannedDeparture;
    }
}

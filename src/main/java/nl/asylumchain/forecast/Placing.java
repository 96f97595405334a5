package nl.asylumchain.forecast;

/**
 * How far the placement of a run's start state (the scenario's stock or a snapshot's open cases) has come: told
 * before each case is placed and once more when every case is. The letter's whole stock takes minutes before the first
 * simulated day (docs/forecast.md, "Run it").
 */
@FunctionalInterface
public interface Placing {

    /** Tells nothing. */
    Placing NONE = (placed, total) -> {};

    /** {@code placed} of the start state's {@code total} cases have been placed (or passed over as not placeable). */
    void placed(long placed, long total);
}

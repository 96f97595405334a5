package nl.asylumchain.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.Stage;

/**
 * Moves the chain through simulated days: the virtual clock, due timers, the scenario's inflow, capacity-bound task
 * completion and the outside world's events, all through the real models and services. Implemented against the
 * engine's and the stage modules' services only (no database of its own), so a seeding tool can drive an engine on
 * PostgreSQL with it too.
 */
public interface ChainDriver {

    /** Deploys the scenario's policy switches, sets the housing quota and places the start stock. */
    default void prepare(Scenario scenario) {
        prepare(scenario, null, Placing.NONE);
    }

    /**
     * As {@link #prepare(Scenario)}, but with {@code from} not null the start state is that snapshot's open cases,
     * each placed where it waited (the scenario's stock is not placed then); tells {@code placing} how far the
     * placement has come.
     */
    void prepare(Scenario scenario, ForecastSnapshot from, Placing placing);

    /** Simulates one day; the clock stands at that day's start of work afterwards. */
    void day(LocalDate date);

    /** Open cases per stage, counted as {@code asylum.cases.open} counts them. */
    Map<Stage, Long> openCasesPerStage();

    /** The stages cases left since the last call, with their days in the stage. */
    List<StageTime> stagesLeft();

    /**
     * The applications reported at intake since the last call, by their type (the inflow: a case counts when it
     * reports, not when it signs its application at I&amp;R days later).
     */
    List<ApplicationType> reported();

    /** Cases started so far: inflow, arrived family members and the start stock. */
    long cases();

    /** Engine steps so far: tasks completed, timers fired, events delivered and cases registered. */
    long steps();

    /** What went wrong without stopping the run (a refused answer, a failed timer), counted per kind. */
    Map<String, Long> problems();

    /** Sets the engine's clock back to wall time and removes what the run deployed. */
    void finish();

    /** The groups the run's handling covers, for the log. */
    List<String> groups();
}

package nl.asylumchain.forecast;

/** Reads the open cases of the running engine for a forecast "from now" (implemented in {@code process/}). */
public interface SnapshotSource {

    ForecastSnapshot take();
}

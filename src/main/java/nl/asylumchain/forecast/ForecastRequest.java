package nl.asylumchain.forecast;

/**
 * What to forecast: a shipped scenario by name or a scenario file's YAML (one of the two), optionally with another
 * seed or horizon, and from the open cases of the running system instead of the scenario's start state.
 */
public record ForecastRequest(String scenario, String yaml, Long seed, Integer weeks, Boolean fromNow) {

    public boolean startsFromNow() {
        return Boolean.TRUE.equals(fromNow);
    }
}

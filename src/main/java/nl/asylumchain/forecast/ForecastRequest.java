package nl.asylumchain.forecast;

/**
 * What to forecast: a shipped scenario by name or a scenario file's YAML (one of the two), optionally with another
 * seed or horizon, and from the open cases of the running system instead of the scenario's start state. {@code shards}
 * (1-16, default 1): the number of JVMs the forecast is divided over ({@code --shards}). {@code sample} (1-100, default
 * 1): run 1/N of the chain and scale its figures to the whole ({@code --sample}). From now, both divide the running
 * system's open cases by case.
 */
public record ForecastRequest(
        String scenario, String yaml, Long seed, Integer weeks, Boolean fromNow, Integer shards, Integer sample) {

    public ForecastRequest(String scenario, String yaml, Long seed, Integer weeks, Boolean fromNow) {
        this(scenario, yaml, seed, weeks, fromNow, null, null);
    }

    public ForecastRequest(String scenario, String yaml, Long seed, Integer weeks, Boolean fromNow, Integer shards) {
        this(scenario, yaml, seed, weeks, fromNow, shards, null);
    }

    public boolean startsFromNow() {
        return Boolean.TRUE.equals(fromNow);
    }
}

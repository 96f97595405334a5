package nl.asylumchain.forecast;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import nl.asylumchain.reception.ReceptionProperties;

/**
 * Divides a scenario into {@code count} independent shards (docs/forecast.md, "Speed": sharding): every quantity that
 * scales with the size of the chain (inflow per type, start stock, capacity per group and per IND track, reception
 * places, the taakstelling) is divided so that the shards' integer parts add up exactly to the whole, by largest
 * remainder (equal shares, so the remainder goes to the lowest shard indices: shard 0 is never the smaller one, in
 * every quantity alike, which keeps each shard's capacity in proportion to its inflow). A fraction of a weekly
 * capacity or yearly inflow is spread evenly. Shares, durations and policy are the whole scenario's. Each shard has a
 * seed of its own, derived from the scenario's seed and the shard's index, so that the shards draw different cases.
 */
final class ScenarioShards {

    /** At most this many shards: beyond it a shard is too small for its figures to mean much, and JVMs add up. */
    static final int MAX = 16;
    /** The most parts a scenario is divided into: {@link #MAX} shards of a sample of 1/100 ({@code --sample}). */
    static final int MAX_PARTS = MAX * ForecastCommand.MAX_SAMPLE;

    private ScenarioShards() {}

    /**
     * Shard {@code index} (0-based) of {@code count}. With one shard, the scenario itself. {@code receptionDefaults}:
     * the application's reception places per key ({@link #receptionDefaults()}), divided where the scenario leaves a
     * key out (a shard must not get the whole country's default); the result names every key.
     */
    static Scenario shard(Scenario whole, int index, int count, Map<String, Integer> receptionDefaults) {
        if (count < 1 || count > MAX_PARTS || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count);
        }
        if (count == 1) {
            return whole;
        }
        Map<String, Map<Integer, Double>> trackCapacity = new TreeMap<>();
        whole.trackCapacity().forEach((group, perTrack) -> {
            Map<Integer, Double> shard = new TreeMap<>();
            perTrack.forEach((track, n) -> shard.put(track, share(n, index, count)));
            trackCapacity.put(group, shard);
        });
        Map<String, Double> capacity = new LinkedHashMap<>();
        whole.capacity()
                .forEach((group, n) -> capacity.put(
                        group,
                        trackCapacity.containsKey(group)
                                // as the reader keeps it: a split group's capacity is the sum of its tracks
                                ? trackCapacity.get(group).values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum()
                                : share(n, index, count)));
        Map<String, Integer> reception = new LinkedHashMap<>(receptionDefaults);
        reception.putAll(whole.receptionCapacity());
        reception.replaceAll((key, n) -> (int) share((long) n, index, count));
        Map<String, Integer> taakstelling = new LinkedHashMap<>();
        whole.taakstelling().forEach((half, n) -> taakstelling.put(half, (int) share((long) n, index, count)));
        Map<String, Double> perYear = new LinkedHashMap<>();
        whole.inflow().perYear().forEach((type, n) -> perYear.put(type, share(n, index, count)));
        Scenario.Stock stock = whole.stock();
        Map<Integer, Long> ind = new TreeMap<>();
        stock.ind().forEach((track, n) -> ind.put(track, share(n, index, count)));
        Scenario.Stock shardStock = new Scenario.Stock(
                ind,
                stock.indAgeMonths(),
                stock.indUnaccompaniedMinors(),
                share(stock.reunification(), index, count),
                stock.reunificationAgeMonths(),
                share(stock.housing(), index, count),
                share(stock.departure(), index, count));
        return new Scenario(
                whole.name(),
                whole.start(),
                whole.weeks(),
                seed(whole.seed(), index),
                new Scenario.Inflow(perYear, whole.inflow().seasonal()),
                whole.arrivalLocations(),
                whole.nationalities(),
                whole.unaccompaniedMinors(),
                whole.temporaryProtectionUkraine(),
                whole.familyAbroad(),
                whole.dublin(),
                whole.appeal(),
                whole.reunification(),
                whole.housing(),
                whole.departure(),
                capacity,
                reception,
                taakstelling,
                whole.policy(),
                shardStock,
                trackCapacity);
    }

    /** Shard {@code index}'s part of a whole number: {@code whole / count}, and one more for the first remainder. */
    static long share(long whole, int index, int count) {
        return whole / count + (index < whole % count ? 1 : 0);
    }

    /**
     * Shard {@code index}'s part of a quantity that may have a fraction (tasks a week, cases a year): the integer part
     * by {@link #share(long, int, int)}, the fraction divided evenly.
     */
    static double share(double whole, int index, int count) {
        long integer = (long) Math.floor(whole);
        return share(integer, index, count) + (whole - integer) / count;
    }

    /** A shard's seed: a 64-bit mix (SplitMix64's finaliser) of the scenario's seed and the shard's index. */
    static long seed(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        // non-negative, as a seed in a request must be
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /**
     * The reception places the application would use for a key the scenario leaves out ({@code application.yml}, then
     * {@link ReceptionProperties}' defaults), under the scenario's and the property's names ({@code family-location},
     * {@code ter-apel}, ...).
     */
    static Map<String, Integer> receptionDefaults() {
        try {
            List<PropertySource<?>> yaml =
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            ReceptionProperties.Capacity c = new Binder(
                            org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(yaml))
                    .bindOrCreate("asylumchain.reception", ReceptionProperties.class)
                    .capacity();
            Map<String, Integer> defaults = new LinkedHashMap<>();
            defaults.put("col", c.col());
            defaults.put("pol", c.pol());
            defaults.put("azc", c.azc());
            defaults.put("vbl", c.vbl());
            defaults.put("family-location", c.familyLocation());
            defaults.put("nidos-foster", c.nidosFoster());
            defaults.put("coa-amv", c.coaAmv());
            defaults.put("total", c.total());
            defaults.put("ter-apel", c.terApel());
            defaults.put("amv-ter-apel", c.amvTerApel());
            defaults.put("amv-ter-apel-maximum", c.amvTerApelMaximum());
            return defaults;
        } catch (IOException e) {
            throw new IllegalStateException("application.yml cannot be read", e);
        }
    }
}

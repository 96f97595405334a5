package nl.asylumchain.forecast;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The division of a scenario into shards loses and adds nothing: every quantity's parts add up to the whole. */
class ScenarioShardsTest {

    private static final Scenario HIGH = ScenarioReader.read("mpp-2024-high");
    private static final Map<String, Integer> DEFAULTS = ScenarioShards.receptionDefaults();

    @Property
    void theShardsIntegerPartsAddUpExactlyToTheScenarioAndTheirFractionsToItsFraction(
            @ForAll("scenarios") Scenario whole, @ForAll @IntRange(min = 1, max = 4) int count) {
        List<Scenario> shards = IntStream.range(0, count)
                .mapToObj(i -> ScenarioShards.shard(whole, i, count, DEFAULTS))
                .toList();

        whole.inflow()
                .perYear()
                .forEach((type, n) ->
                        assertAddsUp(n, shards, s -> s.inflow().perYear().get(type)));
        whole.capacity().forEach((group, n) -> {
            if (!whole.trackCapacity().containsKey(group)) {
                assertAddsUp(n, shards, s -> s.capacity().get(group));
            }
        });
        // a group split by track: each track is divided; the group's number stays the sum of its tracks
        shards.forEach(s -> s.trackCapacity()
                .forEach((group, perTrack) -> assertThat(s.capacity().get(group))
                        .isCloseTo(
                                perTrack.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum(),
                                within(1e-9))));
        whole.trackCapacity()
                .forEach((group, perTrack) -> perTrack.forEach((track, n) ->
                        assertAddsUp(n, shards, s -> s.capacityPerTrack(group).get(track))));
        whole.taakstelling()
                .forEach((half, n) -> assertThat(shards.stream()
                                .mapToLong(s -> s.taakstelling().get(half))
                                .sum())
                        .isEqualTo(n.longValue()));
        Map<String, Integer> reception = new LinkedHashMap<>(DEFAULTS);
        reception.putAll(whole.receptionCapacity());
        reception.forEach((key, n) -> assertThat(shards.stream()
                        .mapToLong(s -> s.receptionCapacity().getOrDefault(key, DEFAULTS.get(key)))
                        .sum())
                .as("reception %s (a key the scenario leaves out is the application's default, divided)", key)
                .isEqualTo(n.longValue()));
        whole.stock()
                .ind()
                .forEach((track, n) -> assertThat(shards.stream()
                                .mapToLong(s -> s.stock().ind().get(track))
                                .sum())
                        .isEqualTo(n.longValue()));
        assertThat(shards.stream().mapToLong(s -> s.stock().reunification()).sum())
                .isEqualTo(whole.stock().reunification());
        assertThat(shards.stream().mapToLong(s -> s.stock().housing()).sum())
                .isEqualTo(whole.stock().housing());
        assertThat(shards.stream().mapToLong(s -> s.stock().departure()).sum())
                .isEqualTo(whole.stock().departure());
        // no shard is more than one case or task larger than another in any quantity
        shards.forEach(s -> assertThat(
                        s.stock().housing() - shards.get(count - 1).stock().housing())
                .isBetween(0L, 1L));
    }

    @Property
    void everyShardHasASeedOfItsOwnThatTheSameSeedAlwaysGives(
            @ForAll @LongRange(min = 0) long seed, @ForAll @IntRange(min = 2, max = 16) int count) {
        Scenario whole = HIGH.run(HIGH.start(), HIGH.weeks(), seed);
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < count; i++) {
            long shardSeed = ScenarioShards.shard(whole, i, count, DEFAULTS).seed();
            assertThat(shardSeed)
                    .isNotNegative()
                    .isEqualTo(ScenarioShards.shard(whole, i, count, DEFAULTS).seed());
            seeds.add(shardSeed);
        }
        assertThat(seeds).hasSize(count).doesNotContain(seed);
    }

    @Example
    void oneShardIsTheScenarioItself() {
        assertThat(ScenarioShards.shard(HIGH, 0, 1, DEFAULTS)).isSameAs(HIGH);
    }

    @Example
    void sharesAndPolicyAreTheWholeScenariosInEveryShard() {
        Scenario shard = ScenarioShards.shard(HIGH, 1, 2, DEFAULTS);

        assertThat(shard.nationalities()).isEqualTo(HIGH.nationalities());
        assertThat(shard.appeal()).isEqualTo(HIGH.appeal());
        assertThat(shard.policy()).isEqualTo(HIGH.policy());
        assertThat(shard.stock().indAgeMonths()).isEqualTo(HIGH.stock().indAgeMonths());
        assertThat(shard.inflow().seasonal()).isEqualTo(HIGH.inflow().seasonal());
        assertThat(shard.start()).isEqualTo(HIGH.start());
        assertThat(shard.weeks()).isEqualTo(HIGH.weeks());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Double> perWeek = Arbitraries.doubles().between(0, 100_000).ofScale(2);
        Arbitrary<Long> cases = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Integer> places = Arbitraries.integers().between(0, 10_000_000);
        return net.jqwik.api.Combinators.combine(
                        perWeek.list().ofSize(3),
                        perWeek.list().ofSize(3),
                        perWeek.list().ofSize(2),
                        cases.list().ofSize(6),
                        places.list().ofSize(5))
                .as((inflow, capacity, tracks, stock, reception) -> {
                    Map<String, Double> perYear = new LinkedHashMap<>();
                    perYear.put("FIRST", inflow.get(0) * 10);
                    perYear.put("REPEAT", inflow.get(1));
                    perYear.put("RESETTLEMENT", inflow.get(2));
                    Map<Integer, Double> perTrack = new TreeMap<>(Map.of(2, tracks.get(0), 4, tracks.get(1)));
                    Map<String, Double> groups = new LinkedHashMap<>();
                    groups.put("police-avim", capacity.get(0));
                    groups.put("coa", capacity.get(1));
                    groups.put("municipality", capacity.get(2));
                    groups.put("ind-decision", tracks.get(0) + tracks.get(1));
                    Scenario.Stock s = HIGH.stock();
                    return new Scenario(
                            HIGH.name(),
                            HIGH.start(),
                            HIGH.weeks(),
                            stock.get(5),
                            new Scenario.Inflow(perYear, HIGH.inflow().seasonal()),
                            HIGH.arrivalLocations(),
                            HIGH.nationalities(),
                            HIGH.unaccompaniedMinors(),
                            HIGH.temporaryProtectionUkraine(),
                            HIGH.familyAbroad(),
                            HIGH.dublin(),
                            HIGH.appeal(),
                            HIGH.reunification(),
                            HIGH.housing(),
                            HIGH.departure(),
                            groups,
                            Map.of("total", reception.get(0), "azc", reception.get(1), "col", reception.get(2)),
                            Map.of("2024-I", reception.get(3), "2024-II", reception.get(4)),
                            HIGH.policy(),
                            new Scenario.Stock(
                                    Map.of(1, stock.get(0), 2, stock.get(1), 4, stock.get(2)),
                                    s.indAgeMonths(),
                                    s.indUnaccompaniedMinors(),
                                    stock.get(3),
                                    s.reunificationAgeMonths(),
                                    stock.get(4),
                                    stock.get(5)),
                            Map.of("ind-decision", perTrack));
                });
    }

    private static void assertAddsUp(
            double whole, List<Scenario> shards, java.util.function.Function<Scenario, Double> part) {
        long integers =
                shards.stream().mapToLong(s -> (long) Math.floor(part.apply(s))).sum();
        assertThat(integers).isEqualTo((long) Math.floor(whole));
        assertThat(shards.stream().mapToDouble(part::apply).sum()).isCloseTo(whole, within(1e-6));
    }
}

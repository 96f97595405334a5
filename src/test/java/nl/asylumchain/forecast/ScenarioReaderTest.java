package nl.asylumchain.forecast;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario file that cannot run is refused before anything starts, with the field named. */
class ScenarioReaderTest {

    private static String small() throws IOException {
        try (InputStream in = ScenarioReaderTest.class.getClassLoader().getResourceAsStream("forecast/small.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Scenario parse(String yaml) {
        return ScenarioReader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void refused(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(message);
    }

    @Test
    void everyShippedScenarioReads() {
        for (String name : ScenarioReader.SHIPPED_NAMES) {
            Scenario scenario = ScenarioReader.read(name);
            assertThat(scenario.name()).isEqualTo(name);
            assertThat(scenario.weeks()).isEqualTo(52);
        }
    }

    @Test
    void theStockAndTheCapacityPerTrackAreInTrackOrderInEveryJvm() {
        // a JVM's own order (Map.copyOf, Map.of) placed the stock's tracks in another order in each run
        Scenario.Stock stock = new Scenario.Stock(
                Map.of(4, 1L, 1, 2L, 2, 3L, 5, 4L, 3, 5L), Scenario.Stock.RECENT, 0, 0, Scenario.Stock.RECENT, 0, 0);
        assertThat(stock.ind().keySet()).containsExactly(1, 2, 3, 4, 5);
        Scenario high = ScenarioReader.read("mpp-2024-high");
        assertThat(high.stock().ind().keySet()).containsExactly(1, 2, 4);
        assertThat(high.capacityPerTrack("ind-decision").keySet()).containsExactly(2, 4);
        Scenario shuffled = ForecastLab.with(high, b -> {
            b.trackCapacity = Map.of("b", Map.of(4, 1.0, 2, 1.0, 1, 1.0), "a", Map.of(5, 1.0, 3, 1.0));
            return b;
        });
        assertThat(shuffled.trackCapacity().keySet()).containsExactly("a", "b");
        assertThat(shuffled.capacityPerTrack("b").keySet()).containsExactly(1, 2, 4);
    }

    @Test
    void aShareAboveOneIsRefusedNamingTheField() throws IOException {
        refused(
                small().replace("appeal: {share: 0.7,", "appeal: {share: 1.7,"),
                "scenario.appeal.share: must be from 0 to 1, not 1.7");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() throws IOException {
        // an optional part misspelt would otherwise silently mean "no policy switches"
        refused(small() + "polciy:\n  decisions: {writtenHearingInUse: true}\n", "scenario.polciy: unknown field");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        refused(small().replace("seed: 42\n", ""), "scenario.seed: is missing");
    }

    @Test
    void sharesThatDoNotAddUpAreRefused() throws IOException {
        refused(
                small().replace("unsupervised: 0.5,", "unsupervised: 0.6,"),
                "scenario.departure: independent + forced + unsupervised must add up to 1, not 1.1");
        refused(
                small().replace("{code: MAR, share: 0.2,", "{code: MAR, share: 0.3,"),
                "scenario.nationalities: the shares must add up to 1");
    }

    @Test
    void anUnknownCandidateGroupOrPolicySwitchIsRefused() throws IOException {
        refused(
                small().replace("  dtv: 10000", "  dtv: 10000\n  ind-appeal: 5"),
                "scenario.capacity.ind-appeal: unknown field");
        refused(
                small() + "policy:\n  decisions: {spoorZesInUse: true}\n",
                "scenario.policy.decisions.spoorZesInUse: not a policy switch; known: trackFiveInUse, "
                        + "trackThreeInUse, writtenHearingInUse");
    }

    private static final String STOCK = """
            stock:
              ind:
                track1: 30
                track2: 20
                track4: 250
                ageMonths: {0-3: 0.5, 3-12: 0.5}
                unaccompaniedMinors: 0.1
              reunification: 40
              housing: 25
              departure: 10
            """;

    @Test
    void aStartStockReadsPerStageTrackAndAgeBand() throws IOException {
        Scenario.Stock stock = parse(small() + STOCK).stock();
        assertThat(stock.ind()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(1, 30L, 2, 20L, 4, 250L));
        assertThat(stock.indAgeMonths())
                .containsExactly(new Scenario.AgeBand(0, 3, 0.5), new Scenario.AgeBand(3, 12, 0.5));
        assertThat(stock.total()).isEqualTo(300 + 40 + 25 + 10);
        assertThat(ScenarioReader.read("mpp-2023-medio").stock().indTotal()).isEqualTo(35_790);
        assertThat(ScenarioReader.read("mpp-2023-medio").stock().reunification())
                .isEqualTo(18_000);
        assertThat(ScenarioReader.read("mpp-2024-high").stock().indTotal()).isEqualTo(50_000);
        assertThat(ScenarioReader.read("mpp-2024-high").stock().reunification()).isEqualTo(27_000);
        // a number alone: applications made within the last month
        assertThat(stock.reunificationAgeMonths()).containsExactly(new Scenario.AgeBand(0, 1, 1));
    }

    @Test
    void pendingNareisApplicationsMayCarryTheirAgeBands() throws IOException {
        Scenario.Stock stock = parse(small()
                        + STOCK.replace(
                                "  reunification: 40\n",
                                "  reunification:\n    applications: 40\n    ageMonths: {0-3: 0.25, 3-9: 0.75}\n"))
                .stock();
        assertThat(stock.reunification()).isEqualTo(40);
        assertThat(stock.reunificationAgeMonths())
                .containsExactly(new Scenario.AgeBand(0, 3, 0.25), new Scenario.AgeBand(3, 9, 0.75));
        assertThat(ScenarioReader.read("mpp-2023-medio").stock().reunificationAgeMonths())
                .hasSizeGreaterThan(1);

        refused(
                small() + STOCK.replace("  reunification: 40\n", "  reunification:\n    applications: 40\n"),
                "scenario.stock.reunification.ageMonths: is missing");
        refused(
                small()
                        + STOCK.replace(
                                "  reunification: 40\n",
                                "  reunification:\n    applications: 40\n    ageMonths: {0-3: 0.5}\n"),
                "scenario.stock.reunification.ageMonths: the bands' shares must add up to 1, not 0.5");
    }

    @Test
    void aBadStartStockIsRefusedNamingTheField() throws IOException {
        refused(
                small() + STOCK.replace("housing: 25", "housing: -5"),
                "scenario.stock.housing: must be from 0 to 1000000, not -5");
        refused(small() + STOCK.replace("    track2: 20\n", ""), "scenario.stock.ind.track2: is missing");
        refused(
                small() + STOCK.replace("track4: 250", "track4: 250\n    track3: 5"),
                "scenario.stock.ind.track3: unknown field");
        refused(
                small() + STOCK.replace("3-12: 0.5", "3-12: 0.4"),
                "scenario.stock.ind.ageMonths: the bands' shares must add up to 1, not 0.9");
        refused(
                small() + STOCK.replace("3-12: 0.5", "12-3: 0.5"),
                "scenario.stock.ind.ageMonths.12-3: a band of months since the application such as 0-6 (from below to, at most 120)");
        refused(
                small() + STOCK.replace("unaccompaniedMinors: 0.1", "unaccompaniedMinors: 2"),
                "scenario.stock.ind.unaccompaniedMinors: must be from 0 to 1, not 2");
    }

    @Test
    void indDecisionCapacityMayBeSplitByTrackAndTheGroupTotalIsTheSum() throws IOException {
        Scenario scenario =
                parse(small().replace("  ind-decision: 10000", "  ind-decision: {1: 100, 2: 200, 4: 2420}"));
        assertThat(scenario.capacityPerTrack("ind-decision"))
                .isEqualTo(java.util.Map.of(1, 100.0, 2, 200.0, 4, 2420.0));
        assertThat(scenario.capacity()).containsEntry("ind-decision", 2720.0);
        assertThat(scenario.capacityPerTrack("ind-dublin")).isEmpty();
    }

    @Test
    void aBadTrackCapacityIsRefusedNamingTheTrack() throws IOException {
        refused(
                small().replace("  ind-decision: 10000", "  ind-decision: {4: 100, 6: 5}"),
                "scenario.capacity.ind-decision.6: not a track; known: [1, 2, 3, 4, 5]");
        refused(
                small().replace("  ind-decision: 10000", "  ind-decision: {4: -5}"),
                "scenario.capacity.ind-decision.4: must be from 0 to 10000000, not -5");
        refused(
                small().replace("  ind-decision: 10000", "  ind-decision: {4: many}"),
                "scenario.capacity.ind-decision.4: a number of tasks per week from 0 to 10000000");
        refused(
                small().replace("  ind-decision: 10000", "  ind-decision: {}"),
                "scenario.capacity.ind-decision: name at least one track, e.g. {4: 1000}");
        refused(
                small().replace("  ind-decision: 10000", "  ind-decision: {2: 10, 4: 100}")
                        + "policy:\n  decisions: {trackThreeInUse: true}\n",
                "scenario.capacity.ind-decision: spoor 3 is switched on (policy.decisions.trackThreeInUse) but has no"
                        + " capacity; give it one, 0 if meant");
        refused(
                small().replace("  police-avim: 10000", "  police-avim: {4: 100}"),
                "scenario.capacity.police-avim: a number of tasks per week (a split by track is for ind-decision)");
    }

    @Test
    void aStartThatIsNoMondayIsRefused() throws IOException {
        refused(
                small().replace("start: 2023-01-02", "start: 2023-01-03"),
                "scenario.start: must be a Monday (weeks run Monday to Sunday), not TUESDAY");
    }

    @Test
    void aHoldThatEndsBeforeItBeginsIsRefused() throws IOException {
        refused(
                small() + "policy:\n  holds:\n    - {category: TEMPORARY_PROTECTION_UKRAINE, from: 2023-02-06, "
                        + "until: 2023-01-30}\n",
                "scenario.policy.holds[0].until: must come after from");
        refused(
                small() + "policy:\n  holds:\n    - {category: SYRIANS, from: 2023-02-06}\n",
                "scenario.policy.holds[0].category: one of [COUNTRY_REASSESSMENT, TEMPORARY_PROTECTION_UKRAINE]");
    }

    @Test
    void textThatIsNoYamlMappingIsRefused() {
        refused("- just\n- a list\n", "scenario.: a scenario is a YAML mapping of fields");
        assertThatThrownBy(() -> parse("name: [unclosed"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario.: not valid YAML");
    }

    @Test
    void aScenarioIsFoundByNameOrByPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yml");
        Files.writeString(file, small().replace("name: small", "name: mine"));
        assertThat(ScenarioReader.read(file.toString()).name()).isEqualTo("mine");
        assertThatThrownBy(() -> ScenarioReader.read("mpp-2031-dream"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("scenario.name: 'mpp-2031-dream' is no shipped scenario");
    }

    @Test
    void theCommandLineExitsWithTwoOnABadScenario(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, small().replace("weeks: 4", "weeks: 0"));
        var err = new java.io.ByteArrayOutputStream();
        int exit = ForecastCommand.run(
                new String[] {"--scenario", file.toString(), "--out", dir.toString()},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scenario.weeks: must be from 1 to 520, not 0");
    }
}

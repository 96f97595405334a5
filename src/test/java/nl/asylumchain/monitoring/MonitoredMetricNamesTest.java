package nl.asylumchain.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.casefile.Stage;
import nl.asylumchain.platform.Groups;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards and alerts only use metrics the application really publishes: every metric name in a Grafana panel
 * query or an alert expression appears in a real scrape of {@code /actuator/prometheus}. Names other modules are
 * adding in parallel are listed in {@code monitoring/pending-metrics.txt} ({@link #pendingFromOtherModules}); the
 * lead empties that list when merging them, and a listed name that does appear fails here, so the list cannot
 * go stale.
 */
@ChainTestContext
class MonitoredMetricNamesTest {

    static final Path MONITORING = Path.of("monitoring");
    private static final Pattern METRIC = Pattern.compile("\\basylum_[a-z0-9_]+");
    private static final Pattern SUFFIX =
            Pattern.compile("_(total|seconds_count|seconds_sum|seconds_bucket|seconds_max|seconds)$");

    @LocalServerPort
    int port;

    /** Micrometer names of other modules' metrics that dashboards use before those modules are merged. */
    static Set<String> pendingFromOtherModules() throws IOException {
        Set<String> pending = new TreeSet<>();
        for (String line : Files.readAllLines(MONITORING.resolve("pending-metrics.txt"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                pending.add(line.strip());
            }
        }
        return pending;
    }

    @Test
    void everyMetricInADashboardOrAlertAppearsInARealScrape() throws IOException {
        Set<String> scraped = Scrape.parse(new ChainClient(port).scrape()).names();
        Set<String> pending = pendingFromOtherModules();
        Map<String, Set<String>> used = usedMetricNames();
        assertThat(used).as("dashboards and alerts use metrics").hasSizeGreaterThan(20);

        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        used.forEach((name, where) -> {
            String micrometer = micrometerName(name);
            boolean present = scraped.contains(name);
            if (pending.contains(micrometer)) {
                if (scrapedUnder(scraped, micrometer)) {
                    stale.add(micrometer + " is scraped now: remove it from monitoring/pending-metrics.txt");
                }
            } else if (!present) {
                missing.add(name + " (" + micrometer + ") used in " + where);
            }
        });
        assertThat(missing)
                .as("metric names used by dashboards or alerts but not in the scrape")
                .isEmpty();
        assertThat(stale).as("pending metrics that exist").isEmpty();
    }

    @Test
    void everyPendingMetricIsStillMissingAndUsed() throws IOException {
        Set<String> scraped = Scrape.parse(new ChainClient(port).scrape()).names();
        Set<String> usedMicrometerNames = new TreeSet<>();
        usedMetricNames().keySet().forEach(name -> usedMicrometerNames.add(micrometerName(name)));
        for (String pending : pendingFromOtherModules()) {
            assertThat(scrapedUnder(scraped, pending))
                    .as(pending + " is scraped now: remove it from monitoring/pending-metrics.txt")
                    .isFalse();
            assertThat(usedMicrometerNames)
                    .as("pending " + pending + " is used by a dashboard or an alert")
                    .contains(pending);
        }
    }

    @Test
    void everyFixedTagValueHasASeriesBeforeTheFirstCase() {
        Scrape scrape = Scrape.parse(new ChainClient(port).scrape());
        assertThat(scrape.labelValues("asylum_cases_registered_total", "application_type"))
                .containsExactlyInAnyOrder("first", "repeat", "resettlement", "family_reunification");
        assertThat(scrape.labelValues("asylum_cases_registered_total", "arrival_location"))
                .containsExactlyInAnyOrder("ter_apel", "budel", "schiphol", "zevenaar");
        assertThat(scrape.labelValues("asylum_cases_registered_total", "unaccompanied_minor"))
                .containsExactlyInAnyOrder("true", "false");
        assertThat(scrape.labelValues("asylum_tracks_assigned_total", "track"))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        assertThat(scrape.labelValues("asylum_stages_entered_total", "stage"))
                .containsExactlyInAnyOrder(Stream.of(Stage.values())
                        .map(s -> s.name().toLowerCase())
                        .toArray(String[]::new));
        assertThat(scrape.labelValues("asylum_stage_lead_time_seconds_count", "stage"))
                .containsExactlyInAnyOrder(Stream.of(Stage.values())
                        .map(s -> s.name().toLowerCase())
                        .toArray(String[]::new));
        assertThat(scrape.labelValues("asylum_cases_closed_total", "outcome"))
                .containsExactlyInAnyOrder(
                        "permit_holder_housed",
                        "departed_independently",
                        "departed_forced",
                        "transferred_dublin",
                        "left_without_supervision");
        assertThat(scrape.labelValues("asylum_case_lead_time_seconds_count", "outcome"))
                .hasSize(5);
        assertThat(scrape.labelValues("asylum_decisions_total", "track")).containsExactlyInAnyOrder("1", "2", "4");
        assertThat(scrape.labelValues("asylum_decisions_total", "outcome"))
                .containsExactlyInAnyOrder("permit_granted", "rejected", "dublin_accepted");
        assertThat(scrape.labelValues("asylum_cases_open", "stage"))
                .containsExactlyInAnyOrder(
                        "registration",
                        "rest_period",
                        "ind_track_1",
                        "ind_track_2",
                        "ind_track_4",
                        "va",
                        "appeal",
                        "housing",
                        "family_reunification",
                        "departure");
        assertThat(scrape.labelValues("asylum_tasks_open", "group"))
                .containsExactlyInAnyOrderElementsOf(Groups.CASE_HANDLERS);
        assertThat(scrape.labelValues("asylum_tasks_overdue", "group"))
                .containsExactlyInAnyOrderElementsOf(Groups.CASE_HANDLERS);
        for (String single : List.of(
                "asylum_cases_on_hold",
                "asylum_cases_past_decision_deadline",
                "asylum_cases_penalty_exposed",
                "asylum_engine_incidents",
                "asylum_engine_jobs_failed",
                "asylum_engine_jobs_due")) {
            assertThat(scrape.names()).contains(single);
        }
    }

    /** Every {@code asylum_*} name in a dashboard target or an alert expression, with where it is used. */
    static Map<String, Set<String>> usedMetricNames() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(MONITORING.resolve("grafana/dashboards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode expr : json.readTree(file.toFile()).findValues("expr")) {
                    collect(expr.asText(), file.getFileName().toString(), used);
                }
            }
        }
        try (InputStream in = Files.newInputStream(MONITORING.resolve("prometheus/alerts.yml"))) {
            Map<String, Object> alerts = new Yaml().load(in);
            for (Object group : (List<?>) alerts.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    Map<?, ?> r = (Map<?, ?>) rule;
                    collect(String.valueOf(r.get("expr")), "alerts.yml " + r.get("alert"), used);
                }
            }
        }
        return used;
    }

    private static void collect(String expr, String where, Map<String, Set<String>> used) {
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            used.computeIfAbsent(m.group(), k -> new TreeSet<>()).add(where);
        }
    }

    /** {@code asylum_case_lead_time_seconds_bucket} → {@code asylum.case.lead.time}. */
    static String micrometerName(String prometheusName) {
        return SUFFIX.matcher(prometheusName).replaceFirst("").replace('_', '.');
    }

    private static boolean scrapedUnder(Set<String> scraped, String micrometerName) {
        return scraped.stream().anyMatch(name -> micrometerName(name).equals(micrometerName));
    }
}

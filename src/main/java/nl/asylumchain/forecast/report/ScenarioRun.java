package nl.asylumchain.forecast.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One forecast as its {@code forecast.json} holds it (the format in docs/forecast.md), read as a tree: the report
 * shows every figure the file has and tolerates figures it does not know, so an older or newer file still renders.
 */
record ScenarioRun(String name, long seed, LocalDate start, JsonNode run, List<JsonNode> weeks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ScenarioRun read(Path forecastJson) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(forecastJson));
        JsonNode scenario = root.path("scenario");
        List<JsonNode> weeks = new ArrayList<>();
        root.path("weeks").forEach(weeks::add);
        if (weeks.isEmpty()) {
            throw new IOException(forecastJson + " has no weeks: not a forecast.json");
        }
        String start = scenario.path("start").asText(weeks.get(0).path("start").asText());
        int sample = scenario.path("sample").asInt(1);
        return new ScenarioRun(
                scenario.path("name")
                                .asText(forecastJson.getParent().getFileName().toString())
                        // a sample's figures are scaled to the whole chain: say so wherever the run is named
                        + (sample > 1 ? " (steekproef 1/" + sample + ")" : ""),
                scenario.path("seed").asLong(),
                LocalDate.parse(start),
                root.path("run"),
                List.copyOf(weeks));
    }

    /** The first day of each week. */
    List<LocalDate> weekStarts() {
        List<LocalDate> starts = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            String text = weeks.get(i).path("start").asText("");
            starts.add(text.isEmpty() ? start.plusWeeks(i) : LocalDate.parse(text));
        }
        return starts;
    }

    /** One figure per week, at a JSON pointer such as {@code /backlog/IND_DECISION}; 0 where a week lacks it. */
    double[] series(String pointer) {
        double[] values = new double[weeks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = weeks.get(i).at(pointer).asDouble(0);
        }
        return values;
    }

    /** Per week, the sum of the numbers under a JSON pointer (e.g. all outcomes of one track). */
    double[] sumSeries(String pointer) {
        double[] values = new double[weeks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sum(weeks.get(i).at(pointer));
        }
        return values;
    }

    /** The names under a pointer in any week, sorted: tracks, outcomes, stages. */
    Set<String> keys(String pointer) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode week : weeks) {
            week.at(pointer).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    private static double sum(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        double total = 0;
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            total += sum(children.next());
        }
        return total;
    }

    static double total(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    static double last(double[] values) {
        return values.length == 0 ? 0 : values[values.length - 1];
    }

    static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}

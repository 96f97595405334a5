package nl.asylumchain.forecast;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes a forecast's {@code forecast.json} and {@code weekly.csv}. The CSV has one row per week and a fixed column
 * order (the JSON's fields flattened with dots); numbers are written with a {@code .} decimal point whatever the
 * machine's locale, so the same run always writes the same bytes.
 */
public final class ForecastFiles {

    public static final String JSON = "forecast.json";
    public static final String CSV = "weekly.csv";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ForecastFiles() {}

    public static void write(ForecastResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), result);
        try (Writer out = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
            out.write(csv(result));
        }
    }

    public static ForecastResult read(Path dir) throws IOException {
        return MAPPER.readValue(dir.resolve(JSON).toFile(), ForecastResult.class);
    }

    /** The weekly series as CSV: a header and one line per week. */
    public static String csv(ForecastResult result) {
        StringBuilder csv = new StringBuilder();
        List<String> header = null;
        for (ForecastResult.Week week : result.weeks()) {
            Map<String, Object> row = flatten(week);
            if (header == null) {
                header = new ArrayList<>(row.keySet());
                csv.append(String.join(",", header)).append('\n');
            }
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add(cell(row.get(column)));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    /** A week's figures under their CSV column names, in a fixed order. */
    static Map<String, Object> flatten(ForecastResult.Week week) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("week", week.week());
        row.put("start", week.start());
        week.inflow().forEach((kind, n) -> row.put("inflow." + kind, n));
        row.put("registered", week.registered());
        for (String track : WeeklyFigures.TRACKS) {
            Map<String, Long> outcomes = week.indDecisions().getOrDefault(track, Map.of());
            for (String outcome : WeeklyFigures.DECISION_OUTCOMES) {
                row.put("indDecisions." + track + "." + outcome, outcomes.getOrDefault(outcome, 0L));
            }
        }
        week.backlog().forEach((stage, n) -> row.put("backlog." + stage, n));
        week.leadTimeDays().forEach((stage, p) -> {
            row.put("leadTimeDays." + stage + ".p50", p.p50());
            row.put("leadTimeDays." + stage + ".p90", p.p90());
        });
        row.put("deadlinesPassed", week.deadlinesPassed());
        row.put("coa.asylumSeekers", week.coa().asylumSeekers());
        row.put("coa.permitHolders", week.coa().permitHolders());
        row.put("coa.unaccompaniedMinors", week.coa().unaccompaniedMinors());
        row.put("coa.capacity", week.coa().capacity());
        row.put("housed", week.housed());
        row.put("taakstelling", week.taakstelling());
        row.put("departure.intake", week.departure().intake());
        week.departure().outcomes().forEach((outcome, n) -> row.put("departure.outcomes." + outcome, n));
        row.put("departure.demonstrableShare", week.departure().demonstrableShare());
        return row;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}

package nl.asylumchain.forecast.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.forecast.ForecastReportWriter;

/**
 * Writes the forecast's report next to its {@code forecast.json}: {@code report.html} (one self-contained page with
 * inline style and SVG charts) and {@code charts/*.png}. The forecast calls it at the end of every run; the REST API
 * calls {@link #compare} to put several finished forecasts side by side.
 */
@Component
public class ForecastReport implements ForecastReportWriter {

    public static final String FORECAST_JSON = "forecast.json";
    public static final String REPORT_HTML = "report.html";
    public static final String CHARTS = "charts";

    /** The report of the forecast in {@code dir}, from its {@code forecast.json}. */
    @Override
    public void write(Path dir) throws IOException {
        compare(List.of(dir.resolve(FORECAST_JSON)), dir);
    }

    /**
     * One report over several forecasts, scenario beside scenario, into {@code outDir}. Returns the page's path.
     *
     * @param forecastJsons the {@code forecast.json} files, in the order the report shows them (at most four: the
     *                      charts tell scenarios apart by four dash patterns)
     */
    public Path compare(List<Path> forecastJsons, Path outDir) throws IOException {
        if (forecastJsons.isEmpty() || forecastJsons.size() > Chart.DASHES.length) {
            throw new IllegalArgumentException(
                    "A report shows 1 to " + Chart.DASHES.length + " forecasts, not " + forecastJsons.size());
        }
        List<ScenarioRun> runs = new ArrayList<>();
        for (Path file : forecastJsons) {
            runs.add(ScenarioRun.read(file));
        }
        List<Chart> charts = Charts.of(runs);
        List<String> names = runs.stream().map(ScenarioRun::name).toList();
        Path chartDir = Files.createDirectories(outDir.resolve(CHARTS));
        for (Chart chart : charts) {
            PngChart.write(chart, names, chartDir.resolve(chart.id() + ".png"));
        }
        Path page = outDir.resolve(REPORT_HTML);
        Files.writeString(page, ReportHtml.render(runs, charts), StandardCharsets.UTF_8);
        return page;
    }
}

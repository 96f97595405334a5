package nl.asylumchain.forecast.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ForecastReportTest {

    @TempDir
    Path dir;

    private final ForecastReport report = new ForecastReport();

    private Path fixture(String name) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        try (InputStream in = getClass().getResourceAsStream("/forecast/" + name + ".json")) {
            Files.copy(in, run.resolve(ForecastReport.FORECAST_JSON));
        }
        return run;
    }

    @Test
    void reportOfOneForecastShowsItsScenarioAndLoadsNothingFromElsewhere() throws IOException {
        Path run = fixture("min");

        report.write(run);

        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("mpp-2023-min")
                .contains("<svg")
                .contains("Voorraad per fase")
                .contains("COA-bezetting tegen capaciteit")
                .contains("Huisvesting van statushouders per halfjaar");
        assertThat(html)
                .doesNotContainPattern("(?i)https?:")
                .doesNotContainPattern("(?i)<script")
                .doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)src=");
    }

    @Test
    void twoScenariosStandSideBySideInTheTablesAndCharts() throws IOException {
        Path min = fixture("min");
        Path max = fixture("max");
        Path out = Files.createDirectories(dir.resolve("both"));

        Path page = report.compare(List.of(min.resolve("forecast.json"), max.resolve("forecast.json")), out);

        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("<th>mpp-2023-min</th><th>mpp-2023-max</th>");
        // the legend of every chart names both scenarios by their dash
        assertThat(html.split("class=\"l\">mpp-2023-max</text>", -1))
                .hasSizeGreaterThan(Charts.of(List.of(ScenarioRun.read(min.resolve("forecast.json"))))
                        .size());
        assertThat(html).doesNotContainPattern("(?i)https?:");
    }

    @Test
    void chartsArePngPicturesOfTheirFullSize() throws IOException {
        Path run = fixture("max");

        report.write(run);

        List<Path> pngs;
        try (Stream<Path> files = Files.list(run.resolve("charts"))) {
            pngs = files.sorted().toList();
        }
        assertThat(pngs)
                .extracting(path -> path.getFileName().toString())
                .contains("voorraad.png", "coa-bezetting.png", "huisvesting.png", "ind-productie.png");
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(png.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(Chart.WIDTH * 2);
            assertThat(image.getHeight()).isEqualTo(Chart.HEIGHT * 2);
            assertThat(distinctColours(image))
                    .as("a drawn chart, not a blank picture: " + png)
                    .isGreaterThan(4);
        }
    }

    @Test
    void aScenarioNameIsShownAsTextNeverAsMarkup() throws IOException {
        Path run = fixture("min");
        Path json = run.resolve("forecast.json");
        Files.writeString(json, Files.readString(json).replace("\"mpp-2023-min\"", "\"<b onmouseover=x>evil</b>\""));

        report.write(run);

        String html = Files.readString(run.resolve("report.html"));
        assertThat(html).doesNotContain("<b onmouseover").contains("&lt;b onmouseover=x&gt;evil&lt;/b&gt;");
    }

    @Test
    void housedIsCountedFromTheStartOfEachHalfYear() throws IOException {
        ScenarioRun run = ScenarioRun.read(fixture("min").resolve("forecast.json"));

        double[] housed = Charts.housedSoFarInHalfYear(run);

        // the fixture houses 600 a week; week 27 (3 July 2023) is the first of 2023-II
        assertThat(run.weekStarts().get(26)).hasToString("2023-07-03");
        assertThat(housed[25]).isEqualTo(26 * 600);
        assertThat(housed[26]).isEqualTo(600);
    }

    @Test
    void aWeekInWhichNoCaseLeftAStageLeavesAGapInTheLeadTimeLineNotADiveToZero() throws IOException {
        Path run = fixture("min");
        Path json = run.resolve("forecast.json");
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        root.path("weeks").get(4).path("leadTimeDays").path("HOUSING"))
                .put("p50", 0.0)
                .put("p90", 0.0);
        Files.writeString(json, root.toString());

        double[] housing = Charts.leadTimes(ScenarioRun.read(json), "HOUSING", "p50");
        report.write(run);

        assertThat(housing[3]).isEqualTo(120.0);
        assertThat(housing[4]).isNaN();
        assertThat(housing[5]).isEqualTo(120.0);
        String html = Files.readString(run.resolve("report.html"));
        String p50Chart =
                html.substring(html.indexOf("id=\"doorlooptijd-p50\""), html.indexOf("id=\"doorlooptijd-p90\""));
        assertThat(p50Chart.split("<title>Huisvesting</title>", -1))
                .as("two segments of the housing line")
                .hasSize(3);
        assertThat(html).doesNotContain("NaN");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void aSamplesNoteGoesOnALineOfItsOwnInTheLegendSoThatItFitsBesideTheChart() {
        assertThat(Chart.legendLines("mpp-2024-high (steekproef 1/10)"))
                .containsExactly("mpp-2024-high", "(steekproef 1/10)");
        assertThat(Chart.legendLines("mpp-2024-high")).containsExactly("mpp-2024-high");
    }
}

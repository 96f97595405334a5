package nl.asylumchain.forecast.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line chart of the report, drawn the same way as inline SVG ({@link SvgChart}) and as PNG ({@link PngChart}).
 * A line's colour tells the figure (a stage, a track), its dash the scenario, so several scenarios share one chart.
 *
 * @param id     file name of the PNG ({@code charts/<id>.png}) and anchor in the page
 * @param title  Dutch title
 * @param unit   what the y axis counts, in Dutch
 * @param weeks  the first day of each week on the x axis (of the longest scenario)
 * @param lines  the lines, in legend order
 */
record Chart(String id, String title, String unit, List<LocalDate> weeks, List<Line> lines) {

    static final int WIDTH = 760;
    static final int HEIGHT = 300;
    static final int LEFT = 70;
    static final int RIGHT = 200;
    static final int TOP = 46;
    static final int BOTTOM = 36;

    /** Colour per figure; readable for the common colour-vision deficiencies (Okabe–Ito). */
    static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
    /** Reference lines (capacity, taakstelling) are grey. */
    static final String REFERENCE = "#777777";
    /** Dash per scenario: solid, dashed, dotted, dash-dot. */
    static final float[][] DASHES = {{}, {8, 5}, {2, 4}, {12, 4, 2, 4}};

    /**
     * A scenario's name in the legend, in lines that fit beside the chart: a sample's note ("(steekproef 1/10)") goes on
     * a line of its own.
     */
    static List<String> legendLines(String scenario) {
        int note = scenario.indexOf(" (");
        return note < 0 ? List.of(scenario) : List.of(scenario.substring(0, note), scenario.substring(note + 1));
    }

    private static final String[] MONTHS = {
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"
    };

    /**
     * @param figure    the figure's Dutch name (the colour legend)
     * @param scenario  index of the scenario (the dash)
     * @param colour    index into {@link #COLOURS}, or -1 for a reference line
     * @param values    one per week; {@code NaN} where the week has no figure (the line has a gap there)
     */
    record Line(String figure, int scenario, int colour, double[] values) {

        boolean reference() {
            return colour < 0;
        }

        String colourCode() {
            return reference() ? REFERENCE : COLOURS[colour % COLOURS.length];
        }
    }

    /** The top of the y axis: a round number at or above every value. */
    double yMax() {
        double max = 0;
        for (Line line : lines) {
            for (double value : line.values()) {
                if (!Double.isNaN(value)) {
                    max = Math.max(max, value);
                }
            }
        }
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    double x(int week) {
        int span = Math.max(1, weeks.size() - 1);
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) week / span;
    }

    double y(double value) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / yMax());
    }

    /** Five horizontal grid lines with their labels. */
    List<Double> yTicks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            ticks.add(yMax() * i / 5);
        }
        return ticks;
    }

    /** Week index → month label, at the first week of each month. */
    Map<Integer, String> monthTicks() {
        Map<Integer, String> ticks = new LinkedHashMap<>();
        int lastMonth = -1;
        for (int i = 0; i < weeks.size(); i++) {
            LocalDate day = weeks.get(i);
            if (day.getMonthValue() != lastMonth) {
                lastMonth = day.getMonthValue();
                String label = MONTHS[lastMonth - 1];
                ticks.put(i, lastMonth == 1 || i == 0 ? label + " " + day.getYear() : label);
            }
        }
        return ticks;
    }

    /** The figures with their colours, once each, in order. */
    Map<String, String> figureLegend() {
        Map<String, String> legend = new LinkedHashMap<>();
        lines.forEach(line -> legend.putIfAbsent(line.figure(), line.colourCode()));
        return legend;
    }

    static String number(double value) {
        if (Math.abs(value) >= 1_000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", value).replace(',', '.');
        }
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.1f", value).replace('.', ',');
    }
}

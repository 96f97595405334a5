package nl.asylumchain.forecast.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link Chart} as inline SVG: no script, no external reference, so the report is one self-contained file. */
final class SvgChart {

    private SvgChart() {}

    static String render(Chart chart, List<String> scenarios) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
                .append(Chart.WIDTH)
                .append(' ')
                .append(Chart.HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(chart.title()))
                .append("\">");
        svg.append("<text x=\"")
                .append(Chart.LEFT)
                .append("\" y=\"18\" class=\"t\">")
                .append(Html.escape(chart.title()))
                .append("</text>");
        svg.append("<text x=\"4\" y=\"")
                .append(Chart.TOP - 14)
                .append("\" class=\"u\">")
                .append(Html.escape(chart.unit()))
                .append("</text>");
        double right = Chart.WIDTH - Chart.RIGHT;
        for (double tick : chart.yTicks()) {
            double y = chart.y(tick);
            svg.append(line(Chart.LEFT, y, right, y, "#e4e4e4", null, 1));
            svg.append("<text x=\"")
                    .append(Chart.LEFT - 6)
                    .append("\" y=\"")
                    .append(f(y + 4))
                    .append("\" class=\"n\" text-anchor=\"end\">")
                    .append(Chart.number(tick))
                    .append("</text>");
        }
        double bottom = Chart.HEIGHT - Chart.BOTTOM;
        for (Map.Entry<Integer, String> tick : chart.monthTicks().entrySet()) {
            double x = chart.x(tick.getKey());
            svg.append(line(x, bottom, x, bottom + 5, "#888888", null, 1));
            svg.append("<text x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(f(bottom + 18))
                    .append("\" class=\"n\" text-anchor=\"middle\">")
                    .append(Html.escape(tick.getValue()))
                    .append("</text>");
        }
        svg.append(line(Chart.LEFT, bottom, right, bottom, "#888888", null, 1));
        for (Chart.Line line : chart.lines()) {
            // one polyline per run of weeks that have a figure
            List<StringBuilder> segments = new java.util.ArrayList<>();
            StringBuilder points = null;
            for (int i = 0; i < line.values().length; i++) {
                if (Double.isNaN(line.values()[i])) {
                    points = null;
                    continue;
                }
                if (points == null) {
                    points = new StringBuilder();
                    segments.add(points);
                }
                points.append(f(chart.x(i)))
                        .append(',')
                        .append(f(chart.y(line.values()[i])))
                        .append(' ');
            }
            for (StringBuilder segment : segments) {
                svg.append("<polyline fill=\"none\" stroke=\"")
                        .append(line.colourCode())
                        .append("\" stroke-width=\"")
                        .append(line.reference() ? "1.5" : "2")
                        .append('"')
                        .append(dash(line))
                        .append(" points=\"")
                        .append(segment.toString().trim())
                        .append("\"><title>")
                        .append(Html.escape(line.figure()))
                        .append(scenarios.size() > 1 ? " – " + Html.escape(scenarios.get(line.scenario())) : "")
                        .append("</title></polyline>");
            }
        }
        double legendX = right + 16;
        double y = Chart.TOP + 4;
        for (Map.Entry<String, String> figure : chart.figureLegend().entrySet()) {
            svg.append(line(legendX, y, legendX + 22, y, figure.getValue(), null, 3));
            svg.append(text(legendX + 28, y + 4, figure.getKey()));
            y += 17;
        }
        if (scenarios.size() > 1) {
            y += 6;
            for (int s = 0; s < scenarios.size(); s++) {
                svg.append(line(legendX, y, legendX + 22, y, "#333333", Chart.DASHES[s % Chart.DASHES.length], 2));
                for (String line : Chart.legendLines(scenarios.get(s))) {
                    svg.append(text(legendX + 28, y + 4, line));
                    y += 14;
                }
                y += 3;
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String dash(Chart.Line line) {
        float[] dash = line.reference() ? new float[] {4, 3} : Chart.DASHES[line.scenario() % Chart.DASHES.length];
        return dash.length == 0 ? "" : " stroke-dasharray=\"" + dashArray(dash) + "\"";
    }

    private static String dashArray(float[] dash) {
        StringBuilder text = new StringBuilder();
        for (float part : dash) {
            text.append(text.length() == 0 ? "" : " ").append(f(part));
        }
        return text.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, float[] dash, double width) {
        return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2) + "\" stroke=\""
                + colour + "\" stroke-width=\"" + f(width) + "\""
                + (dash == null || dash.length == 0 ? "" : " stroke-dasharray=\"" + dashArray(dash) + "\"") + "/>";
    }

    private static String text(double x, double y, String content) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" class=\"l\">" + Html.escape(content) + "</text>";
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

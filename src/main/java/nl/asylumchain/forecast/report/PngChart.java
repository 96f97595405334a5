package nl.asylumchain.forecast.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A {@link Chart} as a PNG picture (Java2D, no window: the application runs headless on a server), for slides and
 * mail where the HTML report does not go.
 */
final class PngChart {

    /** Twice the SVG's size, so the picture stays sharp on a slide. */
    private static final int SCALE = 2;

    private PngChart() {}

    static void write(Chart chart, List<String> scenarios, Path file) throws IOException {
        BufferedImage image = new BufferedImage(Chart.WIDTH * SCALE, Chart.HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, Chart.WIDTH, Chart.HEIGHT);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(Color.BLACK);
            g.drawString(chart.title(), Chart.LEFT, 18);
            g.setFont(small);
            g.setColor(Color.DARK_GRAY);
            g.drawString(chart.unit(), 4, Chart.TOP - 14);
            double right = Chart.WIDTH - Chart.RIGHT;
            for (double tick : chart.yTicks()) {
                float y = (float) chart.y(tick);
                g.setColor(new Color(0xE4E4E4));
                g.setStroke(new BasicStroke(1));
                g.draw(new java.awt.geom.Line2D.Double(Chart.LEFT, y, right, y));
                g.setColor(Color.DARK_GRAY);
                String label = Chart.number(tick);
                g.drawString(label, Chart.LEFT - 6 - g.getFontMetrics().stringWidth(label), y + 4);
            }
            double bottom = Chart.HEIGHT - Chart.BOTTOM;
            g.setColor(Color.GRAY);
            g.draw(new java.awt.geom.Line2D.Double(Chart.LEFT, bottom, right, bottom));
            for (Map.Entry<Integer, String> tick : chart.monthTicks().entrySet()) {
                double x = chart.x(tick.getKey());
                g.setColor(Color.GRAY);
                g.draw(new java.awt.geom.Line2D.Double(x, bottom, x, bottom + 5));
                g.setColor(Color.DARK_GRAY);
                g.drawString(
                        tick.getValue(), (float) (x - g.getFontMetrics().stringWidth(tick.getValue()) / 2.0), (float)
                                (bottom + 18));
            }
            for (Chart.Line line : chart.lines()) {
                Path2D.Double path = new Path2D.Double();
                boolean gap = true;
                for (int i = 0; i < line.values().length; i++) {
                    if (Double.isNaN(line.values()[i])) {
                        gap = true;
                        continue;
                    }
                    double x = chart.x(i);
                    double y = chart.y(line.values()[i]);
                    if (gap) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                    gap = false;
                }
                g.setColor(Color.decode(line.colourCode()));
                g.setStroke(stroke(
                        line.reference() ? 1.5f : 2f,
                        line.reference() ? new float[] {4, 3} : Chart.DASHES[line.scenario() % Chart.DASHES.length]));
                g.draw(path);
            }
            double legendX = right + 16;
            double y = Chart.TOP + 4;
            for (Map.Entry<String, String> figure : chart.figureLegend().entrySet()) {
                g.setColor(Color.decode(figure.getValue()));
                g.setStroke(new BasicStroke(3));
                g.draw(new java.awt.geom.Line2D.Double(legendX, y, legendX + 22, y));
                g.setColor(Color.BLACK);
                g.drawString(figure.getKey(), (float) (legendX + 28), (float) (y + 4));
                y += 17;
            }
            if (scenarios.size() > 1) {
                y += 6;
                for (int s = 0; s < scenarios.size(); s++) {
                    g.setColor(Color.DARK_GRAY);
                    g.setStroke(stroke(2f, Chart.DASHES[s % Chart.DASHES.length]));
                    g.draw(new java.awt.geom.Line2D.Double(legendX, y, legendX + 22, y));
                    g.setColor(Color.BLACK);
                    for (String text : Chart.legendLines(scenarios.get(s))) {
                        g.drawString(text, (float) (legendX + 28), (float) (y + 4));
                        y += 14;
                    }
                    y += 3;
                }
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }

    private static BasicStroke stroke(float width, float[] dash) {
        return dash.length == 0
                ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}

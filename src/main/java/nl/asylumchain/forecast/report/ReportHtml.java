package nl.asylumchain.forecast.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The report page: one HTML file with its style and charts inline (no script, no font, no image from elsewhere), so
 * it opens from a mail or a file share as it is. Dutch for its readers, the chain's civil servants.
 */
final class ReportHtml {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
            header{background:#154273;color:#fff;padding:18px 28px}
            header h1{margin:0 0 4px;font-size:1.5rem}header p{margin:0;opacity:.9}
            main{padding:18px 28px;max-width:1180px}
            section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:14px 18px;margin:0 0 16px}
            h2{font-size:1.15rem;margin:0 0 8px}p.lees{margin:0 0 8px;color:#444}
            table{border-collapse:collapse;font-size:.92rem;margin:6px 0}
            th,td{border-bottom:1px solid #e4e7eb;padding:4px 10px;text-align:right}
            th:first-child,td:first-child{text-align:left}thead th{background:#eef2f6}
            td.slecht{color:#b00020;font-weight:600}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(720px,1fr));gap:16px}
            svg.chart{width:100%;height:auto;font-size:11px}svg .t{font-size:14px;font-weight:600}
            svg .u,svg .n{fill:#555}svg .l{fill:#1b1b1b}
            footer{color:#666;font-size:.85rem;padding:0 28px 24px}
            """;

    private ReportHtml() {}

    static String render(List<ScenarioRun> runs, List<Chart> charts) {
        List<String> names = runs.stream().map(ScenarioRun::name).toList();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append(
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Ketenprognose – ")
                .append(Html.escape(String.join(", ", names)))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<header><h1>Ketenprognose asielketen</h1><p>")
                .append(runs.size() == 1 ? "Scenario " : "Scenario's naast elkaar: ")
                .append(Html.escape(String.join(" · ", names)))
                .append(" — ")
                .append(period(runs))
                .append("</p></header>\n<main>\n");
        html.append("<section><h2>In één oogopslag</h2><p class=\"lees\">De prognose rekent elke zaak door de echte"
                + " procesmodellen (BPMN en DMN) van de keten, met de capaciteit per organisatie uit het scenario."
                + " Voorraad en bezetting zijn standen aan het eind van de periode; instroom en productie zijn totalen."
                + (runs.size() > 1
                        ? " In de grafieken staat elk scenario in een eigen lijnsoort (zie de legenda)."
                        : "")
                + "</p>\n");
        summary(html, runs);
        html.append("</section>\n<div class=\"grid\">\n");
        for (Chart chart : charts) {
            html.append("<section id=\"")
                    .append(chart.id())
                    .append("\">")
                    .append(SvgChart.render(chart, names))
                    .append("<p class=\"lees\">")
                    .append(Html.escape(explanation(chart.id())))
                    .append("</p></section>\n");
        }
        html.append("</div>\n");
        decisions(html, runs);
        housing(html, runs);
        departures(html, runs);
        runInfo(html, runs);
        html.append("</main>\n<footer>Gemaakt uit forecast.json; de grafieken staan ook als PNG in de map charts/"
                        + " naast dit bestand. Uitleg van elk cijfer en elke aanname: docs/forecast.md.</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String period(List<ScenarioRun> runs) {
        LocalDate from = runs.get(0).start();
        int weeks = 0;
        for (ScenarioRun run : runs) {
            from = run.start().isBefore(from) ? run.start() : from;
            weeks = Math.max(weeks, run.weeks().size());
        }
        return "vanaf " + from + ", " + weeks + " weken";
    }

    private static void summary(StringBuilder html, List<ScenarioRun> runs) {
        Map<String, ToDoubleFunction<ScenarioRun>> rows = new LinkedHashMap<>();
        rows.put("Instroom (alle soorten)", run -> ScenarioRun.total(run.sumSeries("/inflow")));
        for (Map.Entry<String, String> type : Charts.INFLOW.entrySet()) {
            if (runs.stream().anyMatch(run -> run.keys("/inflow").contains(type.getKey()))) {
                rows.put(
                        "  waarvan " + type.getValue().toLowerCase(java.util.Locale.ROOT),
                        run -> ScenarioRun.total(run.series("/inflow/" + type.getKey())));
            }
        }
        rows.put("I&R afgerond", run -> ScenarioRun.total(run.series("/registered")));
        rows.put("IND-beslissingen", run -> ScenarioRun.total(run.sumSeries("/indDecisions")));
        for (String stage : Charts.keys(runs, "/backlog", Charts.STAGES)) {
            rows.put(
                    "Voorraad " + Charts.STAGES.getOrDefault(stage, stage) + " aan het eind",
                    run -> ScenarioRun.last(run.series("/backlog/" + stage)));
        }
        // a stock, like the backlog: open cases past their decision deadline at the end of the week
        rows.put("Over de beslistermijn aan het eind", run -> ScenarioRun.last(run.series("/deadlinesPassed")));
        rows.put("Hoogste aantal over de beslistermijn", run -> ScenarioRun.max(run.series("/deadlinesPassed")));
        rows.put(
                "COA-bezetting aan het eind",
                run -> ScenarioRun.last(run.sumSeries("/coa")) - ScenarioRun.last(run.series("/coa/capacity")));
        rows.put("Hoogste COA-bezetting", ReportHtml::peakOccupancy);
        rows.put("COA-capaciteit aan het eind", run -> ScenarioRun.last(run.series("/coa/capacity")));
        rows.put("Weken boven de capaciteit", ReportHtml::weeksOverCapacity);
        rows.put("Statushouders gehuisvest", run -> ScenarioRun.total(run.series("/housed")));
        rows.put("Instroom DT&V", run -> ScenarioRun.total(run.series("/departure/intake")));
        rows.put(
                "Aantoonbaar vertrek aan het eind (%)",
                run -> Math.round(ScenarioRun.last(run.series("/departure/demonstrableShare")) * 1000) / 10.0);
        html.append("<table><thead><tr><th>Kerncijfer</th>");
        runs.forEach(run -> html.append("<th>").append(Html.escape(run.name())).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        rows.forEach((label, figure) -> {
            html.append("<tr><td>").append(Html.escape(label)).append("</td>");
            for (ScenarioRun run : runs) {
                double value = figure.applyAsDouble(run);
                boolean bad = label.startsWith("Weken boven") && value > 0;
                html.append(bad ? "<td class=\"slecht\">" : "<td>")
                        .append(Chart.number(value))
                        .append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</tbody></table>\n");
    }

    private static double peakOccupancy(ScenarioRun run) {
        double[] all = run.sumSeries("/coa");
        double[] capacity = run.series("/coa/capacity");
        double peak = 0;
        for (int i = 0; i < all.length; i++) {
            peak = Math.max(peak, all[i] - capacity[i]);
        }
        return peak;
    }

    private static double weeksOverCapacity(ScenarioRun run) {
        double[] all = run.sumSeries("/coa");
        double[] capacity = run.series("/coa/capacity");
        int over = 0;
        for (int i = 0; i < all.length; i++) {
            if (capacity[i] > 0 && all[i] - capacity[i] > capacity[i]) {
                over++;
            }
        }
        return over;
    }

    /** IND decisions per track and outcome, scenarios side by side. */
    private static void decisions(StringBuilder html, List<ScenarioRun> runs) {
        html.append("<section><h2>IND-beslissingen per spoor en uitkomst</h2><table><thead><tr><th>Spoor</th>"
                + "<th>Uitkomst</th>");
        runs.forEach(run -> html.append("<th>").append(Html.escape(run.name())).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (String track : Charts.keys(runs, "/indDecisions", Charts.TRACKS)) {
            for (String outcome : Charts.keys(runs, "/indDecisions/" + track, Charts.OUTCOMES)) {
                html.append("<tr><td>")
                        .append(Html.escape(Charts.TRACKS.getOrDefault(track, "Spoor " + track)))
                        .append("</td><td>")
                        .append(Html.escape(Charts.OUTCOMES.getOrDefault(outcome, outcome)))
                        .append("</td>");
                runs.forEach(run -> html.append("<td>")
                        .append(Chart.number(ScenarioRun.total(run.series("/indDecisions/" + track + "/" + outcome))))
                        .append("</td>"));
                html.append("</tr>\n");
            }
        }
        html.append("</tbody></table></section>\n");
    }

    /** Housed per half-year against that half-year's taakstelling. */
    private static void housing(StringBuilder html, List<ScenarioRun> runs) {
        Set<String> halves = new LinkedHashSet<>();
        runs.forEach(run -> run.weekStarts().forEach(day -> halves.add(Charts.halfYear(day))));
        html.append("<section><h2>Huisvesting per halfjaar tegen de taakstelling</h2><p class=\"lees\">Gehuisvest:"
                + " statushouders die in het halfjaar een woning kregen binnen de prognoseperiode (een halfjaar dat"
                + " maar deels in de periode valt, telt maar deels mee).</p><table><thead><tr><th>Halfjaar</th>");
        runs.forEach(
                run -> html.append("<th>").append(Html.escape(run.name())).append(": gehuisvest / taakstelling</th>"));
        html.append("</tr></thead><tbody>\n");
        for (String half : halves) {
            html.append("<tr><td>").append(half).append("</td>");
            for (ScenarioRun run : runs) {
                double housed = 0;
                double target = 0;
                List<LocalDate> starts = run.weekStarts();
                double[] weekly = run.series("/housed");
                double[] taakstelling = run.series("/taakstelling");
                for (int i = 0; i < starts.size(); i++) {
                    if (Charts.halfYear(starts.get(i)).equals(half)) {
                        housed += weekly[i];
                        target = taakstelling[i];
                    }
                }
                html.append("<td>")
                        .append(Chart.number(housed))
                        .append(" / ")
                        .append(Chart.number(target))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    /** DT&V outcomes over the whole period. */
    private static void departures(StringBuilder html, List<ScenarioRun> runs) {
        html.append("<section><h2>Vertrek (DT&amp;V): uitkomsten</h2><table><thead><tr><th>Uitkomst</th>");
        runs.forEach(run -> html.append("<th>").append(Html.escape(run.name())).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (String outcome : Charts.keys(runs, "/departure/outcomes", Charts.OUTCOMES)) {
            html.append("<tr><td>")
                    .append(Html.escape(Charts.OUTCOMES.getOrDefault(outcome, outcome)))
                    .append("</td>");
            runs.forEach(run -> html.append("<td>")
                    .append(Chart.number(ScenarioRun.total(run.series("/departure/outcomes/" + outcome))))
                    .append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void runInfo(StringBuilder html, List<ScenarioRun> runs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Startdatum", "start"});
        rows.add(new String[] {"Seed (toevalsgetal)", "seed"});
        rows.add(new String[] {"Zaken doorgerekend", "cases"});
        rows.add(new String[] {"Processtappen", "steps"});
        rows.add(new String[] {"Rekentijd (s)", "wallSeconds"});
        rows.add(new String[] {"Zaken per seconde", "casesPerSecond"});
        rows.add(new String[] {"Stappen per seconde", "stepsPerSecond"});
        rows.add(new String[] {"Hoogste geheugengebruik (MB)", "peakHeapMb"});
        html.append("<section><h2>Over deze berekening</h2><table><thead><tr><th></th>");
        runs.forEach(run -> html.append("<th>").append(Html.escape(run.name())).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        for (String[] row : rows) {
            html.append("<tr><td>").append(row[0]).append("</td>");
            for (ScenarioRun run : runs) {
                String value = switch (row[1]) {
                    case "start" -> run.start().toString();
                    case "seed" -> String.valueOf(run.seed());
                    default ->
                        run.run().has(row[1])
                                ? Chart.number(run.run().path(row[1]).asDouble())
                                : "–";
                };
                html.append("<td>").append(Html.escape(value)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String explanation(String chartId) {
        return switch (chartId) {
            case "instroom" ->
                "Nieuwe aanvragen per week zoals het scenario ze laat binnenkomen; nareis ontstaat"
                        + " uit het model: gezinsleden van statushouders die een aanvraag doen.";
            case "aanmelding" -> "Zaken waarvan politie/KMar en IND de aanmelding en registratie afrondden.";
            case "ind-productie" ->
                "Beslissingen van de IND per week, per spoor; de capaciteit per spoor komt uit"
                        + " het scenario, de volgorde uit de prioriteiten van de DMN-tabellen.";
            case "voorraad" ->
                "Open zaken per fase aan het eind van elke week: dezelfde fasen als de"
                        + " ketenmonitor (asylum.cases.open).";
            case "doorlooptijd-p50" -> "Hoe lang de helft van de zaken die die week een fase afsloten erover deed.";
            case "doorlooptijd-p90" ->
                "Hoe lang de langzaamste tiende van de zaken die die week een fase afsloten"
                        + " er minstens over deed.";
            case "termijnen" ->
                "Open IND-zaken waarvan de wettelijke beslistermijn verstreken is zonder beslissing,"
                        + " aan het eind van elke week.";
            case "coa-bezetting" ->
                "Bewoners van de COA-opvang naar groep; de grijze stippellijn is de capaciteit"
                        + " uit het scenario. Boven de lijn is er te weinig opvang.";
            case "huisvesting" ->
                "Statushouders gehuisvest sinds het begin van het halfjaar, tegen de taakstelling"
                        + " van dat halfjaar (grijze stippellijn).";
            case "dtv-instroom" -> "Zaken die per week bij DT&V instromen na een afwijzing of Dublinakkoord.";
            case "aantoonbaar-vertrek" ->
                "Aandeel van de afgesloten vertrekzaken met aantoonbaar vertrek"
                        + " (zelfstandig met controle, gedwongen, Dublinoverdracht).";
            default -> "";
        };
    }
}

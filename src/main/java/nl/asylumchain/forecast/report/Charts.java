package nl.asylumchain.forecast.report;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The report's charts, each over every scenario: colour per figure, dash per scenario. */
final class Charts {

    /** Dutch names of the figures in forecast.json, in the order the report lists them; unknown keys come after. */
    static final Map<String, String> INFLOW = ordered(
            "FIRST",
            "Eerste asielaanvraag",
            "REPEAT",
            "Opvolgende aanvraag",
            "RESETTLEMENT",
            "Hervestiging",
            "REUNIFICATION",
            "Nareis");

    static final Map<String, String> STAGES = ordered(
            "REGISTRATION",
            "Aanmelding",
            "IND_DECISION",
            "IND-beslissing",
            "HOUSING",
            "Huisvesting",
            "FAMILY_REUNIFICATION",
            "Nareis",
            "DEPARTURE",
            "Vertrek");
    static final Map<String, String> TRACKS = ordered(
            "1",
            "Spoor 1 (Dublin)",
            "2",
            "Spoor 2 (veilig land)",
            "3",
            "Spoor 3",
            "4",
            "Spoor 4 (AA/VA)",
            "5",
            "Spoor 5");
    static final Map<String, String> COA =
            ordered("asylumSeekers", "Asielzoekers", "permitHolders", "Statushouders", "unaccompaniedMinors", "Amv");
    static final Map<String, String> OUTCOMES = ordered(
            "GRANT",
            "Inwilliging",
            "REJECT",
            "Afwijzing",
            "DUBLIN_ACCEPTED",
            "Dublinclaim aanvaard",
            "WITHDRAWN",
            "Ingetrokken",
            "DEPARTED_INDEPENDENTLY",
            "Zelfstandig vertrokken",
            "DEPARTED_FORCED",
            "Gedwongen vertrokken",
            "TRANSFERRED_DUBLIN",
            "Dublinoverdracht",
            "LEFT_WITHOUT_SUPERVISION",
            "Met onbekende bestemming");

    private Charts() {}

    static List<Chart> of(List<ScenarioRun> runs) {
        List<LocalDate> weeks = longest(runs).weekStarts();
        List<Chart> charts = new ArrayList<>();
        charts.add(new Chart(
                "instroom",
                "Instroom per week naar soort aanvraag",
                "aanvragen per week",
                weeks,
                perKey(runs, "/inflow", INFLOW, key -> run -> run.series("/inflow/" + key))));
        List<Chart.Line> registered = new ArrayList<>();
        for (int s = 0; s < runs.size(); s++) {
            registered.add(new Chart.Line(
                    "Aanmelding en registratie afgerond", s, 0, runs.get(s).series("/registered")));
        }
        charts.add(new Chart(
                "aanmelding",
                "Aanmelding en registratie (I&R) afgerond per week",
                "personen per week",
                weeks,
                registered));
        charts.add(new Chart(
                "ind-productie",
                "IND-productie per spoor",
                "beslissingen per week",
                weeks,
                perKey(runs, "/indDecisions", TRACKS, key -> run -> run.sumSeries("/indDecisions/" + key))));
        charts.add(new Chart(
                "voorraad",
                "Voorraad per fase (open zaken)",
                "open zaken",
                weeks,
                perKey(runs, "/backlog", STAGES, key -> run -> run.series("/backlog/" + key))));
        charts.add(new Chart(
                "doorlooptijd-p50",
                "Doorlooptijd per fase, mediaan",
                "dagen",
                weeks,
                perKey(runs, "/leadTimeDays", STAGES, key -> run -> leadTimes(run, key, "p50"))));
        charts.add(new Chart(
                "doorlooptijd-p90",
                "Doorlooptijd per fase, 90e percentiel",
                "dagen",
                weeks,
                perKey(runs, "/leadTimeDays", STAGES, key -> run -> leadTimes(run, key, "p90"))));
        List<Chart.Line> deadlines = new ArrayList<>();
        for (int s = 0; s < runs.size(); s++) {
            deadlines.add(
                    new Chart.Line("Over de beslistermijn", s, 1, runs.get(s).series("/deadlinesPassed")));
        }
        charts.add(new Chart(
                "termijnen",
                "Open IND-zaken over de beslistermijn",
                "zaken (stand aan het eind van de week)",
                weeks,
                deadlines));
        List<Chart.Line> coa = perKey(runs, "/coa", COA, key -> run -> run.series("/coa/" + key));
        coa.removeIf(line -> line.figure().equals("capacity"));
        for (int s = 0; s < runs.size(); s++) {
            coa.add(new Chart.Line("Capaciteit", s, -1, runs.get(s).series("/coa/capacity")));
        }
        charts.add(new Chart("coa-bezetting", "COA-bezetting tegen capaciteit", "personen in de opvang", weeks, coa));
        List<Chart.Line> housing = new ArrayList<>();
        for (int s = 0; s < runs.size(); s++) {
            ScenarioRun run = runs.get(s);
            housing.add(new Chart.Line("Gehuisvest in het halfjaar", s, 2, housedSoFarInHalfYear(run)));
            housing.add(new Chart.Line("Taakstelling", s, -1, run.series("/taakstelling")));
        }
        charts.add(new Chart(
                "huisvesting",
                "Huisvesting van statushouders per halfjaar tegen de taakstelling",
                "statushouders (opgeteld per halfjaar)",
                weeks,
                housing));
        List<Chart.Line> departure = new ArrayList<>();
        for (int s = 0; s < runs.size(); s++) {
            departure.add(new Chart.Line("Instroom DT&V", s, 3, runs.get(s).series("/departure/intake")));
        }
        charts.add(new Chart("dtv-instroom", "Instroom bij DT&V per week", "zaken per week", weeks, departure));
        List<Chart.Line> share = new ArrayList<>();
        for (int s = 0; s < runs.size(); s++) {
            double[] values = runs.get(s).series("/departure/demonstrableShare");
            for (int i = 0; i < values.length; i++) {
                values[i] *= 100;
            }
            share.add(new Chart.Line("Aantoonbaar vertrek", s, 4, values));
        }
        charts.add(new Chart("aantoonbaar-vertrek", "Aandeel aantoonbaar vertrek (DT&V)", "procent", weeks, share));
        return charts;
    }

    /**
     * A stage's lead time per week; a week in which no case left the stage has no lead time (forecast.json writes 0
     * there), so the line has a gap instead of a dive to zero.
     */
    static double[] leadTimes(ScenarioRun run, String stage, String percentile) {
        double[] values = run.series("/leadTimeDays/" + stage + "/" + percentile);
        double[] p50 = run.series("/leadTimeDays/" + stage + "/p50");
        double[] p90 = run.series("/leadTimeDays/" + stage + "/p90");
        for (int i = 0; i < values.length; i++) {
            if (p50[i] == 0 && p90[i] == 0) {
                values[i] = Double.NaN;
            }
        }
        return values;
    }

    /** Housed since the start of the week's half-year (1 January, 1 July): what the taakstelling is measured on. */
    static double[] housedSoFarInHalfYear(ScenarioRun run) {
        double[] weekly = run.series("/housed");
        List<LocalDate> starts = run.weekStarts();
        double[] cumulative = new double[weekly.length];
        double sum = 0;
        for (int i = 0; i < weekly.length; i++) {
            if (i > 0 && !halfYear(starts.get(i)).equals(halfYear(starts.get(i - 1)))) {
                sum = 0;
            }
            sum += weekly[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** "2023-I" or "2023-II", the taakstelling's periods. */
    static String halfYear(LocalDate day) {
        return day.getYear() + (day.getMonthValue() < Month.JULY.getValue() ? "-I" : "-II");
    }

    /** One line per key under {@code pointer} in any scenario, coloured by key, dashed by scenario. */
    private static List<Chart.Line> perKey(
            List<ScenarioRun> runs,
            String pointer,
            Map<String, String> names,
            Function<String, Function<ScenarioRun, double[]>> series) {
        List<String> keys = keys(runs, pointer, names);
        List<Chart.Line> lines = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            for (int s = 0; s < runs.size(); s++) {
                lines.add(new Chart.Line(
                        names.getOrDefault(keys.get(k), keys.get(k)),
                        s,
                        k,
                        series.apply(keys.get(k)).apply(runs.get(s))));
            }
        }
        return lines;
    }

    /** The keys any scenario has under a pointer: the known ones in their order, then the rest sorted. */
    static List<String> keys(List<ScenarioRun> runs, String pointer, Map<String, String> names) {
        Set<String> present = new LinkedHashSet<>();
        runs.forEach(run -> present.addAll(run.keys(pointer)));
        List<String> keys = new ArrayList<>();
        names.keySet().stream().filter(present::contains).forEach(keys::add);
        present.stream().filter(key -> !names.containsKey(key)).forEach(keys::add);
        return keys;
    }

    private static ScenarioRun longest(List<ScenarioRun> runs) {
        ScenarioRun longest = runs.get(0);
        for (ScenarioRun run : runs) {
            if (run.weeks().size() > longest.weeks().size()) {
                longest = run;
            }
        }
        return longest;
    }

    private static Map<String, String> ordered(String... keysAndNames) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            map.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}

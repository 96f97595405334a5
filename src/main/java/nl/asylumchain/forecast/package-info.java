/**
 * The chain forecast (MPP): a scenario's inflow run through the real models and the stage modules' real rules in an
 * isolated engine on a virtual clock, with capacity-bound handling; weekly figures as JSON and CSV, and a report.
 * The production application starts it as a child JVM ({@code /api/forecasts}, the page {@code /forecasts}) and hands
 * it a snapshot of the open cases for a forecast "from now". See docs/forecast.md. It drives every stage, so it may
 * use them all (their public faces, the case model's ids); no stage depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Forecast",
        allowedDependencies = {
            "casefile",
            "casefile :: model",
            "decision",
            "decision :: model",
            "departure",
            "housing",
            "reception",
            "platform"
        })
package nl.asylumchain.forecast;

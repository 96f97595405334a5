package nl.asylumchain.forecast.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.asylumchain.forecast.ForecastCommand;
import nl.asylumchain.forecast.ForecastJob;
import nl.asylumchain.forecast.ForecastJob.Progress;
import nl.asylumchain.forecast.ForecastJob.Status;
import nl.asylumchain.forecast.ForecastJobs;
import nl.asylumchain.forecast.ForecastRequest;
import nl.asylumchain.forecast.ForecastSizing;
import nl.asylumchain.forecast.report.ForecastReport;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/**
 * The page {@code /forecasts}: start a forecast, follow it (the page reloads itself while one runs) and open its
 * report; compare finished ones. Rendered on the server, without script, behind its own login (platform's
 * BrowserSecurityConfiguration); Dutch, for the planners who use it.
 */
@Controller
class ForecastPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);
    /** The shipped scenarios offered in the form; any other shipped name may be typed. */
    static final List<String> SUGGESTED =
            List.of("mpp-2023-min", "mpp-2023-medio", "mpp-2023-max", "mpp-2024-low", "mpp-2024-high");

    private final ForecastJobs jobs;

    ForecastPageController(ForecastJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/forecasts/login")
    ResponseEntity<String> login(@RequestParam(required = false) String error, CsrfToken csrf) {
        String body = "<section><h1>Inloggen</h1><p>Log in met uw gebruikersnaam en wachtwoord van Tasklist.</p>"
                + (error != null
                        ? "<p class=\"fout\" role=\"alert\">Onbekende gebruiker of verkeerd wachtwoord.</p>"
                        : "")
                + "<form method=\"post\" action=\"/forecasts/login\">" + hidden(csrf)
                + "<label>Gebruikersnaam <input name=\"username\" autocomplete=\"username\" required></label>"
                + "<label>Wachtwoord <input name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required></label><button type=\"submit\">Inloggen</button></form></section>";
        return page("Inloggen", body, false, null, HttpStatus.OK);
    }

    @GetMapping({"/forecasts", "/forecasts/"})
    ResponseEntity<String> list(Authentication user, CsrfToken csrf) throws IOException {
        return overview(user, csrf, null, HttpStatus.OK);
    }

    @PostMapping(path = "/forecasts", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> start(
            @RequestParam(required = false) String scenario,
            @RequestParam(required = false) String yaml,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) String weeks,
            @RequestParam(required = false) String fromNow,
            @RequestParam(required = false) String shards,
            @RequestParam(required = false) String sample,
            Authentication user,
            CsrfToken csrf)
            throws IOException {
        try {
            ForecastJob job = jobs.start(
                    new ForecastRequest(
                            blankToNull(scenario),
                            blankToNull(yaml),
                            seed == null || seed.isBlank() ? null : parse("seed", seed),
                            weeks == null || weeks.isBlank() ? null : (int) parse("weeks", weeks),
                            fromNow != null,
                            // out of range stays out of range (refused, naming the field) rather than wrapping
                            shards == null || shards.isBlank()
                                    ? null
                                    : (int) Math.max(-1, Math.min(parse("shards", shards), 17)),
                            sample == null || sample.isBlank()
                                    ? null
                                    : (int) Math.max(-1, Math.min(parse("sample", sample), 101))),
                    user.getName());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/forecasts/" + job.id()))
                    .build();
        } catch (InvalidRequestException e) {
            return overview(user, csrf, "Het scenario is niet gestart: " + e.summary(), HttpStatus.BAD_REQUEST);
        } catch (ConflictException e) {
            return overview(
                    user,
                    csrf,
                    "Er loopt al een prognose op deze server; er loopt er één tegelijk. Wacht" + " tot die klaar is.",
                    HttpStatus.CONFLICT);
        }
    }

    @GetMapping("/forecasts/{id}")
    ResponseEntity<String> job(@PathVariable String id, Authentication user, CsrfToken csrf) throws IOException {
        ForecastJob job = jobs.find(id).orElseThrow(() -> new NotFoundException("No forecast " + id));
        StringBuilder body = new StringBuilder(
                        "<p><a href=\"/forecasts\">← Alle prognoses</a></p><section><h1>Prognose ")
                .append(esc(job.scenario()))
                .append("</h1>");
        body.append("<p>Status: <strong>").append(statusText(job.status())).append("</strong>");
        Progress progress = job.progress();
        boolean placing = progress != null && progress.week() == null && progress.toPlace() != null;
        if (progress != null && progress.week() != null && progress.weeks() != null) {
            body.append(" — week ")
                    .append(progress.week())
                    .append(" van ")
                    .append(progress.weeks())
                    .append(", gesimuleerde datum ")
                    .append(progress.date());
        } else if (placing && job.status() == Status.RUNNING) {
            body.append(" — de startvoorraad wordt geplaatst: ")
                    .append(progress.placed())
                    .append(" van ")
                    .append(progress.toPlace())
                    .append(" zaken");
        }
        body.append("</p>");
        if (job.status() == Status.RUNNING) {
            long value = 0;
            long max = 1;
            if (placing) {
                value = progress.placed() == null ? 0 : progress.placed();
                max = Math.max(progress.toPlace(), 1);
            } else if (progress != null && progress.week() != null && progress.weeks() != null) {
                value = progress.week();
                max = progress.weeks();
            }
            body.append("<progress max=\"")
                    .append(max)
                    .append("\" value=\"")
                    .append(value)
                    .append("\"></progress>");
            if (placing) {
                body.append("<p>De zaken van de startvoorraad worden elk op hun plek in de modellen gezet, voor de")
                        .append(" eerste gesimuleerde dag");
                if (progress.etaSeconds() != null) {
                    body.append("; nog ongeveer ").append(progress.etaSeconds()).append(" seconden");
                }
                body.append(".</p>");
            } else if (progress != null) {
                body.append("<p>")
                        .append(progress.cases())
                        .append(" zaken, ")
                        .append(progress.stepsPerSecond())
                        .append(" stappen per seconde, nog ongeveer ")
                        .append(progress.etaSeconds())
                        .append(" seconden.</p>");
            } else {
                body.append("<p>De rekenomgeving start (een eigen Java-proces met een eigen procesengine).</p>");
            }
        }
        if (job.status() == Status.DONE) {
            String base = "/forecasts/" + job.id() + "/";
            body.append("<p class=\"links\"><a class=\"knop\" href=\"")
                    .append(base)
                    .append(ForecastReport.REPORT_HTML)
                    .append("\">Rapport openen</a> <a href=\"")
                    .append(base)
                    .append("weekly.csv\">Cijfers per week (CSV)</a> ")
                    .append("<a href=\"")
                    .append(base)
                    .append(ForecastReport.FORECAST_JSON)
                    .append("\">forecast.json</a></p>");
        }
        if (job.errors() != null && !job.errors().isEmpty()) {
            body.append("<p class=\"fout\">Het scenario is afgewezen:</p><ul>");
            job.errors()
                    .forEach(error -> body.append("<li><code>")
                            .append(esc(error.field()))
                            .append("</code>: ")
                            .append(esc(error.message()))
                            .append("</li>"));
            body.append("</ul>");
        }
        if (job.exitCode() != null && job.exitCode() == ForecastCommand.EXIT_TOO_LITTLE_HEAP) {
            body.append("<p class=\"fout\">De berekening is gestopt: de rekenomgeving heeft te weinig geheugen voor")
                    .append(
                            " deze startvoorraad. Start opnieuw met een lege steekproef (de server kiest dan de kleinste")
                    .append(" die past) of een grotere (Steekproef 1/10), of laat de beheerder")
                    .append(" het geheugen verhogen (<code>asylumchain.forecast.java-options</code>).</p>");
        }
        if (job.message() != null) {
            body.append("<pre class=\"fout\">").append(esc(job.message())).append("</pre>");
        }
        body.append("<dl><dt>Gestart door</dt><dd>")
                .append(esc(job.requestedBy()))
                .append("</dd><dt>Gestart</dt><dd>")
                .append(job.createdAt())
                .append("</dd>");
        if (job.finishedAt() != null) {
            body.append("<dt>Klaar</dt><dd>").append(job.finishedAt()).append("</dd>");
        }
        if (job.sizing() != null) {
            body.append("<dt>Omvang</dt><dd>").append(esc(size(job.sizing()))).append("</dd>");
        }
        body.append("</dl></section>");
        return page("Prognose " + job.scenario(), body.toString(), job.status() == Status.RUNNING, user, HttpStatus.OK);
    }

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** The sample a run was given, and why, in a planner's words. */
    static String size(ForecastSizing.Choice sizing) {
        String estimate = String.format(
                DUTCH,
                "de hele keten houdt naar schatting %.1f GB in gebruik, de rekenomgeving heeft %.1f GB",
                sizing.wholeMb() / 1024.0,
                sizing.heapMb() / 1024.0);
        if (!sizing.chosen()) {
            return sizing.sample() == 1
                    ? "de hele keten (gevraagd; " + estimate + ")"
                    : "steekproef 1/" + sizing.sample() + " (gevraagd), opgeschaald naar de hele keten";
        }
        return sizing.sample() == 1
                ? "de hele keten (" + estimate + ")"
                : "steekproef 1/" + sizing.sample() + ", opgeschaald naar de hele keten; zelf gekozen omdat " + estimate
                        + ". Kies Steekproef 1/1 om de hele keten te rekenen (met meer geheugen).";
    }

    @GetMapping("/forecasts/{id}/{file:report\\.html|weekly\\.csv|forecast\\.json}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String file) throws IOException {
        byte[] content = Files.readAllBytes(
                jobs.file(id, file).orElseThrow(() -> new NotFoundException("Forecast " + id + " has no " + file)));
        MediaType type = file.endsWith(".html")
                ? HTML
                : file.endsWith(".csv")
                        ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type).body(content);
    }

    @GetMapping("/forecasts/compare")
    ResponseEntity<String> compare(
            @RequestParam(required = false) List<String> ids, Authentication user, CsrfToken csrf) throws IOException {
        if (ids == null || ids.size() < 2 || ids.size() > 4) {
            return overview(
                    user, csrf, "Kies twee tot vier afgeronde prognoses om te vergelijken.", HttpStatus.BAD_REQUEST);
        }
        return ResponseEntity.ok().contentType(HTML).body(jobs.compare(ids));
    }

    private ResponseEntity<String> overview(Authentication user, CsrfToken csrf, String problem, HttpStatus status)
            throws IOException {
        List<ForecastJob> all = jobs.list();
        StringBuilder body = new StringBuilder();
        if (problem != null) {
            body.append("<p class=\"fout\" role=\"alert\">")
                    .append(esc(problem))
                    .append("</p>");
        }
        body.append(
                        "<section><h1>Nieuwe prognose</h1><p>De prognose rekent een jaar instroom door de echte procesmodellen"
                                + " van de keten, in een eigen rekenomgeving naast deze server. Eén prognose tegelijk. Een jaar"
                                + " vanaf een lege keten, of met de startvoorraad van een scenario uit de brief als steekproef"
                                + " 1/3, duurt ongeveer tien minuten; de hele startvoorraad (tot 90.000 zaken) in één keer een"
                                + " half uur of langer, en ongeveer 6 GB geheugen. Laat u de steekproef leeg, dan kiest de server de kleinste steekproef die in het"
                                + " geheugen van de rekenomgeving past, en rekent die om naar de hele keten; 1 rekent altijd"
                                + " de hele keten. Heeft de rekenomgeving toch te weinig, dan stopt de prognose vroegtijdig en"
                                + " zegt hoeveel nodig is.</p><form method=\"post\" action=\"/forecasts\">")
                .append(hidden(csrf))
                .append("<label>Scenario <input name=\"scenario\" list=\"scenarios\" placeholder=\"mpp-2023-medio\""
                        + " pattern=\"[a-z0-9][a-z0-9\\-]*\"></label><datalist id=\"scenarios\">")
                .append(SUGGESTED.stream()
                        .map(name -> "<option value=\"" + name + "\">")
                        .collect(Collectors.joining()))
                .append(
                        "</datalist><label>of een eigen scenariobestand (YAML) <textarea name=\"yaml\" rows=\"4\">"
                                + "</textarea></label><label>Seed <input name=\"seed\" inputmode=\"numeric\" size=\"8\"></label>"
                                + "<label>Weken <input name=\"weeks\" inputmode=\"numeric\" size=\"4\" placeholder=\"52\"></label>"
                                + "<label>Verdelen over processen <input name=\"shards\" inputmode=\"numeric\" size=\"2\""
                                + " placeholder=\"1\"></label>"
                                + "<label>Steekproef 1/ <input name=\"sample\" inputmode=\"numeric\" size=\"3\""
                                + " placeholder=\"past\"></label>"
                                + "<label class=\"vink\"><input type=\"checkbox\" name=\"fromNow\" value=\"true\"> Starten vanaf de"
                                + " open zaken van nu</label><button type=\"submit\">Prognose starten</button></form></section>");
        body.append("<section><h1>Prognoses</h1>");
        if (all.isEmpty()) {
            body.append("<p>Nog geen prognoses.</p>");
        } else {
            body.append("<form method=\"get\" action=\"/forecasts/compare\"><table><thead><tr><th>Vergelijk</th>"
                    + "<th>Gestart</th><th>Scenario</th><th>Status</th><th>Voortgang</th><th>Door</th><th></th></tr>"
                    + "</thead><tbody>");
            for (ForecastJob job : all) {
                body.append("<tr><td>")
                        .append(
                                job.status() == Status.DONE
                                        ? "<input type=\"checkbox\" name=\"ids\" value=\"" + job.id()
                                                + "\" aria-label=\"vergelijk " + esc(job.scenario()) + "\">"
                                        : "")
                        .append("</td><td>")
                        .append(job.createdAt())
                        .append("</td><td><a href=\"/forecasts/")
                        .append(job.id())
                        .append("\">")
                        .append(esc(job.scenario()))
                        .append("</a></td><td>")
                        .append(statusText(job.status()))
                        .append("</td><td>")
                        .append(progressCell(job))
                        .append("</td><td>")
                        .append(esc(job.requestedBy()))
                        .append("</td><td>")
                        .append(
                                job.status() == Status.DONE
                                        ? "<a href=\"/forecasts/" + job.id() + "/" + ForecastReport.REPORT_HTML
                                                + "\">rapport</a>"
                                        : "")
                        .append("</td></tr>");
            }
            body.append("</tbody></table><button type=\"submit\">Geselecteerde naast elkaar</button></form>");
        }
        body.append("</section>");
        boolean running = all.stream().anyMatch(job -> job.status() == Status.RUNNING);
        return page("Ketenprognose", body.toString(), running, user, status);
    }

    private static ResponseEntity<String> page(
            String title, String body, boolean refresh, Authentication user, HttpStatus status) {
        String html = "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                // while a forecast runs the page reloads itself to show its progress (no script on our pages)
                + (refresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "")
                + "<title>" + esc(title) + " – asielketen</title><style>" + STYLE + "</style></head><body>"
                + "<header><a class=\"merk\" href=\"/forecasts\">Asielketen · Ketenprognose</a>"
                + (user == null ? "" : "<span class=\"wie\">" + esc(user.getName()) + "</span>") + "</header><main>"
                + body + "</main></body></html>";
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }

    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1b1b}"
                    + "header{background:#154273;color:#fff;padding:12px 24px;display:flex;justify-content:space-between}"
                    + "header a{color:#fff;text-decoration:none;font-weight:600}main{padding:16px 24px;max-width:1100px}"
                    + "section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:14px 18px;margin:0 0 16px}"
                    + "h1{font-size:1.2rem;margin:0 0 8px}label{display:block;margin:6px 0}label.vink{display:flex;gap:6px}"
                    + "textarea{width:100%;font-family:monospace}table{border-collapse:collapse;width:100%}"
                    + "th,td{border-bottom:1px solid #e4e7eb;padding:4px 8px;text-align:left}.fout{color:#b00020}pre.fout{white-space:pre-wrap}"
                    + "progress{width:100%;height:18px}a.knop,button{background:#154273;color:#fff;border:0;border-radius:4px;"
                    + "padding:6px 12px;text-decoration:none;cursor:pointer}";

    /** The overview's column of how far a run is: its week, or how much of its start stock is placed. */
    private static String progressCell(ForecastJob job) {
        Progress progress = job.progress();
        if (progress == null) {
            return "";
        }
        if (progress.week() != null) {
            return "week " + progress.week() + " / " + progress.weeks();
        }
        if (progress.toPlace() != null && job.status() == Status.RUNNING) {
            return "startvoorraad " + progress.placed() + " / " + progress.toPlace();
        }
        return "";
    }

    private static String statusText(Status status) {
        return switch (status) {
            case RUNNING -> "loopt";
            case DONE -> "klaar";
            case INVALID -> "scenario afgewezen";
            case FAILED -> "mislukt";
            case INTERRUPTED -> "afgebroken (server herstart)";
        };
    }

    private static String hidden(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + esc(csrf.getParameterName()) + "\" value=\"" + esc(csrf.getToken())
                + "\">";
    }

    private static long parse(String field, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "must be a whole number");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

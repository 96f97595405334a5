package nl.asylumchain.forecast.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import nl.asylumchain.forecast.ForecastJob;
import nl.asylumchain.forecast.ForecastJobs;
import nl.asylumchain.forecast.ForecastRequest;
import nl.asylumchain.forecast.report.ForecastReport;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/**
 * {@code /api/forecasts}: start a forecast (a child JVM, see {@link ForecastJobs}), follow its progress, fetch its
 * report, CSV and JSON, and compare finished ones. For planners, IND team leads, process designers and
 * administrators: a forecast shows no case, only the chain's figures. See docs/forecast.md.
 */
@RestController
@PreAuthorize(ForecastController.ALLOWED)
class ForecastController {

    static final String ALLOWED = "hasAnyAuthority(T(nl.asylumchain.platform.Groups).PLANNER,"
            + " T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).PROCESS_DESIGNER,"
            + " T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)";

    /**
     * The report is a page with inline style and drawings; the API's usual policy ({@code default-src 'none'}) would
     * show it unstyled. Still no script, no frame, nothing from elsewhere.
     */
    static final String REPORT_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:;" + " frame-ancestors 'none'";

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ForecastJobs jobs;

    ForecastController(ForecastJobs jobs) {
        this.jobs = jobs;
    }

    /** A run with the addresses of what it has. */
    record RunView(@JsonUnwrapped ForecastJob run, Map<String, String> links) {

        static RunView of(ForecastJob run) {
            String self = "/api/forecasts/" + run.id();
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", self);
            links.put("page", "/forecasts/" + run.id());
            if (run.status() == ForecastJob.Status.DONE) {
                links.put("report", self + "/" + ForecastReport.REPORT_HTML);
                links.put("json", self + "/" + ForecastReport.FORECAST_JSON);
                links.put("csv", self + "/weekly.csv");
            }
            return new RunView(run, links);
        }
    }

    /** {@code {"scenario": "mpp-2023-medio"}} or {@code {"yaml": "..."}}, with {@code seed}, {@code weeks}, {@code fromNow}, {@code shards}, {@code sample}. */
    @PostMapping(path = "/api/forecasts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> start(@RequestBody ForecastRequest request, Authentication user) throws IOException {
        ForecastJob run = jobs.start(request, user.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/forecasts/" + run.id()))
                .body(RunView.of(run));
    }

    /** A scenario file as the body ({@code Content-Type: application/yaml}), the options as query parameters. */
    @PostMapping(
            path = "/api/forecasts",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml"})
    ResponseEntity<RunView> startYaml(
            @RequestBody String yaml,
            @RequestParam(required = false) Long seed,
            @RequestParam(required = false) Integer weeks,
            @RequestParam(required = false) Boolean fromNow,
            @RequestParam(required = false) Integer shards,
            @RequestParam(required = false) Integer sample,
            Authentication user)
            throws IOException {
        return start(new ForecastRequest(null, yaml, seed, weeks, fromNow, shards, sample), user);
    }

    @GetMapping("/api/forecasts")
    List<RunView> list() throws IOException {
        return jobs.list().stream().map(RunView::of).toList();
    }

    @GetMapping("/api/forecasts/{id}")
    RunView get(@PathVariable String id) throws IOException {
        return RunView.of(jobs.find(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping("/api/forecasts/{id}/report.html")
    ResponseEntity<byte[]> report(@PathVariable String id) throws IOException {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", REPORT_POLICY)
                .body(read(id, ForecastReport.REPORT_HTML));
    }

    @GetMapping("/api/forecasts/{id}/forecast.json")
    ResponseEntity<byte[]> json(@PathVariable String id) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(read(id, ForecastReport.FORECAST_JSON));
    }

    @GetMapping("/api/forecasts/{id}/weekly.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id) throws IOException {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"forecast-" + id + ".csv\"")
                .body(read(id, "weekly.csv"));
    }

    @GetMapping("/api/forecasts/{id}/charts/{name}.png")
    ResponseEntity<byte[]> chart(@PathVariable String id, @PathVariable String name) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(read(id, "charts/" + name + ".png"));
    }

    /** Several finished forecasts in one report, side by side: {@code ?ids=a,b}. */
    @GetMapping("/api/forecasts/compare")
    ResponseEntity<String> compare(@RequestParam List<String> ids) throws IOException {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        if (distinct.size() < 2 || distinct.size() > 4) {
            throw new InvalidRequestException("ids", "give 2 to 4 different forecast ids");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", REPORT_POLICY)
                .body(jobs.compare(distinct));
    }

    private byte[] read(String id, String name) throws IOException {
        Path file = jobs.file(id, name).orElseThrow(() -> new NotFoundException("Forecast " + id + " has no " + name));
        return Files.readAllBytes(file);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No forecast " + id);
    }
}

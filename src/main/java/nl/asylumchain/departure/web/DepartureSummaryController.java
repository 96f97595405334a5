package nl.asylumchain.departure.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.asylumchain.departure.DepartureService;
import nl.asylumchain.departure.DepartureService.Summary;

/** How departures ended in a period, and DT&V's demonstrable departure share. */
@RestController
class DepartureSummaryController {

    private final DepartureService departures;
    private final Clock clock;

    DepartureSummaryController(DepartureService departures, Clock clock) {
        this.departures = departures;
        this.clock = clock;
    }

    /** {@code from} and {@code to} are dates, both inclusive; by default the year so far. */
    @GetMapping("/api/departures/summary")
    @PreAuthorize(
            "hasAnyAuthority(T(nl.asylumchain.platform.Groups).DTV, T(nl.asylumchain.platform.Groups).IND_TEAM_LEAD, T(nl.asylumchain.platform.Groups).CAMUNDA_ADMIN)")
    Summary summary(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return departures.summary(from == null ? today.withDayOfYear(1) : from, to == null ? today : to);
    }
}

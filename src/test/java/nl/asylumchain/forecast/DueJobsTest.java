package nl.asylumchain.forecast;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import nl.asylumchain.forecast.process.DueJobs;
import nl.asylumchain.forecast.process.StockPlacement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast finds the jobs due on its clock by walking an index of the due date ({@link DueJobs#first}); it must
 * give the jobs the engine's own query gives ({@link DueJobs#engineOrder}), in the same order, whatever the clock
 * says and however many it asks for, with the timers of placed cases at many due dates.
 */
class DueJobsTest {

    private final Scenario scenario = ForecastLab.scenario("small");

    @Test
    void theJobsDueByNowAreThoseOfTheEnginesJobQueryInItsOrder() {
        StockPlacement placement = ForecastLab.bean(scenario, StockPlacement.class);
        placement.place(scenario, StockPlacement.Kind.IND, 4, 800_000, 12);
        placement.place(scenario, StockPlacement.Kind.REUNIFICATION, 4, 800_100, 8);
        DueJobs due = ForecastLab.bean(scenario, DueJobs.class);
        List<Date> dueDates = ForecastLab.bean(scenario, ManagementService.class).createJobQuery().list().stream()
                .map(Job::getDuedate)
                .distinct()
                .sorted()
                .toList();
        assertThat(dueDates).as("timers at several due dates").hasSizeGreaterThan(3);
        Date first = dueDates.get(0);
        Date middle = dueDates.get(dueDates.size() / 2);
        Date last = dueDates.get(dueDates.size() - 1);
        try {
            for (Date now : List.of(
                    new Date(first.getTime() - 1),
                    first,
                    middle,
                    new Date(middle.getTime() + 1),
                    last,
                    Date.from(Instant.parse("2100-01-01T00:00:00Z")))) {
                ClockUtil.setCurrentTime(now);
                for (int max : List.of(1, 3, 1000)) {
                    List<String> engine = ids(due.engineOrder(max));
                    assertThat(ids(due.first(max)))
                            .as("due by %s, first %d", now, max)
                            .isEqualTo(engine);
                }
            }
            ClockUtil.setCurrentTime(last);
            assertThat(due.first(1000))
                    .as("every timer due at the last due date")
                    .hasSize((int) ForecastLab.bean(scenario, ManagementService.class)
                            .createJobQuery()
                            .count());
            ClockUtil.setCurrentTime(new Date(first.getTime() - 1));
            assertThat(due.first(1000)).isEmpty();
        } finally {
            ClockUtil.reset();
        }
    }

    private static List<String> ids(List<Job> jobs) {
        return jobs.stream().map(Job::getId).toList();
    }
}

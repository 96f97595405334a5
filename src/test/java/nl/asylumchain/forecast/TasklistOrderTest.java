package nl.asylumchain.forecast;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import nl.asylumchain.forecast.process.StockPlacement;
import nl.asylumchain.forecast.process.TasklistOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast takes a group's open tasks of the day with its own statements ({@link TasklistOrder#walk} for a large
 * group, {@link TasklistOrder#gather} for a small one); each must give the tasks the engine's task query gives
 * ({@link TasklistOrder#sorted}), in the same order, for a group and for one IND track of a group, with tasks of
 * several priorities, due dates and tracks open.
 */
class TasklistOrderTest {

    private final Scenario scenario = ForecastLab.scenario("small");

    @Test
    void aGroupsFirstOpenTasksAreThoseOfTheEnginesTaskQueryInItsOrder() {
        StockPlacement placement = ForecastLab.bean(scenario, StockPlacement.class);
        long number = 900_000;
        for (int track : List.of(1, 2, 4)) {
            placement.place(scenario, StockPlacement.Kind.IND, track, number, 12);
            number += 100;
        }
        placement.place(scenario, StockPlacement.Kind.HOUSING, 4, number, 6);
        TaskService tasks = ForecastLab.bean(scenario, TaskService.class);
        TasklistOrder order = ForecastLab.bean(scenario, TasklistOrder.class);

        List<String> groups = tasks.createTaskQuery().active().list().stream()
                .flatMap(task -> tasks.getIdentityLinksForTask(task.getId()).stream())
                .filter(link -> link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .distinct()
                .sorted()
                .toList();
        assertThat(groups).contains("ind-decision");
        for (String group : groups) {
            for (int max : List.of(1, 5, 1000)) {
                List<String> engine = ids(order.sorted(group, null, max));
                assertThat(engine).as("%s, first %d", group, max).isNotEmpty();
                assertThat(ids(order.walk(group, null, max)))
                        .as("%s, first %d", group, max)
                        .isEqualTo(engine);
                assertThat(ids(order.gather(group, null, max)))
                        .as("%s, first %d, gathered", group, max)
                        .isEqualTo(engine);
                assertThat(ids(order.first(group, null, max)))
                        .as("%s, first %d", group, max)
                        .isEqualTo(engine);
            }
        }
        for (int track : List.of(1, 2, 4)) {
            List<String> engine = ids(order.sorted("ind-decision", track, 1000));
            if (track == 4) {
                assertThat(engine).hasSizeGreaterThan(3);
            }
            assertThat(ids(order.first("ind-decision", track, 1000)))
                    .as("ind-decision, track %d", track)
                    .isEqualTo(engine);
            assertThat(ids(order.first("ind-decision", track, 3)))
                    .isEqualTo(engine.subList(0, Math.min(3, engine.size())));
            for (int max : List.of(3, 1000)) {
                List<String> expected = engine.subList(0, Math.min(max, engine.size()));
                assertThat(ids(order.walk("ind-decision", track, max))).isEqualTo(expected);
                assertThat(ids(order.gather("ind-decision", track, max))).isEqualTo(expected);
            }
        }
        assertThat(order.walk("ind-decision", 3, 10)).isEmpty();
        assertThat(order.gather("ind-decision", 3, 10)).isEmpty();
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}

package nl.asylumchain.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog gauges' task queues ({@link TaskQueueCounts}) say what the engine's own counts say, per case-handler
 * group: the open tasks from the tally, the overdue ones from one statement, with tasks assigned, suspended and
 * ended along the way.
 */
@ChainTestContext
class TaskQueueCountsTest {

    @Autowired
    TaskQueueCounts queues;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    private final List<String> started = new ArrayList<>();

    @Test
    void theQueuesAreTheEnginesCountsPerGroup() {
        for (int i = 0; i < 6; i++) {
            String caseId = "00000000-0000-0000-0002-" + String.format("%012d", i);
            started.add(runtimeService
                    .startProcessInstanceByKey("guardianship", caseId, Map.of("caseId", caseId))
                    .getId());
        }
        List<Task> nidos = taskService
                .createTaskQuery()
                .processInstanceIdIn(started.toArray(String[]::new))
                .list();
        assertThat(nidos).isNotEmpty();
        // one due long ago, one taken by a handler, one instance suspended, one ended
        taskService.setDueDate(nidos.get(0).getId(), Date.from(Instant.now().minus(30, ChronoUnit.DAYS)));
        taskService.setAssignee(nidos.get(1).getId(), "voogd");
        runtimeService.suspendProcessInstanceById(started.get(3));
        runtimeService.deleteProcessInstance(started.get(4), "test: a case that left");

        for (Instant now : List.of(Instant.now(), Instant.now().plus(400, ChronoUnit.DAYS))) {
            Map<String, Long> open = queues.openTasks(Groups.CASE_HANDLERS).orElseThrow();
            Map<String, Long> overdue = queues.overdueTasks(Groups.CASE_HANDLERS, now);
            for (String group : Groups.CASE_HANDLERS) {
                assertThat(open.get(group))
                        .as("open tasks of %s", group)
                        .isEqualTo(taskService
                                .createTaskQuery()
                                .taskCandidateGroup(group)
                                .includeAssignedTasks()
                                .count());
                assertThat(overdue.get(group))
                        .as("tasks of %s overdue at %s", group, now)
                        .isEqualTo(taskService
                                .createTaskQuery()
                                .taskCandidateGroup(group)
                                .includeAssignedTasks()
                                .dueBefore(Date.from(now))
                                .count());
            }
        }
        assertThat(queues.overdueTasks(List.of(Groups.NIDOS), Instant.now()).get(Groups.NIDOS))
                .as("the task due a month ago")
                .isGreaterThanOrEqualTo(1);
    }

    @AfterEach
    void removeStarted() {
        runtimeService.deleteProcessInstancesIfExists(started, "test done", true, true, true);
        historyService.deleteHistoricProcessInstancesIfExists(started);
    }
}

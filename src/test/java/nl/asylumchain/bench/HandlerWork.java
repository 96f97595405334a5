package nl.asylumchain.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.ChainClient;
import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.demo.process.DemoFormAnswers;
import nl.asylumchain.platform.FormSchema;

/**
 * Works our cases through the engine's Java API as the chain's handlers and time would: every open task of the case
 * is completed by the demo user of its candidate group (authenticated, so the engine checks the grant) with what
 * the demo traffic's {@link DemoFormAnswers} fill in on its Camunda Form; when the case has no open task, its
 * earliest timer fires (what passing time does). Counts the wait-state transitions. One instance per thread.
 */
final class HandlerWork {

    /** A nationality mix with safe countries in it, so that the benchmark's cases take spoor 2 and spoor 4. */
    static final List<String> NATIONALITY_MIX =
            List.of("SYR", "SYR", "SYR", "TUR", "ERI", "ERI", "AFG", "YEM", "IRQ", "SOM", "DZA", "MAR", "GEO");

    /** The benchmarks' applicant number {@code i}: an adult first applicant reporting at Ter Apel today. */
    static NewCase applicant(String label, int i, LocalDate today, String nationality) {
        return new NewCase(
                new NewCase.Person(
                        "Bench",
                        label + " " + i,
                        today.minusYears(20 + i % 40),
                        i % 3 == 0 ? Sex.F : Sex.M,
                        nationality),
                ApplicationType.FIRST,
                new NewCase.Arrival(ArrivalLocation.TER_APEL, today),
                false,
                false,
                false,
                List.of());
    }

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_TRANSITIONS = 200;

    /** Forms and candidate groups by process definition and task key: reading them is not the work measured. */
    private static final Map<String, FormSchema> FORMS = new ConcurrentHashMap<>();

    private static final Map<String, String> GROUPS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> GROUPS_OF_USER = new ConcurrentHashMap<>();

    private final ProcessEngine engine;
    private final TaskService tasks;
    private final IdentityService identity;
    private final DemoFormAnswers answers;
    private final ObjectMapper json = new ObjectMapper();

    private int tasksCompleted;
    private int timersFired;

    HandlerWork(ProcessEngine engine, long seed) {
        this.engine = engine;
        this.tasks = engine.getTaskService();
        this.identity = engine.getIdentityService();
        this.answers = new DemoFormAnswers(seed);
    }

    /** What a case's work came to. */
    enum End {
        /** No process of the case runs any more. */
        ENDED,
        /** Its processes wait for something no handler and no timer gives (a message from outside). */
        WAITING_FOR_A_MESSAGE
    }

    /** Works the case until none of its processes runs or none can move without a message from outside. */
    End workToEnd(String caseId) {
        for (int transitions = 0; transitions < MAX_TRANSITIONS; ) {
            List<Task> open = tasks.createTaskQuery()
                    .processInstanceBusinessKey(caseId)
                    .active()
                    .list();
            if (!open.isEmpty()) {
                for (Task task : open) {
                    complete(task);
                    transitions++;
                }
                continue;
            }
            List<ProcessInstance> running = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId)
                    .list();
            if (running.isEmpty()) {
                return End.ENDED;
            }
            Job next = running.stream()
                    .flatMap(instance -> engine
                            .getManagementService()
                            .createJobQuery()
                            .processInstanceId(instance.getId())
                            .timers()
                            .list()
                            .stream())
                    .min((a, b) -> a.getDuedate().compareTo(b.getDuedate()))
                    .orElse(null);
            if (next == null) {
                return End.WAITING_FOR_A_MESSAGE;
            }
            engine.getManagementService().executeJob(next.getId());
            timersFired++;
            transitions++;
        }
        throw new AssertionError("case " + caseId + " still moving after " + MAX_TRANSITIONS + " transitions");
    }

    /** Completes this open task as a handler of its candidate group, with the form answers. */
    void complete(Task task) {
        String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
        FormSchema form = FORMS.computeIfAbsent(key, any -> form(task.getId()));
        Map<String, Object> variables = answers.answer(
                        form,
                        LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AMSTERDAM),
                        name -> tasks.getVariable(task.getId(), name))
                .orElseThrow(() -> new AssertionError("no handler's answer for the form of " + key));
        String group = GROUPS.computeIfAbsent(key, any -> candidateGroup(task.getId()));
        String user = ChainClient.USER_OF_GROUP.get(group);
        identity.setAuthentication(user, GROUPS_OF_USER.computeIfAbsent(user, this::groupsOf));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
        tasksCompleted++;
    }

    private FormSchema form(String taskId) {
        try (InputStream in = engine.getFormService().getDeployedTaskForm(taskId)) {
            return FormSchema.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String candidateGroup(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .findFirst()
                .orElseThrow(() -> new AssertionError("task " + taskId + " has no candidate group"));
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
    }

    int tasksCompleted() {
        return tasksCompleted;
    }

    int timersFired() {
        return timersFired;
    }
}

package nl.asylumchain.demo.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Relation;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.platform.FormSchema;
import nl.asylumchain.registration.process.RegistrationModel;

/**
 * Demo traffic, so that a user who starts the compose stack sees the dashboards fill: every tick it registers new
 * cases through the case file and completes open tasks with realistic choices, read from each task's Camunda Form.
 * Tasks without a form, or with a required field it cannot fill, it leaves alone. Waits that last days or months
 * in reality (the rest period, the Dublin reply period, the zienswijze period, the appeal window) it cuts short after
 * {@code wait-shortcut}.
 * Off unless {@code asylumchain.demo.traffic.enabled=true}; never for production.
 */
@Component
@ConditionalOnProperty(prefix = "asylumchain.demo.traffic", name = "enabled", havingValue = "true")
public class DemoTraffic {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

    /**
     * Timers the demo fires early: waiting six days or two months shows nothing on a dashboard, and without the
     * zienswijze period and the appeal window cut short no rejected case would reach appeal or departure for days.
     */
    static final List<String> SHORTENED_WAITS = List.of(
            RegistrationModel.EVENT_REST_PERIOD_PASSED,
            IndDecisionModel.EVENT_REPLY_PERIOD_PASSED,
            IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED,
            AppealModel.EVENT_APPEAL_WINDOW_PASSED);

    private static final List<String> FAMILY_NAMES = List.of(
            "Haddad",
            "Tesfay",
            "Ahmadi",
            "Yilmaz",
            "Osman",
            "Kareem",
            "Mohammed",
            "Hussein",
            "Abdi",
            "Nazari",
            "Bakr",
            "Gebremedhin",
            "Demir",
            "Saleh");
    private static final List<String> NATIONALITIES = List.of(
            "SYR", "SYR", "SYR", "TUR", "TUR", "ERI", "ERI", "AFG", "AFG", "YEM", "IRQ", "SOM", "DZA", "MAR", "GEO",
            "XXA");

    private final CaseIntake caseFile;
    private final TaskService tasks;
    private final FormService forms;
    private final ManagementService management;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final SplittableRandom random;

    private final int casesPerTick;
    private final int tasksPerTick;
    private final Duration waitShortcut;
    private final double familyAbroadShare;
    private final double unaccompaniedMinorShare;
    private final FormAnswers.Shares shares;

    /** Tasks we could not answer or complete: not tried again (bounded; a restart forgets them). */
    private final Set<String> leftAlone = Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    DemoTraffic(
            CaseIntake caseFile,
            TaskService tasks,
            FormService forms,
            ManagementService management,
            Clock clock,
            @Value("${asylumchain.demo.traffic.cases-per-tick:2}") int casesPerTick,
            @Value("${asylumchain.demo.traffic.tasks-per-tick:20}") int tasksPerTick,
            @Value("${asylumchain.demo.traffic.wait-shortcut:2m}") Duration waitShortcut,
            @Value("${asylumchain.demo.traffic.grant-share:0.6}") double grantShare,
            @Value("${asylumchain.demo.traffic.va-share:0.1}") double vaShare,
            @Value("${asylumchain.demo.traffic.dublin-share:0.15}") double dublinShare,
            @Value("${asylumchain.demo.traffic.family-abroad-share:0.4}") double familyAbroadShare,
            @Value("${asylumchain.demo.traffic.seed:0}") long seed) {
        this.caseFile = caseFile;
        this.tasks = tasks;
        this.forms = forms;
        this.management = management;
        this.clock = clock;
        this.casesPerTick = casesPerTick;
        this.tasksPerTick = tasksPerTick;
        this.waitShortcut = waitShortcut;
        this.familyAbroadShare = familyAbroadShare;
        this.unaccompaniedMinorShare = 0.05;
        this.shares = new FormAnswers.Shares(grantShare, dublinShare, 0.05, 0.8, 0.9, vaShare);
        this.random = seed == 0 ? new SplittableRandom() : new SplittableRandom(seed);
    }

    /** What one tick did, for the log and for tests. */
    public record Tick(int registered, int completed, int timersFired) {}

    @Scheduled(
            initialDelayString = "${asylumchain.demo.traffic.interval:10s}",
            fixedDelayString = "${asylumchain.demo.traffic.interval:10s}")
    public synchronized Tick tick() {
        int registered = 0;
        for (int i = 0; i < casesPerTick; i++) {
            caseFile.register(newCase(), null);
            registered++;
        }
        int completed = completeTasks();
        int fired = fireShortenedWaits();
        log.info(
                "Demo traffic: {} cases registered, {} tasks completed, {} waits cut short",
                registered,
                completed,
                fired);
        return new Tick(registered, completed, fired);
    }

    private int completeTasks() {
        int completed = 0;
        List<Task> open = tasks.createTaskQuery()
                .active()
                .orderByTaskCreateTime()
                .asc()
                .listPage(0, tasksPerTick + leftAlone.size());
        for (Task task : open) {
            if (completed >= tasksPerTick) {
                break;
            }
            if (leftAlone.contains(task.getId())) {
                continue;
            }
            Optional<Map<String, Object>> answers = answersFor(task);
            if (answers.isEmpty()) {
                leftAlone.add(task.getId());
                continue;
            }
            try {
                tasks.complete(task.getId(), answers.get());
                completed++;
            } catch (RuntimeException e) {
                log.debug(
                        "Demo traffic leaves task {} ({}) alone: {}",
                        task.getId(),
                        task.getTaskDefinitionKey(),
                        e.toString());
                leftAlone.add(task.getId());
            }
        }
        return completed;
    }

    private Optional<Map<String, Object>> answersFor(Task task) {
        FormSchema form;
        try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
            form = FormSchema.of(json.readTree(in));
        } catch (IOException | RuntimeException noForm) {
            return Optional.empty();
        }
        return new FormAnswers(random, shares, LocalDate.now(clock), name -> tasks.getVariable(task.getId(), name))
                .answer(form);
    }

    private int fireShortenedWaits() {
        Date waitingSince = Date.from(clock.instant().minus(waitShortcut));
        int fired = 0;
        for (String activityId : SHORTENED_WAITS) {
            for (Job job :
                    management.createJobQuery().timers().activityId(activityId).list()) {
                if (job.getCreateTime() != null && job.getCreateTime().before(waitingSince)) {
                    try {
                        management.executeJob(job.getId());
                        fired++;
                    } catch (RuntimeException e) {
                        log.debug("Demo traffic could not fire timer {}: {}", job.getId(), e.toString());
                    }
                }
            }
        }
        return fired;
    }

    private NewCase newCase() {
        LocalDate today = LocalDate.now(clock);
        boolean minor = random.nextDouble() < unaccompaniedMinorShare;
        LocalDate birthDate = minor
                ? today.minusYears(15 + random.nextInt(3)).minusDays(random.nextInt(300))
                : today.minusYears(18 + random.nextInt(45)).minusDays(random.nextInt(365));
        double where = random.nextDouble();
        ArrivalLocation location = where < 0.7
                ? ArrivalLocation.TER_APEL
                : where < 0.85 ? ArrivalLocation.BUDEL : ArrivalLocation.SCHIPHOL;
        double kind = random.nextDouble();
        ApplicationType type = kind < 0.85
                ? ApplicationType.FIRST
                : kind < 0.95 ? ApplicationType.REPEAT : ApplicationType.RESETTLEMENT;
        List<NewCase.FamilyMemberAbroad> family = new ArrayList<>();
        if (!minor && random.nextDouble() < familyAbroadShare) {
            family.add(new NewCase.FamilyMemberAbroad(Relation.SPOUSE, birthDate.plusYears(1)));
            for (int child = random.nextInt(4); child > 0; child--) {
                family.add(new NewCase.FamilyMemberAbroad(Relation.CHILD, today.minusYears(1 + random.nextInt(15))));
            }
        }
        Sex sex = random.nextDouble() < 0.7 ? Sex.M : Sex.F;
        return new NewCase(
                new NewCase.Person(
                        FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size())),
                        "Demo",
                        birthDate,
                        sex,
                        NATIONALITIES.get(random.nextInt(NATIONALITIES.size()))),
                type,
                new NewCase.Arrival(location, today),
                minor,
                false,
                false,
                family);
    }
}

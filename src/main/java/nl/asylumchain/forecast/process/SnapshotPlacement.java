package nl.asylumchain.forecast.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Relation;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.forecast.ForecastSnapshot;
import nl.asylumchain.forecast.ForecastSnapshot.OpenCase;
import nl.asylumchain.forecast.ForecastSnapshot.ProcessPosition;
import nl.asylumchain.forecast.ForecastSnapshot.Variable;
import nl.asylumchain.forecast.Scenario;
import nl.asylumchain.reception.LocationType;
import nl.asylumchain.reception.ReceptionService;
import nl.asylumchain.reception.ReceptionStay;

/**
 * Places the open cases of a snapshot of the running system (a forecast "from now", issue 15 item 5c) with the
 * {@link CasePlacement}: per case a case file through the intake (no person data: the snapshot has none, so the file
 * holds what the routing variables say and placeholders for the rest), then its processes parents first, each where
 * its tokens waited: the main process is started before its activities, a called process (already started by its
 * caller's call activity) is walked there through its model with the case's own answers ({@link #moveToPosition}), a
 * process a delegate started is matched to the one the placement started or started itself. Every process gets its
 * own routing variables back, and every timer its remaining time:
 * due = the forecast's start + (due in the snapshot − the moment the snapshot was taken). A sponsor whose housing is
 * done (the main process waits in the nareis branch only) gets a permit and a home ({@link HousedSponsors}): the
 * snapshot holds no housing records, and family members who arrive follow the sponsor into that home. Last, the person
 * stays in reception where the running system had them ({@link ReceptionService#restoreStay}).
 */
@Component
public class SnapshotPlacement {

    /** At most so many tasks and timers on a stage's way to the position where a case waited. */
    static final int WAY_STEPS = 25;

    /**
     * Completes a task on a placed case's way through a stage ({@link CasePlacement#walkTo}) with the answers its
     * handlers gave ({@code known}, the snapshot's variables) and drawn ones for the rest; false when it has no answer.
     */
    @FunctionalInterface
    interface WayAnswers {
        boolean complete(Task task, CaseDraws draws, Map<String, Object> known);
    }

    private final CaseIntake intake;
    private final CasePlacement placement;
    private final HousedSponsors housedSponsors;
    private final ReceptionService reception;
    private final TransactionTemplate transactions;

    SnapshotPlacement(
            CaseIntake intake,
            CasePlacement placement,
            HousedSponsors housedSponsors,
            ReceptionService reception,
            PlatformTransactionManager transactionManager) {
        this.intake = intake;
        this.placement = placement;
        this.housedSponsors = housedSponsors;
        this.reception = reception;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Places every case of the snapshot with the forecast starting at {@code start}; numbers them with
     * {@code numbers} in the snapshot's order (by case id) and returns their draws by case id. What cannot be placed
     * (a case without a main process, an instance or timer the models did not create) goes to {@code problems}.
     */
    Map<String, CaseDraws> place(
            ForecastSnapshot snapshot,
            Scenario scenario,
            Instant start,
            ZoneId zone,
            LongSupplier numbers,
            WayAnswers way,
            Consumer<StageEntry> stages,
            Consumer<String> problems) {
        Duration shift = Duration.between(snapshot.takenAt(), start);
        Map<String, CaseDraws> placed = new LinkedHashMap<>();
        for (OpenCase open : snapshot.cases()) {
            ProcessPosition main = open.processes().stream()
                    .filter(p -> CaseModel.PROCESS_KEY.equals(p.processDefinitionKey())
                            && p.parentProcessInstanceId() == null)
                    .findFirst()
                    .orElse(null);
            if (main == null) {
                problems.accept("snapshot case without a main process, not placed");
                continue;
            }
            Map<String, Object> variables = values(main.variables());
            CaseDraws draws = draws(scenario, numbers.getAsLong(), (String) variables.get("nationality"));
            List<String> noted = new ArrayList<>();
            List<StageEntry> entered = new ArrayList<>();
            try {
                placeCase(open, main, variables, draws, shift, zone, way, noted, entered);
                placed.put(open.caseId(), draws);
            } catch (RuntimeException walked) {
                // the way through a stage's model did not lead to where the case waited: placed as before, with the
                // tokens moved there directly, without the records of the way
                noted.clear();
                entered.clear();
                try {
                    placeCase(open, main, variables, draws, shift, zone, null, noted, entered);
                    placed.put(open.caseId(), draws);
                    noted.add("snapshot case placed without the records of its way: " + rootMessage(walked));
                } catch (RuntimeException e) {
                    noted.clear();
                    entered.clear();
                    noted.add("snapshot case not placed: " + rootMessage(e));
                }
            }
            noted.forEach(problems);
            entered.forEach(stages);
        }
        return placed;
    }

    /**
     * One case in one transaction, so that one that cannot be placed leaves nothing behind: its case file, its
     * processes (each stage walked to its position with {@code way}; with {@code way} null its tokens moved there
     * directly), for a sponsor whose housing is done the home, and the person's stay in reception. The stages its
     * main process waits in, with when they were entered, go to {@code entered}.
     */
    private void placeCase(
            OpenCase open,
            ProcessPosition main,
            Map<String, Object> variables,
            CaseDraws draws,
            Duration shift,
            ZoneId zone,
            WayAnswers way,
            List<String> problems,
            List<StageEntry> entered) {
        transactions.executeWithoutResult(status -> {
            intake.openPlaced(UUID.fromString(open.caseId()), application(variables, zone), signedOn(variables, zone));
            Map<String, String> forecastIds = placeProcesses(open, main, variables, draws, shift, way, problems::add);
            // each stage the main process waits in was entered when its process started in the running system
            String mainId = forecastIds.get(main.processInstanceId());
            for (ProcessPosition stage : open.processes()) {
                if (main.processInstanceId().equals(stage.parentProcessInstanceId())) {
                    placement
                            .callActivityCalling(mainId, stage.processDefinitionKey())
                            .filter(main.activityIds()::contains)
                            .ifPresent(activity -> entered.add(new StageEntry(
                                    mainId, activity, stage.startedAt().plus(shift))));
                }
            }
            if (joinedBranches(main.activityIds()).contains(CaseModel.FLOW_HOUSING_DONE)) {
                // the snapshot holds no housing records: a sponsor whose housing is done lives in a municipality, so
                // that family members who arrive follow them there
                housedSponsors.house(
                        UUID.fromString(open.caseId()), draws.random().nextDouble());
            }
            if (open.reception() != null) {
                // the person stays where the running system had them, whatever the way did to reception
                reception.restoreStay(UUID.fromString(open.caseId()), stay(open.reception()));
            }
        });
    }

    /** The snapshot's stay as reception knows it; null when not in reception. */
    private static ReceptionStay stay(ForecastSnapshot.Stay stay) {
        return stay.locationType() == null
                ? null
                : new ReceptionStay(
                        LocationType.valueOf(stay.locationType()), stay.permitHolder(), stay.unaccompaniedMinor());
    }

    private Map<String, String> placeProcesses(
            OpenCase open,
            ProcessPosition main,
            Map<String, Object> mainVariables,
            CaseDraws draws,
            Duration shift,
            WayAnswers way,
            Consumer<String> problems) {
        Map<String, String> forecastIds = new HashMap<>();
        Set<String> matched = new HashSet<>();
        for (ProcessPosition position : open.processes()) {
            String instanceId;
            if (position == main) {
                instanceId = placement
                        .start(
                                CaseModel.PROCESS_KEY,
                                open.caseId(),
                                position.activityIds(),
                                joinedBranches(position.activityIds()),
                                mainVariables)
                        .getId();
            } else {
                List<ProcessInstance> candidates = position.parentProcessInstanceId() == null
                        ? placement.topLevel(open.caseId(), position.processDefinitionKey())
                        : forecastIds.containsKey(position.parentProcessInstanceId())
                                ? placement.children(
                                        forecastIds.get(position.parentProcessInstanceId()),
                                        position.processDefinitionKey())
                                : List.of();
                ProcessInstance candidate = candidates.stream()
                        .filter(instance -> !matched.contains(instance.getId()))
                        .findFirst()
                        .orElse(null);
                if (candidate != null) {
                    instanceId = candidate.getId();
                    if (!position.activityIds().isEmpty()) {
                        moveToPosition(instanceId, position, draws, way);
                    }
                } else if (position.parentProcessInstanceId() == null
                        && !position.activityIds().isEmpty()) {
                    instanceId = placement
                            .start(
                                    position.processDefinitionKey(),
                                    open.caseId(),
                                    position.activityIds(),
                                    List.of(),
                                    values(position.variables()))
                            .getId();
                } else {
                    problems.accept("snapshot " + position.processDefinitionKey() + " not created by its caller");
                    continue;
                }
            }
            matched.add(instanceId);
            forecastIds.put(position.processInstanceId(), instanceId);
            Map<String, List<Instant>> dues = new TreeMap<>();
            for (ForecastSnapshot.Timer timer : position.timers()) {
                if (timer.activityId() != null) {
                    dues.computeIfAbsent(timer.activityId(), id -> new ArrayList<>())
                            .add(timer.due().plus(shift));
                }
            }
            dues.forEach((activity, due) -> {
                if (placement.setTimers(instanceId, activity, due) > 0) {
                    problems.accept("snapshot timer at " + activity + " not created by the placement");
                }
            });
        }
        return forecastIds;
    }

    /**
     * Moves a process its caller started to where the snapshot's tokens waited. With {@code way} the stage's model is
     * walked there first with the case's answers ({@link CasePlacement#walkTo}), and a position the walk did not reach
     * (it waits for a message from outside) gets its token before the automatic steps that lead into it
     * ({@link CasePlacement#moveThrough}); without, the tokens jump there, without the records of the way.
     */
    private void moveToPosition(String instanceId, ProcessPosition position, CaseDraws draws, WayAnswers way) {
        Map<String, Object> known = withoutOwnIds(position.variables());
        if (way == null) {
            placement.moveTo(instanceId, position.activityIds(), known);
            return;
        }
        boolean reached = placement.walkTo(
                instanceId, position.activityIds(), WAY_STEPS, task -> way.complete(task, draws, known));
        if (!reached && !placement.running(instanceId)) {
            throw new IllegalStateException("the way through " + position.processDefinitionKey() + " ended it before "
                    + position.activityIds());
        }
        placement.moveThrough(instanceId, position.activityIds(), known);
    }

    /**
     * A permit holder's main process waits at a parallel join for the branch still running: the join's waiting token
     * is not an active activity in the snapshot, so the branch that is done is put back on its flow into the join.
     */
    static List<String> joinedBranches(List<String> activityIds) {
        boolean housing = activityIds.contains(CaseModel.ACTIVITY_HOUSING);
        boolean family = activityIds.contains(CaseModel.ACTIVITY_FAMILY_REUNIFICATION);
        if (housing && !family) {
            return List.of(CaseModel.FLOW_FAMILY_DONE);
        }
        if (family && !housing) {
            return List.of(CaseModel.FLOW_HOUSING_DONE);
        }
        return List.of();
    }

    /**
     * The snapshot's values without the ids of records ({@code familyMemberId} and the like): a process its caller
     * started here already has the ids of the records this placement made, which are the ones its delegates find.
     */
    static Map<String, Object> withoutOwnIds(List<Variable> variables) {
        Map<String, Object> values = values(variables);
        values.keySet().removeIf(name -> name.endsWith("Id") && !name.equals("caseId"));
        return values;
    }

    /** The snapshot's values as the engine had them: numbers as their own type, dates as dates. */
    static Map<String, Object> values(List<Variable> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Variable variable : variables) {
            Object value = variable.value();
            values.put(
                    variable.name(),
                    switch (variable.type()) {
                        case "integer" -> ((Number) value).intValue();
                        case "long" -> ((Number) value).longValue();
                        case "short" -> ((Number) value).shortValue();
                        case "double" -> ((Number) value).doubleValue();
                        case "date" -> Date.from(Instant.parse(value.toString()));
                        default -> value;
                    });
        }
        return values;
    }

    /** The case file as far as the routing variables tell it; the person is a placeholder (no person data crosses). */
    private static NewCase application(Map<String, Object> variables, ZoneId zone) {
        LocalDate reported = date(variables.get("reportedOn"), zone);
        if (reported == null) {
            reported = date(variables.get("applicationSignedOn"), zone);
        }
        if (reported == null) {
            throw new IllegalStateException("A snapshot case without reportedOn: " + variables.get("caseId"));
        }
        int age = variables.get("age") instanceof Number n ? n.intValue() : 30;
        int familyAbroad = variables.get("familyMembersAbroad") instanceof Number n ? n.intValue() : 0;
        List<NewCase.FamilyMemberAbroad> family = new ArrayList<>();
        for (int i = 0; i < Math.min(familyAbroad, 20); i++) {
            family.add(new NewCase.FamilyMemberAbroad(Relation.CHILD, reported.minusYears(5)));
        }
        return new NewCase(
                new NewCase.Person(
                        "Prognose",
                        null,
                        reported.minusYears(age).minusDays(100),
                        Sex.M,
                        String.valueOf(variables.getOrDefault("nationality", "XXX"))),
                ApplicationType.valueOf(String.valueOf(variables.getOrDefault("applicationType", "FIRST"))),
                new NewCase.Arrival(
                        ArrivalLocation.valueOf(String.valueOf(variables.getOrDefault("arrivalLocation", "TER_APEL"))),
                        reported),
                Boolean.TRUE.equals(variables.get("unaccompaniedMinor")),
                Boolean.TRUE.equals(variables.get("temporaryProtectionUkraine")),
                Boolean.TRUE.equals(variables.get("returnedAfterDublin")),
                family);
    }

    private static LocalDate signedOn(Map<String, Object> variables, ZoneId zone) {
        return date(variables.get("applicationSignedOn"), zone);
    }

    private static LocalDate date(Object value, ZoneId zone) {
        return value instanceof Date date ? date.toInstant().atZone(zone).toLocalDate() : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /** The case's draws with its own nationality's shares when the scenario has that group, else the scenario mix. */
    private static CaseDraws draws(Scenario scenario, long number, String nationality) {
        for (Scenario.Nationality group : scenario.nationalities()) {
            if (group.code().equals(nationality)) {
                return new CaseDraws(scenario.seed(), number, group);
            }
        }
        return StockPlacement.draws(scenario, number);
    }
}

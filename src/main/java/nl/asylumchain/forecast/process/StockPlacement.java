package nl.asylumchain.forecast.process;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Relation;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.forecast.Scenario;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

/**
 * Places a scenario's synthetic start stock (issue 15, item 5b) with the {@link CasePlacement}: each case gets a case
 * file through the intake ({@link CaseIntake#openPlaced}) and a main process placed where the stock says it waits,
 * so that the stage's own model and delegates record what they record for any case:
 *
 * <ul>
 * <li>pending at the IND: the rest period's milestone (spoor 1 and 4: reception places the person as registration's
 * model would have), then the main process starts before the IND stage; the stage's start path sets the priority,
 * the decision deadline from the signature date (dated back by the case's age, so old cases are near or past their
 * deadline) and the procedure start, at which reception places the person;</li>
 * <li>a permit holder waiting for housing: as above, then the IND process moves to the grant's recording, which
 * records the permit (reception moves them to a permit holder's place) and hands the case to housing;</li>
 * <li>an open DT&amp;V case: as above, then the IND process moves to the final rejection (past the appeal window),
 * which hands the case to DT&amp;V;</li>
 * <li>a pending nareis application: a permit holder who is housed already ({@link HousedSponsors}: permit and home
 * recorded on the day of the application, so not in reception) with one family member abroad, placed in the nareis
 * stage and past the housing branch, whose application was made and registered (the registration task completed, as
 * its handler would) on a date back by its age, so that its decision deadline is where it would be.</li>
 * </ul>
 *
 * Case ids are derived from the seed and the case number, so the same scenario places the same cases.
 */
@Component
public class StockPlacement {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    /** The member state a placed Dublin case's Eurodac hit names (spoor 1 routes on there being one). */
    static final String DUBLIN_MEMBER_STATE = "DE";

    private final CaseIntake intake;
    private final CaseProgress progress;
    private final CasePlacement placement;
    private final HousedSponsors housedSponsors;
    private final Clock clock;

    StockPlacement(
            CaseIntake intake,
            CaseProgress progress,
            CasePlacement placement,
            HousedSponsors housedSponsors,
            Clock clock) {
        this.intake = intake;
        this.progress = progress;
        this.placement = placement;
        this.housedSponsors = housedSponsors;
        this.clock = clock;
    }

    /** Where a case of the stock is placed. */
    public enum Kind {
        DEPARTURE,
        HOUSING,
        REUNIFICATION,
        IND
    }

    /**
     * Places every case of the stock, today (the clock's date), numbering them with {@code numbers}; returns each
     * case's draws by case id, for the answers its tasks will get. {@code setClock} sets the engine's clock (the
     * forecast's virtual clock): a pending nareis application is made and registered on its own date, back by its
     * age, and the clock is set back to today after each.
     */
    Map<String, CaseDraws> place(
            Scenario scenario, LongSupplier numbers, Consumer<Instant> setClock, Consumer<StageEntry> stages) {
        Scenario.Stock stock = scenario.stock();
        Map<String, CaseDraws> placed = new LinkedHashMap<>();
        for (long i = 0; i < stock.departure(); i++) {
            placeOne(scenario, numbers.getAsLong(), Kind.DEPARTURE, 4, placed, setClock, stages);
        }
        for (long i = 0; i < stock.housing(); i++) {
            placeOne(scenario, numbers.getAsLong(), Kind.HOUSING, 4, placed, setClock, stages);
        }
        for (long i = 0; i < stock.reunification(); i++) {
            placeOne(scenario, numbers.getAsLong(), Kind.REUNIFICATION, 4, placed, setClock, stages);
        }
        for (Map.Entry<Integer, Long> track : stock.ind().entrySet()) {
            for (long i = 0; i < track.getValue(); i++) {
                placeOne(scenario, numbers.getAsLong(), Kind.IND, track.getKey(), placed, setClock, stages);
            }
        }
        return placed;
    }

    /**
     * Places {@code count} cases of one kind (track: for {@link Kind#IND}), numbered from {@code firstNumber}, and
     * returns their case ids. For seeding an engine outside a forecast (the national data set): slices with
     * distinct numbers can be placed side by side on several threads, each case in its own transactions. The
     * engine's clock is left alone (it is the live engine's): a nareis application is made and registered today.
     */
    public List<String> place(Scenario scenario, Kind kind, int track, long firstNumber, long count) {
        Map<String, CaseDraws> placed = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            placeOne(scenario, firstNumber + i, kind, track, placed, null, entry -> {});
        }
        return List.copyOf(placed.keySet());
    }

    private void placeOne(
            Scenario scenario,
            long number,
            Kind kind,
            int track,
            Map<String, CaseDraws> placed,
            Consumer<Instant> setClock,
            Consumer<StageEntry> stages) {
        CaseDraws draws = draws(scenario, number);
        Instant placedAt = clock.instant();
        if (kind == Kind.REUNIFICATION && setClock != null) {
            Instant appliedAt =
                    placedAt.minus(Duration.ofDays(ageDays(scenario.stock().reunificationAgeMonths(), draws)));
            setClock.accept(appliedAt);
            try {
                placeCase(scenario, number, kind, track, placed, draws, stages);
            } finally {
                setClock.accept(placedAt);
            }
            return;
        }
        placeCase(scenario, number, kind, track, placed, draws, stages);
    }

    private void placeCase(
            Scenario scenario,
            long number,
            Kind kind,
            int track,
            Map<String, CaseDraws> placed,
            CaseDraws draws,
            Consumer<StageEntry> stages) {
        LocalDate today = LocalDate.now(clock);
        Scenario.Stock stock = scenario.stock();
        LocalDate signedOn = kind == Kind.IND ? today.minusDays(ageDays(stock.indAgeMonths(), draws)) : today;
        // people report at intake a few days before they sign at I&R (the rest period lies in between)
        LocalDate arrival = signedOn.minusDays(1 + draws.random().nextInt(7));
        boolean minor = kind == Kind.IND && draws.chance(stock.indUnaccompaniedMinors());
        LocalDate birthDate = minor
                ? arrival.minusYears(15 + draws.random().nextInt(2))
                        .minusDays(draws.random().nextInt(300))
                : arrival.minusYears(18 + draws.random().nextInt(45))
                        .minusDays(draws.random().nextInt(365));
        List<NewCase.FamilyMemberAbroad> family = new ArrayList<>();
        if (kind == Kind.REUNIFICATION) {
            // one pending application per sponsor: the stock counts applications
            family.add(new NewCase.FamilyMemberAbroad(
                    draws.chance(scenario.familyAbroad().spouse()) ? Relation.SPOUSE : Relation.CHILD,
                    today.minusYears(1 + draws.random().nextInt(16))
                            .minusDays(draws.random().nextInt(300))));
        } else if (kind == Kind.IND
                && !minor
                && draws.chance(scenario.familyAbroad().share())) {
            // pending cases bring their family as intake does: nareis emerges when they are granted
            family.add(new NewCase.FamilyMemberAbroad(Relation.SPOUSE, birthDate.plusYears(1)));
        }
        ApplicationType type = applicationType(scenario, draws);
        ArrivalLocation location = ArrivalLocation.valueOf(draws.pick(scenario.arrivalLocations()));
        boolean ukraine = kind == Kind.IND && draws.chance(scenario.temporaryProtectionUkraine());
        NewCase application = new NewCase(
                new NewCase.Person(
                        "Prognose",
                        null,
                        birthDate,
                        draws.chance(0.7) ? Sex.M : Sex.F,
                        draws.nationality().code()),
                type,
                new NewCase.Arrival(location, arrival),
                minor,
                ukraine,
                false,
                family);
        String caseId = UUID.nameUUIDFromBytes(
                        ("stock-" + scenario.seed() + "-" + number).getBytes(StandardCharsets.UTF_8))
                .toString();
        placed.put(caseId, draws);
        intake.openPlaced(UUID.fromString(caseId), application, signedOn);
        if (kind == Kind.IND && track != 2) {
            // registration's model marks the rest period (not in spoor 2), at which reception places the person; a
            // Dublin case waits for its claim there, and no later milestone of the IND stage would place it
            progress.reachMilestone(UUID.fromString(caseId), Milestone.REST_PERIOD_STARTED);
        }

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("caseId", caseId);
        variables.put("applicationType", type.name());
        variables.put("arrivalLocation", location.name());
        variables.put("nationality", draws.nationality().code());
        variables.put("unaccompaniedMinor", minor);
        variables.put("temporaryProtectionUkraine", ukraine);
        variables.put("returnedAfterDublin", false);
        variables.put("familyMembersAbroad", family.size());
        variables.put("reportedOn", startOf(arrival));
        variables.put("age", Math.max(0, Period.between(birthDate, arrival).getYears()));
        variables.put("applicationSignedOn", startOf(signedOn));
        variables.put("track", track);
        variables.put("trackReason", trackReason(track));
        variables.put("medicalConcerns", false);
        variables.put("eurodacHitMemberState", track == 1 ? DUBLIN_MEMBER_STATE : null);

        if (kind == Kind.REUNIFICATION) {
            // the sponsor got the permit and a home in a municipality by the day of the application, so that the
            // family member who arrives moves into that home as reception's and housing's own rules have it
            housedSponsors.house(UUID.fromString(caseId), draws.random().nextDouble());
            ProcessInstance main = placement.start(
                    CaseModel.PROCESS_KEY,
                    caseId,
                    List.of(CaseModel.ACTIVITY_FAMILY_REUNIFICATION),
                    List.of(CaseModel.FLOW_HOUSING_DONE),
                    variables);
            // the application is as old as the clock was set back: the nareis stage counts from then
            stages.accept(new StageEntry(main.getId(), CaseModel.ACTIVITY_FAMILY_REUNIFICATION, clock.instant()));
            // the application is pending, so it was made within its window and registered: the registration's
            // listener dates its decision deadline from today (the clock, set back by the application's age), and
            // the eligibility rule runs on it; the relation existed before the sponsor entered (no placed
            // application is refused on eligibility before the first day)
            placement.completeTasks(
                    caseId,
                    FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION,
                    Map.of(HandlerAnswers.RELATION_BEFORE_ENTRY, true));
            return;
        }
        ProcessInstance main = placement.start(
                CaseModel.PROCESS_KEY, caseId, List.of(CaseModel.ACTIVITY_IND_DECISION), List.of(), variables);
        if (kind == Kind.IND) {
            // pending since the signature, the stock's age: the IND stage counts from then (a stock permit holder's
            // or DT&V case's stage has no age in the scenario, so it is not timed)
            stages.accept(new StageEntry(
                    main.getId(),
                    CaseModel.ACTIVITY_IND_DECISION,
                    startOf(signedOn).toInstant()));
            return;
        }
        ProcessInstance decision = placement
                .child(main.getId(), IndDecisionModel.PROCESS_KEY)
                .orElseThrow(() -> new IllegalStateException("The IND stage did not start for placed case " + caseId));
        if (kind == Kind.HOUSING) {
            placement.moveTo(decision.getId(), List.of(IndDecisionModel.ACTIVITY_RECORD_GRANT), Map.of());
        } else {
            // past the appeal window: the final rejection's delegate marks it (milestone REJECTION_FINAL, reception
            // reacts) and gives the departure period; the rejection itself is not recorded as a decision, so the
            // stock adds to no week's IND production
            placement.moveTo(decision.getId(), List.of(IndDecisionModel.ACTIVITY_FINALIZE_REJECTION), Map.of());
        }
    }

    /** The same nationality draw intake makes: the first draw of the case's own generator. */
    static CaseDraws draws(Scenario scenario, long number) {
        CaseDraws probe =
                new CaseDraws(scenario.seed(), number, scenario.nationalities().get(0));
        double roll = probe.random().nextDouble();
        Scenario.Nationality nationality =
                scenario.nationalities().get(scenario.nationalities().size() - 1);
        for (Scenario.Nationality candidate : scenario.nationalities()) {
            roll -= candidate.share();
            if (roll < 0) {
                nationality = candidate;
                break;
            }
        }
        CaseDraws draws = new CaseDraws(scenario.seed(), number, nationality);
        draws.random().nextDouble(); // the nationality draw, so that later draws do not repeat it
        return draws;
    }

    private static long ageDays(List<Scenario.AgeBand> bands, CaseDraws draws) {
        double roll = draws.random().nextDouble();
        Scenario.AgeBand band = bands.get(bands.size() - 1);
        for (Scenario.AgeBand candidate : bands) {
            roll -= candidate.share();
            if (roll < 0) {
                band = candidate;
                break;
            }
        }
        double from = band.fromMonths() * DAYS_PER_MONTH;
        double to = band.toMonths() * DAYS_PER_MONTH;
        return Math.round(from + draws.random().nextDouble() * (to - from));
    }

    /** First or repeat application, in the proportion of the scenario's inflow (the stock counts both). */
    private static ApplicationType applicationType(Scenario scenario, CaseDraws draws) {
        double first = scenario.inflow().perYear().getOrDefault(ApplicationType.FIRST.name(), 0.0);
        double repeat = scenario.inflow().perYear().getOrDefault(ApplicationType.REPEAT.name(), 0.0);
        return first + repeat > 0 && draws.chance(repeat / (first + repeat))
                ? ApplicationType.REPEAT
                : ApplicationType.FIRST;
    }

    /** The reason the track DMN gives most often for the track. */
    private static String trackReason(int track) {
        return switch (track) {
            case 1 -> "EURODAC_HIT";
            case 2 -> "SAFE_COUNTRY";
            default -> "GENERAL";
        };
    }

    private Date startOf(LocalDate date) {
        return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }
}

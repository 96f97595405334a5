package nl.asylumchain.forecast;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.asylumchain.casefile.process.CaseModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's synthetic start stock is placed in the real models before the first day: with no inflow and no
 * capacity nothing moves, so every stage holds exactly its stock, at the start (week 0) and after the first week.
 */
class StartStockTest {

    private static final Scenario.Stock STOCK = new Scenario.Stock(
            Map.of(1, 3L, 2, 2L, 4, 5L),
            List.of(new Scenario.AgeBand(0, 3, 0.5), new Scenario.AgeBand(3, 12, 0.5)),
            0.2,
            4,
            List.of(new Scenario.AgeBand(0, 3, 0.5), new Scenario.AgeBand(3, 9, 0.5)),
            3,
            2);

    @Test
    void aStockWithoutCapacityIsTheBacklogOfEveryStageAtTheStartAndAfterTheFirstWeek() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"),
                b -> b.noInflow().noCapacity().stock(STOCK).weeks(1));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ForecastResult result = ForecastLab.run(scenario, new PrintStream(printed, true, StandardCharsets.UTF_8));

        Map<String, Long> expected = Map.of(
                "REGISTRATION", 0L,
                "IND_DECISION", 10L,
                "HOUSING", 3L,
                "FAMILY_REUNIFICATION", 4L,
                "DEPARTURE", 2L);
        assertThat(result.startBacklog()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(result.weeks().get(0).backlog()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(result.run().cases()).isEqualTo(STOCK.total());
        // the placed cases are where their stage's milestones put them: the permit holders in reception as such,
        // the pending IND cases as asylum seekers; the nareis sponsors are housed already
        assertThat(result.weeks().get(0).coa().permitHolders()).isEqualTo(3);
        assertThat(result.weeks().get(0).coa().asylumSeekers()
                        + result.weeks().get(0).coa().unaccompaniedMinors())
                .isGreaterThanOrEqualTo(10);
        assertThat(ForecastLab.problemsOfLastRun())
                .allSatisfy((problem, count) -> assertThat(problem).contains("no longer awaited"));
        // the placement tells how far it is, case by case at this size, before the first week's line
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> placing =
                lines.stream().filter(line -> line.startsWith("PLACING ")).toList();
        assertThat(placing).allMatch(line -> line.contains(" toPlace=" + STOCK.total() + " "));
        List<Long> placed = placing.stream()
                .map(line -> Long.parseLong(line.replaceAll(".* placed=(\\d+) .*", "$1")))
                .toList();
        assertThat(placed).isSorted().startsWith(0L).endsWith(STOCK.total()).doesNotHaveDuplicates();
        assertThat(placed).hasSize((int) STOCK.total() + 1);
        int lastPlacing = 0;
        int firstWeek = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("PLACING ")) {
                lastPlacing = i;
            } else if (firstWeek < 0 && lines.get(i).startsWith("PROGRESS ")) {
                firstWeek = i;
            }
        }
        assertThat(firstWeek).isGreaterThan(lastPlacing);
    }

    /**
     * Pending nareis applications are placed registered, each made on its own date back by its age band: their
     * decision deadlines (three months from the application) spread over the bands instead of all falling on one
     * day, and none waits for its registration or for the end of its application window.
     */
    @Test
    void pendingNareisApplicationsAreRegisteredOnDatesSpreadByTheirAge() {
        Scenario.Stock stock = new Scenario.Stock(
                Map.of(),
                STOCK.indAgeMonths(),
                0,
                40,
                List.of(new Scenario.AgeBand(0, 3, 0.5), new Scenario.AgeBand(3, 9, 0.5)),
                0,
                0);
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"),
                b -> b.noInflow().noCapacity().stock(stock).weeks(1));

        ForecastLab.run(scenario);

        List<Application> applications = ForecastLab.database(scenario)
                .query(
                        "select status, applied_at, decision_deadline from family_reunifications",
                        (rs, n) -> new Application(
                                rs.getString("status"),
                                day(rs.getObject("applied_at", OffsetDateTime.class)),
                                day(rs.getObject("decision_deadline", OffsetDateTime.class))));
        assertThat(applications)
                .hasSize(40)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo("APPLIED"));
        LocalDate start = scenario.start();
        assertThat(applications).allSatisfy(a -> {
            assertThat(a.appliedOn())
                    .isAfterOrEqualTo(start.minusMonths(9).minusDays(1))
                    .isBeforeOrEqualTo(start);
            assertThat(a.decisionDeadline()).isEqualTo(a.appliedOn().plusMonths(3));
        });
        assertThat(applications.stream()
                        .filter(a -> a.appliedOn().isBefore(start.minusMonths(3)))
                        .count())
                .as("about half were made three to nine months ago")
                .isBetween(10L, 30L);
        assertThat(applications.stream()
                        .map(Application::decisionDeadline)
                        .distinct()
                        .count())
                .isGreaterThan(20);
        assertThat(ForecastLab.database(scenario)
                        .queryForObject(
                                "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Activity_RegisterApplication'",
                                Long.class))
                .isZero();
    }

    /**
     * With ample capacity the stock's IND cases are decided in the first weeks, and the IND stage's lead time counts
     * each from when it entered the stage, its age in the stock (half of them three to twelve months): the placement
     * dates their stage back, and the run keeps it.
     */
    @Test
    void theStocksCasesCountTheirAgeInTheStageTheyLeave() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().stock(STOCK).weeks(3));

        ForecastResult result = ForecastLab.run(scenario);

        List<ForecastResult.Percentiles> ind = result.weeks().stream()
                .map(week -> week.leadTimeDays().get("IND_DECISION"))
                .filter(time -> time.p50() > 0)
                .toList();
        assertThat(ind).as("the stock's IND cases left the stage").isNotEmpty();
        assertThat(ind.stream()
                        .mapToDouble(ForecastResult.Percentiles::p90)
                        .max()
                        .orElse(0))
                .as("the oldest of them had waited months")
                .isGreaterThan(90);
    }

    /**
     * A snapshot's permit holder whose housing is done and whose family may still apply (the main process waits in
     * the nareis branch only): the snapshot holds no housing record, so the placement gives the sponsor a permit and a
     * home, and the family members who arrive move into it as with the stock.
     */
    @Test
    void familyMembersOfASnapshotsHousedSponsorMoveIntoTheSponsorsHome() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().weeks(20));
        Instant takenAt =
                scenario.start().atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        List<ForecastSnapshot.OpenCase> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String caseId = UUID.nameUUIDFromBytes(("snapshot-sponsor-" + i).getBytes(StandardCharsets.UTF_8))
                    .toString();
            Date signed = Date.from(takenAt.minus(Duration.ofDays(200)));
            List<ForecastSnapshot.Variable> variables = List.of(
                    new ForecastSnapshot.Variable("caseId", "string", caseId),
                    new ForecastSnapshot.Variable("applicationType", "string", "FIRST"),
                    new ForecastSnapshot.Variable("arrivalLocation", "string", "TER_APEL"),
                    new ForecastSnapshot.Variable("nationality", "string", "SYR"),
                    new ForecastSnapshot.Variable("familyMembersAbroad", "integer", 1),
                    new ForecastSnapshot.Variable("age", "integer", 30),
                    new ForecastSnapshot.Variable("track", "integer", 4),
                    new ForecastSnapshot.Variable(
                            "reportedOn", "date", signed.toInstant().toString()),
                    new ForecastSnapshot.Variable(
                            "applicationSignedOn", "date", signed.toInstant().toString()));
            cases.add(new ForecastSnapshot.OpenCase(
                    caseId,
                    List.of(new ForecastSnapshot.ProcessPosition(
                            CaseModel.PROCESS_KEY,
                            "snapshot-" + i,
                            null,
                            signed.toInstant(),
                            List.of(CaseModel.ACTIVITY_FAMILY_REUNIFICATION),
                            variables,
                            List.of()))));
        }

        ForecastResult result = ForecastLab.run(scenario, new ForecastSnapshot(takenAt, cases));

        assertThat(result.startBacklog()).containsEntry("FAMILY_REUNIFICATION", 10L);
        long arrived = result.weeks().stream()
                .mapToLong(week -> week.inflow().get("REUNIFICATION"))
                .sum();
        assertThat(arrived).isPositive();
        assertMovedIntoTheSponsorsHome(result, arrived);
    }

    /** Each family member who arrived was housed that week (with the sponsor), and nobody was ever in reception. */
    private static void assertMovedIntoTheSponsorsHome(ForecastResult result, long arrived) {
        assertThat(result.weeks().stream()
                        .mapToLong(ForecastResult.Week::housed)
                        .sum())
                .as("every family member who arrived moved into the sponsor's home")
                .isEqualTo(arrived);
        assertThat(result.weeks())
                .allSatisfy(week -> assertThat(week.coa().asylumSeekers()
                                + week.coa().permitHolders()
                                + week.coa().unaccompaniedMinors())
                        .isZero());
    }

    private record Home(String municipality, LocalDate housedOn) {}

    private record Application(String status, LocalDate appliedOn, LocalDate decisionDeadline) {}

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.of("Europe/Amsterdam")).toLocalDate();
    }

    /**
     * Nareis applications in the stock, decided with ample capacity: the family members who get an mvv and arrive
     * register their own cases, and count as inflow ({@code REUNIFICATION}) in the week they arrive. Their sponsors
     * were housed by the start (reception and housing have their records), so each member moves into that home on
     * arrival: housed that week, and never in reception.
     */
    @Test
    void familyMembersWhoArriveOnAnMvvCountAsReunificationInflow() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"),
                b -> b.noInflow()
                        .stock(new Scenario.Stock(Map.of(), STOCK.indAgeMonths(), 0, 20, Scenario.Stock.RECENT, 0, 0))
                        .weeks(16));

        ForecastResult result = ForecastLab.run(scenario);

        long arrived = result.weeks().stream()
                .mapToLong(week -> week.inflow().get("REUNIFICATION"))
                .sum();
        // one family member per placed application; 0.9 x 0.85 x 0.9 of them arrive (evidence, grant, arrival)
        assertThat(arrived).isPositive().isLessThanOrEqualTo(20);
        assertThat(result.weeks().stream().mapToLong(week -> week.inflow().get("FIRST")))
                .containsOnly(0L);
        assertMovedIntoTheSponsorsHome(result, arrived);
        List<Home> homes = ForecastLab.database(scenario)
                .query(
                        "select h.municipality_code, h.housed_at from housing_cases h "
                                + "join family_reunifications f on f.sponsor_case_id = h.case_id",
                        (rs, n) -> new Home(
                                rs.getString("municipality_code"),
                                day(rs.getObject("housed_at", OffsetDateTime.class))));
        assertThat(homes).as("each sponsor's home").hasSize(20).allSatisfy(home -> {
            assertThat(home.municipality()).startsWith("GM");
            assertThat(home.housedOn()).isBeforeOrEqualTo(scenario.start());
        });
    }
}

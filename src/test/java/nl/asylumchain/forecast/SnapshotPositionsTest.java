package nl.asylumchain.forecast;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.housing.process.HousingModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot's case placed part-way through a stage gets the records the stage wrote on its way there: the placement
 * walks the stage's model from its start with the case's own answers (the snapshot's variables), so its delegates
 * write what they write for any case, instead of only jumping the tokens to where they waited.
 */
class SnapshotPositionsTest {

    private static final String MUNICIPALITY = "GM0014";

    /**
     * Permit holders waiting for a house offer and for their move: COA linked each to a municipality before the
     * snapshot, so the municipality's offer and the move go through, and every one of them is housed.
     */
    @Test
    void permitHoldersPlacedPastTheirLinkToAMunicipalityAreHoused() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().weeks(8));
        Instant takenAt =
                scenario.start().atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        List<ForecastSnapshot.OpenCase> cases = new ArrayList<>();
        List<String> positions = List.of(
                HousingModel.ACTIVITY_OFFER_HOUSING,
                HousingModel.ACTIVITY_CONFIRM_MOVE,
                HousingModel.ACTIVITY_OFFER_HOUSING,
                HousingModel.ACTIVITY_CONFIRM_MOVE);
        for (int i = 0; i < positions.size(); i++) {
            cases.add(inHousing("snapshot-housing-" + i, takenAt, positions.get(i), MUNICIPALITY));
        }

        ForecastResult result = ForecastLab.run(scenario, new ForecastSnapshot(takenAt, cases));

        assertThat(ForecastLab.problemsOfLastRun()).isEmpty();
        assertThat(result.startBacklog()).containsEntry("HOUSING", (long) positions.size());
        assertThat(result.weeks().stream()
                        .mapToLong(ForecastResult.Week::housed)
                        .sum())
                .as("every permit holder placed in housing was housed")
                .isEqualTo(positions.size());
        assertThat(result.weeks().get(result.weeks().size() - 1).backlog()).containsEntry("HOUSING", 0L);
        assertThat(result.weeks().stream()
                        .map(week -> week.leadTimeDays().get("HOUSING"))
                        .filter(time -> time.p50() > 0))
                .as("their time in housing counts from when housing started, 40 days before the snapshot")
                .isNotEmpty()
                .allSatisfy(time -> assertThat(time.p50()).isGreaterThanOrEqualTo(40));
        assertThat(ForecastLab.database(scenario)
                        .queryForList("select municipality_code from housing_cases", String.class))
                .as("each linked to the municipality COA chose before the snapshot")
                .hasSize(positions.size())
                .containsOnly(MUNICIPALITY);
    }

    /**
     * Each person stays in reception where the running system had them, whatever the placement's way did: a permit
     * holder waiting for a house in an azc, an asylum seeker in a pol, a permit holder who lives elsewhere already,
     * and an unaccompanied minor with a foster family. Week 0's occupancy is theirs.
     */
    @Test
    void placedPeopleStayInReceptionWhereTheRunningSystemHadThem() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().noCapacity().weeks(1));
        Instant takenAt =
                scenario.start().atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        Instant signed = takenAt.minus(Duration.ofDays(300));
        List<ForecastSnapshot.Stay> stays = List.of(
                new ForecastSnapshot.Stay("AZC", true, false),
                new ForecastSnapshot.Stay("POL", false, false),
                ForecastSnapshot.Stay.NONE,
                new ForecastSnapshot.Stay("NIDOS_FOSTER", false, true));
        List<ForecastSnapshot.OpenCase> cases = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            String caseId = caseId("snapshot-stay-" + i);
            boolean housing = stays.get(i).permitHolder() || stays.get(i) == ForecastSnapshot.Stay.NONE;
            cases.add(new ForecastSnapshot.OpenCase(
                    caseId,
                    List.of(mainAt(
                            "main-" + i,
                            signed,
                            housing ? CaseModel.ACTIVITY_HOUSING : CaseModel.ACTIVITY_IND_DECISION,
                            mainVariables(caseId, signed))),
                    stays.get(i)));
        }

        ForecastResult result = ForecastLab.run(scenario, new ForecastSnapshot(takenAt, cases));

        assertThat(result.startCoa().asylumSeekers()).isEqualTo(1);
        assertThat(result.startCoa().permitHolders()).isEqualTo(1);
        assertThat(result.startCoa().unaccompaniedMinors()).isEqualTo(1);
        assertThat(ForecastLab.database(scenario)
                        .queryForList(
                                "select step from reception_moves where case_id = ? order by move_no",
                                String.class,
                                UUID.fromString(caseId("snapshot-stay-0"))))
                .as("the permit holder's stay, restored at the placement")
                .endsWith("PLACED");
    }

    /**
     * A way that cannot be walked (the snapshot's municipality is not in the forecast's list, so COA's link is
     * refused) leaves the case placed as before, its tokens moved to where they waited, and says so.
     */
    @Test
    void aCaseWhoseWayIsRefusedIsPlacedWithoutTheRecordsOfItsWay() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().weeks(1));
        Instant takenAt =
                scenario.start().atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        ForecastSnapshot snapshot = new ForecastSnapshot(
                takenAt,
                List.of(inHousing(
                        "snapshot-housing-unknown-municipality",
                        takenAt,
                        HousingModel.ACTIVITY_OFFER_HOUSING,
                        "GM9999")));

        ForecastResult result = ForecastLab.run(scenario, snapshot);

        assertThat(result.startBacklog()).containsEntry("HOUSING", 1L);
        assertThat(ForecastLab.problemsOfLastRun().keySet())
                .anyMatch(problem -> problem.startsWith("snapshot case placed without the records of its way")
                        && problem.contains("GM9999"))
                .noneMatch(problem -> problem.startsWith("snapshot case not placed"));
    }

    /**
     * Dublin cases waiting out the appeal window against their Dublin decision: the way into that appeal records the
     * decision and reads the appeal window from DMN {@code procedurePeriods}, a result no snapshot carries, so the
     * placement starts before those steps (the way to the appeal passes the member state's reply, a message the walk
     * cannot answer). Every case is placed, its decision recorded, and its appeal window runs out as the snapshot's
     * timer said.
     */
    @Test
    void dublinCasesPlacedInTheAppealAgainstTheirDecisionHaveTheDecisionAndTheAppealWindow() {
        Scenario scenario = ForecastLab.with(
                ForecastLab.scenario("small"), b -> b.noInflow().weeks(3));
        Instant takenAt =
                scenario.start().atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        List<ForecastSnapshot.OpenCase> cases = new ArrayList<>();
        int count = 3;
        for (int i = 0; i < count; i++) {
            String caseId = caseId("snapshot-dublin-appeal-" + i);
            Instant signed = takenAt.minus(Duration.ofDays(60));
            List<ForecastSnapshot.Variable> main = new ArrayList<>(mainVariables(caseId, signed));
            main.removeIf(v -> v.name().equals("track") || v.name().equals("indOutcome"));
            main.add(new ForecastSnapshot.Variable("track", "integer", 1));
            main.add(new ForecastSnapshot.Variable("eurodacHitMemberState", "string", "DE"));
            cases.add(new ForecastSnapshot.OpenCase(
                    caseId,
                    List.of(
                            mainAt("main-" + i, signed, CaseModel.ACTIVITY_IND_DECISION, main),
                            new ForecastSnapshot.ProcessPosition(
                                    IndDecisionModel.PROCESS_KEY,
                                    "decision-" + i,
                                    "main-" + i,
                                    signed,
                                    List.of("Activity_DublinAppeal"),
                                    List.of(
                                            new ForecastSnapshot.Variable("caseId", "string", caseId),
                                            new ForecastSnapshot.Variable("track", "integer", 1),
                                            new ForecastSnapshot.Variable("eurodacHitMemberState", "string", "DE")),
                                    List.of()),
                            new ForecastSnapshot.ProcessPosition(
                                    AppealModel.PROCESS_KEY,
                                    "appeal-" + i,
                                    "decision-" + i,
                                    takenAt.minus(Duration.ofDays(2)),
                                    List.of("Gateway_AwaitAppeal"),
                                    List.of(new ForecastSnapshot.Variable("caseId", "string", caseId)),
                                    List.of(new ForecastSnapshot.Timer(
                                            AppealModel.EVENT_APPEAL_WINDOW_PASSED,
                                            takenAt.plus(Duration.ofDays(5))))))));
        }

        ForecastResult result = ForecastLab.run(scenario, new ForecastSnapshot(takenAt, cases));

        assertThat(ForecastLab.problemsOfLastRun().keySet())
                .as("every case placed; no reply planned from the member state, whose reply came before the snapshot")
                .noneMatch(problem -> problem.contains("snapshot") || problem.contains("DUBLIN_REPLY"));
        assertThat(result.startBacklog()).containsEntry("IND_DECISION", (long) count);
        assertThat(ForecastLab.database(scenario).queryForList("select outcome from ind_decisions", String.class))
                .as("each case's Dublin decision, taken before the snapshot, is on record")
                .hasSize(count)
                .containsOnly("DUBLIN_ACCEPTED");
        assertThat(result.weeks().get(result.weeks().size() - 1).backlog())
                .as("the appeal window ran out and the transfers went to DT&V")
                .containsEntry("IND_DECISION", 0L);
    }

    /**
     * A permit holder's case whose housing waits at {@code position}, COA having linked them to {@code municipality}
     * before the snapshot: the main process in housing, the housing process where it waited.
     */
    private static ForecastSnapshot.OpenCase inHousing(
            String name, Instant takenAt, String position, String municipality) {
        String caseId = caseId(name);
        Instant signed = takenAt.minus(Duration.ofDays(300));
        return new ForecastSnapshot.OpenCase(
                caseId,
                List.of(
                        mainAt(name, signed, CaseModel.ACTIVITY_HOUSING, mainVariables(caseId, signed)),
                        new ForecastSnapshot.ProcessPosition(
                                HousingModel.PROCESS_KEY,
                                name + "-housing",
                                name,
                                takenAt.minus(Duration.ofDays(40)),
                                List.of(position),
                                List.of(
                                        new ForecastSnapshot.Variable("caseId", "string", caseId),
                                        new ForecastSnapshot.Variable("municipalityCode", "string", municipality)),
                                List.of())));
    }

    /** The case's main process, instance {@code id}, waiting at {@code activity}. */
    private static ForecastSnapshot.ProcessPosition mainAt(
            String id, Instant signed, String activity, List<ForecastSnapshot.Variable> variables) {
        return new ForecastSnapshot.ProcessPosition(
                CaseModel.PROCESS_KEY, id, null, signed, List.of(activity), variables, List.of());
    }

    private static List<ForecastSnapshot.Variable> mainVariables(String caseId, Instant signed) {
        return List.of(
                new ForecastSnapshot.Variable("caseId", "string", caseId),
                new ForecastSnapshot.Variable("applicationType", "string", "FIRST"),
                new ForecastSnapshot.Variable("arrivalLocation", "string", "TER_APEL"),
                new ForecastSnapshot.Variable("nationality", "string", "SYR"),
                new ForecastSnapshot.Variable("familyMembersAbroad", "integer", 0),
                new ForecastSnapshot.Variable("age", "integer", 30),
                new ForecastSnapshot.Variable("track", "integer", 4),
                new ForecastSnapshot.Variable("indOutcome", "string", "GRANT"),
                new ForecastSnapshot.Variable("reportedOn", "date", signed.toString()),
                new ForecastSnapshot.Variable("applicationSignedOn", "date", signed.toString()));
    }

    private static String caseId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

package nl.asylumchain.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ReceptionHousingTestContext;
import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.reception.persistence.ReceptionLedger.MoveRow;
import nl.asylumchain.reception.process.GuardianshipModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The occupancy ledger: the milestones of a case move the person, one row per move in the step's transaction;
 * occupancy is derived from the rows and compared with capacity, never refused.
 */
@ReceptionHousingTestContext
class ReceptionLedgerTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseProgress progress;

    @Autowired
    ReceptionService reception;

    @Autowired
    ReceptionMetrics metrics;

    @Autowired
    MeterRegistry registry;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    private UUID register(int ageInYears, boolean unaccompaniedMinor, ArrivalLocation arrival) {
        LocalDate today = LocalDate.now(clock);
        return intake.register(
                        new NewCase(
                                new NewCase.Person(
                                        "Test",
                                        "Persoon",
                                        today.minusYears(ageInYears).minusDays(10),
                                        Sex.F,
                                        "SYR"),
                                ApplicationType.FIRST,
                                new NewCase.Arrival(arrival, today),
                                unaccompaniedMinor,
                                false,
                                false,
                                List.of()),
                        null)
                .caseId();
    }

    private List<String> moves(UUID caseId) {
        return reception.history(caseId).stream()
                .map(row -> row.move() + ":" + row.from() + ">" + row.to())
                .toList();
    }

    private Occupancy.PerLocationType of(Occupancy occupancy, LocationType type) {
        return occupancy.locationTypes().stream()
                .filter(t -> t.locationType() == type)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyMoveOfAnAdultFromArrivalToHousingIsOneRowAndTheLedgerBalances() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.REST_PERIOD_STARTED);
        progress.reachMilestone(caseId, Milestone.PROCEDURE_STARTED);
        progress.reachMilestone(caseId, Milestone.PERMIT_GRANTED);
        progress.reachMilestone(caseId, Milestone.MUNICIPALITY_LINKED);
        progress.reachMilestone(caseId, Milestone.HOUSED);
        progress.reachMilestone(caseId, Milestone.CLOSED);

        assertThat(moves(caseId))
                .containsExactly("IN:null>COL", "TRANSFER:COL>POL", "TRANSFER:POL>AZC", "OUT:AZC>null");
        List<MoveRow> rows = reception.history(caseId);
        assertThat(rows.get(0).site()).isEqualTo("TER_APEL");
        assertThat(rows)
                .extracting(MoveRow::step)
                .containsExactly("REGISTERED", "REST_PERIOD_STARTED", "PERMIT_GRANTED", "HOUSED");
        assertThat(rows).extracting(MoveRow::permitHolder).containsExactly(false, false, true, true);
    }

    /**
     * A forecast "from now" restores each person's stay as the running system had it: a move there (step PLACED)
     * when the person is elsewhere, nothing when they are there already, out when the snapshot has them out.
     */
    @Test
    void aRestoredStayIsWhereThePersonStaysAndRestoringItAgainChangesNothing() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        assertThat(reception.stay(caseId)).contains(new ReceptionStay(LocationType.COL, false, false));

        ReceptionStay permitHolderInAzc = new ReceptionStay(LocationType.AZC, true, false);
        reception.restoreStay(caseId, permitHolderInAzc);
        reception.restoreStay(caseId, permitHolderInAzc);

        assertThat(reception.stay(caseId)).contains(permitHolderInAzc);
        assertThat(moves(caseId)).containsExactly("IN:null>COL", "TRANSFER:COL>AZC");
        assertThat(reception.history(caseId))
                .extracting(MoveRow::step)
                .containsExactly("REGISTERED", ReceptionService.PLACED);

        reception.restoreStay(caseId, null);

        assertThat(reception.stay(caseId)).isEmpty();
        assertThat(moves(caseId)).containsExactly("IN:null>COL", "TRANSFER:COL>AZC", "OUT:AZC>null");
    }

    @Test
    void occupancyCountsEachPersonWhereTheirLatestMovePutThemWithThePermitHoldersAmongThem() {
        Occupancy before = reception.occupancy();
        UUID waiting = register(40, false, ArrivalLocation.BUDEL);
        UUID permitHolder = register(25, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(permitHolder, Milestone.PERMIT_GRANTED);

        Occupancy after = reception.occupancy();
        assertThat(of(after, LocationType.COL).occupancy())
                .isEqualTo(of(before, LocationType.COL).occupancy() + 1);
        assertThat(of(after, LocationType.AZC).occupancy())
                .isEqualTo(of(before, LocationType.AZC).occupancy() + 1);
        assertThat(of(after, LocationType.AZC).permitHolders())
                .isEqualTo(of(before, LocationType.AZC).permitHolders() + 1);
        assertThat(after.total().occupancy()).isEqualTo(before.total().occupancy() + 2);
        assertThat(after.total().permitHolders()).isEqualTo(before.total().permitHolders() + 1);
        assertThat(of(after, LocationType.AZC).capacity()).isEqualTo(47000);
        assertThat(after.terApel().ceiling()).isEqualTo(2000);
        assertThat(after.terApel().amvPlaces()).isEqualTo(55);
        assertThat(after.terApel().amvMaximum()).isEqualTo(120);

        progress.reachMilestone(permitHolder, Milestone.TEMPORARY_HOUSING);
        progress.reachMilestone(waiting, Milestone.CLOSED);
        Occupancy out = reception.occupancy();
        assertThat(out.total().occupancy()).isEqualTo(before.total().occupancy());
        assertThat(out.total().permitHolders()).isEqualTo(before.total().permitHolders());
    }

    @Test
    void aMoveRollsBackWithTheStepThatCausedIt() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            progress.reachMilestone(caseId, Milestone.PERMIT_GRANTED);
            assertThat(moves(caseId)).hasSize(2);
            status.setRollbackOnly();
        });
        assertThat(moves(caseId)).containsExactly("IN:null>COL");
    }

    @Test
    void anUnaccompaniedMinorOfFourteenWaitsInTerApelForANidosGuardianWhoPlacesThemWithAFosterFamily() {
        long amvInTerApel = reception.occupancy().terApel().unaccompaniedMinors();
        UUID caseId = register(14, true, ArrivalLocation.TER_APEL);

        assertThat(moves(caseId)).containsExactly("IN:null>COL");
        assertThat(reception.occupancy().terApel().unaccompaniedMinors()).isEqualTo(amvInTerApel + 1);
        Task task = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId.toString())
                .taskDefinitionKey(GuardianshipModel.ACTIVITY_APPOINT_GUARDIAN)
                .singleResult();
        assertThat(task).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("nidos"));
        assertThat(taskService.getVariable(task.getId(), "proposedPlacement")).isEqualTo("NIDOS_FOSTER");

        taskService.complete(task.getId(), java.util.Map.of("guardianAppointed", true, "placement", "NIDOS_FOSTER"));

        assertThat(moves(caseId)).containsExactly("IN:null>COL", "TRANSFER:COL>NIDOS_FOSTER");
        assertThat(reception.occupancy().terApel().unaccompaniedMinors()).isEqualTo(amvInTerApel);
        progress.reachMilestone(caseId, Milestone.REST_PERIOD_STARTED);
        assertThat(moves(caseId)).hasSize(2);
    }

    @Test
    void anUnaccompaniedMinorOfSeventeenGoesToCoaAmvReceptionAtTheNextStepEvenBeforeTheGuardianChose() {
        UUID caseId = register(17, true, ArrivalLocation.BUDEL);
        progress.reachMilestone(caseId, Milestone.REST_PERIOD_STARTED);
        assertThat(moves(caseId)).containsExactly("IN:null>COL", "TRANSFER:COL>COA_AMV");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(caseId.toString())
                        .taskDefinitionKey(GuardianshipModel.ACTIVITY_APPOINT_GUARDIAN)
                        .singleResult())
                .isNotNull();
    }

    @Test
    void anAdultArrivingAtSchipholNeedsNoGuardianAndStaysInTheColInTerApel() {
        UUID caseId = register(18, false, ArrivalLocation.SCHIPHOL);
        assertThat(reception.history(caseId).get(0).site()).isEqualTo("TER_APEL");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(caseId.toString())
                        .taskDefinitionKey(GuardianshipModel.ACTIVITY_APPOINT_GUARDIAN)
                        .count())
                .isZero();
    }

    @Test
    void afterTheDeparturePeriodARejectedAdultGoesToAVblAndAFamilyWithChildrenToAFamilyLocationEvenOverCapacity() {
        UUID single = register(30, false, ArrivalLocation.TER_APEL);
        UUID parentOne = register(35, false, ArrivalLocation.TER_APEL);
        UUID parentTwo = register(36, false, ArrivalLocation.TER_APEL);
        for (UUID parent : List.of(parentOne, parentTwo)) {
            // the child came over by family reunification: a case of its own (not in reception), linked to the parent
            UUID child = UUID.randomUUID();
            LocalDate birth = LocalDate.now(clock).minusYears(6);
            jdbc.sql(
                            "insert into cases (case_id, v_number, family_name, birth_date, sex, nationality, application_type, "
                                    + "arrival_location, arrival_date, unaccompanied_minor, temporary_protection_ukraine, status, "
                                    + "stage, created_at, updated_at) values (:id, :vNumber, 'Kind', :birth, 'X', 'SYR', "
                                    + "'FAMILY_REUNIFICATION', 'ZEVENAAR', :today, false, false, 'PERMIT_GRANTED', "
                                    + "'HOUSING', :now, :now)")
                    .param("id", child)
                    .param(
                            "vNumber",
                            String.format("%010d", Math.abs(child.getLeastSignificantBits() % 1_000_000_000L)))
                    .param("birth", birth)
                    .param("today", LocalDate.now(clock))
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
            jdbc.sql("insert into family_members (id, case_id, relation, birth_date, linked_case_id) "
                            + "values (:id, :caseId, 'CHILD', :birth, :child)")
                    .param("id", UUID.randomUUID())
                    .param("caseId", parent)
                    .param("birth", birth)
                    .param("child", child)
                    .update();
        }
        for (UUID caseId : List.of(single, parentOne, parentTwo)) {
            progress.reachMilestone(caseId, Milestone.REJECTION_FINAL);
            progress.reachMilestone(caseId, Milestone.DEPARTURE_PERIOD_ENDED);
        }

        assertThat(moves(single)).containsExactly("IN:null>COL", "TRANSFER:COL>AZC", "TRANSFER:AZC>VBL");
        assertThat(moves(parentOne)).containsExactly("IN:null>COL", "TRANSFER:COL>AZC", "TRANSFER:AZC>FAMILY_LOCATION");
        Occupancy.PerLocationType family = of(reception.occupancy(), LocationType.FAMILY_LOCATION);
        assertThat(family.capacity()).isEqualTo(1);
        assertThat(family.occupancy()).isGreaterThanOrEqualTo(2);
        assertThat(family.overCapacity()).isTrue();
    }

    @Test
    void interimReliefBringsARejectedAdultBackFromTheVblToAnAzcAsAnAsylumSeekerAndADismissedAppealSendsThemBack() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.PROCEDURE_STARTED);
        progress.reachMilestone(caseId, Milestone.REJECTION_ENFORCEABLE);
        progress.reachMilestone(caseId, Milestone.DEPARTURE_PERIOD_ENDED);
        Occupancy returning = reception.occupancy();

        progress.reachMilestone(caseId, Milestone.DEPARTURE_SUSPENDED);

        assertThat(moves(caseId))
                .containsExactly(
                        "IN:null>COL", "TRANSFER:COL>POL", "TRANSFER:POL>AZC", "TRANSFER:AZC>VBL", "TRANSFER:VBL>AZC");
        MoveRow back = reception.history(caseId).get(4);
        assertThat(back.step()).isEqualTo("DEPARTURE_SUSPENDED");
        assertThat(back.permitHolder())
                .as("an asylum seeker again, not a permit holder")
                .isFalse();
        Occupancy suspended = reception.occupancy();
        assertThat(of(suspended, LocationType.AZC).occupancy())
                .isEqualTo(of(returning, LocationType.AZC).occupancy() + 1);
        assertThat(of(suspended, LocationType.VBL).occupancy())
                .isEqualTo(of(returning, LocationType.VBL).occupancy() - 1);
        assertThat(of(suspended, LocationType.AZC).permitHolders())
                .isEqualTo(of(returning, LocationType.AZC).permitHolders());
        assertThat(suspended.total().occupancy()).isEqualTo(returning.total().occupancy());
        assertThat(suspended.total().permitHolders())
                .isEqualTo(returning.total().permitHolders());
        metrics.refresh();
        assertThat(registry.get("asylum.reception.occupancy")
                        .tag("location_type", LocationType.AZC.tag())
                        .gauge()
                        .value())
                .isEqualTo(of(suspended, LocationType.AZC).occupancy());
        assertThat(registry.get("asylum.reception.occupancy")
                        .tag("location_type", LocationType.VBL.tag())
                        .gauge()
                        .value())
                .isEqualTo(of(suspended, LocationType.VBL).occupancy());
        assertThat(registry.get("asylum.reception.permit.holders").gauge().value())
                .isEqualTo(suspended.total().permitHolders());

        // appeal dismissed: the rejection is final and the new departure period ends at once (spoor 2)
        progress.reachMilestone(caseId, Milestone.REJECTION_FINAL);
        progress.reachMilestone(caseId, Milestone.DEPARTURE_PERIOD_ENDED);

        assertThat(moves(caseId)).endsWith("TRANSFER:VBL>AZC", "TRANSFER:AZC>VBL");
        Occupancy dismissed = reception.occupancy();
        assertThat(of(dismissed, LocationType.AZC).occupancy())
                .isEqualTo(of(returning, LocationType.AZC).occupancy());
        assertThat(of(dismissed, LocationType.VBL).occupancy())
                .isEqualTo(of(returning, LocationType.VBL).occupancy());
    }

    @Test
    void aSpoorTwoRejectionThatBecomesFinalAfterTheDeparturePeriodLeavesThePersonInTheVbl() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.PROCEDURE_STARTED);
        progress.reachMilestone(caseId, Milestone.REJECTION_ENFORCEABLE);
        // departure period 0 days: to the VBL at once; the appeal window passes a week later without an appeal
        progress.reachMilestone(caseId, Milestone.DEPARTURE_PERIOD_ENDED);
        progress.reachMilestone(caseId, Milestone.REJECTION_FINAL);

        assertThat(moves(caseId))
                .containsExactly("IN:null>COL", "TRANSFER:COL>POL", "TRANSFER:POL>AZC", "TRANSFER:AZC>VBL");
    }

    @Test
    void theEndOfTheTwelveWeeksInTheVblEndsTheReceptionPlace() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.PROCEDURE_STARTED);
        progress.reachMilestone(caseId, Milestone.REJECTION_FINAL);
        progress.reachMilestone(caseId, Milestone.DEPARTURE_PERIOD_ENDED);
        progress.reachMilestone(caseId, Milestone.VBL_STAY_ENDED);

        assertThat(moves(caseId))
                .containsExactly(
                        "IN:null>COL", "TRANSFER:COL>POL", "TRANSFER:POL>AZC", "TRANSFER:AZC>VBL", "OUT:VBL>null");
    }

    @Test
    void theVblsEndMovesNobodyWhoIsNotInTheVbl() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.PROCEDURE_STARTED);
        progress.reachMilestone(caseId, Milestone.VBL_STAY_ENDED);

        assertThat(moves(caseId)).containsExactly("IN:null>COL", "TRANSFER:COL>POL");
    }

    @Test
    void theCaseFileShowsTheReceptionHistory() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.PERMIT_GRANTED);

        ChainClient client = new ChainClient(port);
        var section = client.get("/api/cases/" + caseId, "coa")
                .body()
                .path("sections")
                .path("reception");
        assertThat(section.path("inReception").asBoolean()).isTrue();
        assertThat(section.path("current").path("to").asText()).isEqualTo("AZC");
        assertThat(section.path("current").path("permitHolder").asBoolean()).isTrue();
        assertThat(section.path("moves")).hasSize(2);
    }

    @Test
    void theOccupancyEndpointAnswersReceptionAndNobodyElse() {
        ChainClient client = new ChainClient(port);
        ChainClient.Response response = client.get("/api/reception/occupancy", "coa");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("locationTypes")).hasSize(LocationType.values().length);
        assertThat(response.body().path("total").path("capacity").asInt()).isEqualTo(60000);
        assertThat(response.body().path("terApel").path("ceiling").asInt()).isEqualTo(2000);
        assertThat(client.get("/api/reception/occupancy", "voogd").status()).isEqualTo(200);
        assertThat(client.get("/api/reception/occupancy", "gemeente").status()).isEqualTo(403);
        assertThat(client.get("/api/reception/occupancy", null).status()).isEqualTo(401);
    }

    @Test
    void theGaugesShowTheLedgerAfterABackgroundRefresh() {
        UUID caseId = register(30, false, ArrivalLocation.TER_APEL);
        progress.reachMilestone(caseId, Milestone.PERMIT_GRANTED);
        metrics.refresh();
        Occupancy now = reception.occupancy();
        assertThat(registry.get("asylum.reception.occupancy")
                        .tag("location_type", "azc")
                        .gauge()
                        .value())
                .isEqualTo(of(now, LocationType.AZC).occupancy());
        assertThat(registry.get("asylum.reception.capacity")
                        .tag("location_type", "col")
                        .gauge()
                        .value())
                .isEqualTo(2750);
        assertThat(registry.get("asylum.reception.permit.holders").gauge().value())
                .isEqualTo(now.total().permitHolders());
        assertThat(registry.get("asylum.reception.amv.ter.apel").gauge().value())
                .isEqualTo(now.terApel().unaccompaniedMinors());
    }
}

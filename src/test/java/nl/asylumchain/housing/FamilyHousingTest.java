package nl.asylumchain.housing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.ReceptionHousingTestContext;
import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.CaseFile.TimelineEntry;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.CaseOutcome;
import nl.asylumchain.casefile.CaseProgress;
import nl.asylumchain.casefile.CaseStatus;
import nl.asylumchain.casefile.Milestone;
import nl.asylumchain.casefile.NewCase;
import nl.asylumchain.casefile.NewLinkedCase;
import nl.asylumchain.casefile.Relation;
import nl.asylumchain.casefile.Sex;
import nl.asylumchain.housing.persistence.HousingRepository;
import nl.asylumchain.housing.persistence.HousingRepository.HousingCase;
import nl.asylumchain.reception.LocationType;
import nl.asylumchain.reception.Occupancy;
import nl.asylumchain.reception.ReceptionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family member who arrives through family reunification (a linked case, as the case file opens it on
 * {@code FAMILY_ARRIVED}) lives where the sponsor lives, in either order: arriving after the sponsor was housed they
 * move straight in; arriving while the sponsor waits they get an azc place as a permit holder and move with the
 * sponsor. Each counts for the sponsor's municipality. Each test uses its own half-year.
 */
@ReceptionHousingTestContext
class FamilyHousingTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseProgress progress;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    HousingService housing;

    @Autowired
    QuotaService quotas;

    @Autowired
    HousingRepository repository;

    @Autowired
    ReceptionService reception;

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static void today(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0)
                .atZone(ZoneId.of("Europe/Amsterdam"))
                .toInstant()));
    }

    private static LocalDate today() {
        return ClockUtil.now().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
    }

    /** A permit holder in an azc with a spouse and a child abroad. */
    private UUID sponsorWithFamilyAbroad() {
        LocalDate day = today();
        UUID caseId = intake.register(
                        new NewCase(
                                new NewCase.Person("Haddad", "Amal", day.minusYears(32), Sex.F, "SYR"),
                                ApplicationType.FIRST,
                                new NewCase.Arrival(ArrivalLocation.TER_APEL, day),
                                false,
                                false,
                                false,
                                List.of(
                                        new NewCase.FamilyMemberAbroad(Relation.SPOUSE, day.minusYears(33)),
                                        new NewCase.FamilyMemberAbroad(Relation.CHILD, day.minusYears(7)))),
                        null)
                .caseId();
        progress.reachMilestone(caseId, Milestone.PERMIT_GRANTED);
        housing.start(caseId);
        return caseId;
    }

    /** The family member arrives on their mvv: the case file opens their linked case, as on FAMILY_ARRIVED. */
    private UUID arrives(UUID sponsor, Relation relation) {
        FamilyMember member = caseFiles.familyMembers(sponsor).stream()
                .filter(m -> m.relation() == relation)
                .findFirst()
                .orElseThrow();
        return intake.registerLinkedCase(new NewLinkedCase(sponsor, member.id(), "Haddad", "Noor", Sex.M, "SYR"))
                .caseId();
    }

    private List<String> ledger(UUID caseId) {
        return jdbc.sql("select move, to_type, permit_holder, step from reception_moves where case_id = :caseId "
                        + "order by move_no")
                .param("caseId", caseId)
                .query((rs, i) -> rs.getString("move") + ":"
                        + (rs.getString("to_type") == null ? "-" : rs.getString("to_type")) + ":"
                        + rs.getBoolean("permit_holder") + ":" + rs.getString("step"))
                .list();
    }

    private List<Milestone> milestones(UUID caseId) {
        return caseFiles.caseFile(caseId).milestones().stream()
                .map(TimelineEntry::milestone)
                .toList();
    }

    private HousingCase housingOf(UUID caseId) {
        return repository.find(caseId).orElseThrow();
    }

    private static QuotaReport.PerMunicipality row(QuotaReport report, String code) {
        return report.municipalities().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static long azc(Occupancy occupancy) {
        return occupancy.locationTypes().stream()
                .filter(t -> t.locationType() == LocationType.AZC)
                .findFirst()
                .orElseThrow()
                .occupancy();
    }

    private double housedHomes() {
        return registry.get("asylum.permit.holders.housed")
                .tag("housing", "home")
                .counter()
                .count();
    }

    @Test
    void aFamilyMemberWhoArrivesAfterTheSponsorIsHousedMovesStraightInAndCountsForTheSponsorsMunicipality() {
        today(2042, 3, 2);
        quotas.setQuota(new HalfYear(2042, 1), 300, "coa");
        UUID sponsor = sponsorWithFamilyAbroad();
        housing.link(sponsor, "GM0344", "werk in Utrecht");
        housing.house(sponsor, LocalDate.of(2042, 3, 1));
        Occupancy before = reception.occupancy();
        double homesBefore = housedHomes();

        today(2042, 5, 4);
        UUID spouse = arrives(sponsor, Relation.SPOUSE);

        assertThat(ledger(spouse)).as("never in reception").isEmpty();
        assertThat(reception.occupancy().total().occupancy())
                .isEqualTo(before.total().occupancy());
        assertThat(milestones(spouse))
                .as("housed, and so the member's own case is closed")
                .containsExactlyInAnyOrder(
                        Milestone.REGISTERED, Milestone.MUNICIPALITY_LINKED, Milestone.HOUSED, Milestone.CLOSED);
        HousingCase spouseHousing = housingOf(spouse);
        assertThat(spouseHousing.municipalityCode()).isEqualTo("GM0344");
        assertThat(spouseHousing.housingKind()).isEqualTo(HousingKind.HOME.name());
        assertThat(spouseHousing.moveDate()).as("moved in on arrival").isEqualTo(LocalDate.of(2042, 5, 4));
        assertThat(spouseHousing.linkReason()).isEqualTo(HousingService.FAMILY_REUNIFICATION_LINK);
        QuotaReport.PerMunicipality utrecht = row(quotas.report(new HalfYear(2042, 1)), "GM0344");
        assertThat(utrecht.linked()).isEqualTo(2);
        assertThat(utrecht.housed()).isEqualTo(2);
        assertThat(housedHomes()).isEqualTo(homesBefore + 1);
    }

    @Test
    void familyMembersWhoArriveWhileTheSponsorWaitsAreInAnAzcAsPermitHoldersAndMoveWithTheSponsor() {
        today(2043, 9, 1);
        quotas.setQuota(new HalfYear(2043, 2), 300, "coa");
        UUID sponsor = sponsorWithFamilyAbroad();
        Occupancy before = reception.occupancy();

        UUID spouse = arrives(sponsor, Relation.SPOUSE);
        housing.link(sponsor, "GM0014", "familie in Groningen");
        UUID child = arrives(sponsor, Relation.CHILD);

        for (UUID member : List.of(spouse, child)) {
            assertThat(ledger(member)).containsExactly("IN:AZC:true:REGISTERED");
            assertThat(housingOf(member).municipalityCode())
                    .as("linked with the sponsor")
                    .isEqualTo("GM0014");
            assertThat(housingOf(member).leftReceptionAt()).isNull();
        }
        Occupancy waiting = reception.occupancy();
        assertThat(azc(waiting)).isEqualTo(azc(before) + 2);
        assertThat(waiting.total().permitHolders()).isEqualTo(before.total().permitHolders() + 2);
        assertThat(waiting.terApel().occupancy())
                .as("not in the COL Ter Apel")
                .isEqualTo(before.terApel().occupancy());
        QuotaReport.PerMunicipality linked = row(quotas.report(new HalfYear(2043, 2)), "GM0014");
        assertThat(linked.linked()).isEqualTo(3);
        assertThat(linked.housed()).isZero();

        today(2043, 11, 2);
        housing.house(sponsor, LocalDate.of(2043, 10, 30));

        for (UUID member : List.of(spouse, child)) {
            assertThat(ledger(member)).containsExactly("IN:AZC:true:REGISTERED", "OUT:-:true:HOUSED");
            assertThat(milestones(member))
                    .containsExactlyInAnyOrder(
                            Milestone.REGISTERED, Milestone.MUNICIPALITY_LINKED, Milestone.HOUSED, Milestone.CLOSED);
            assertThat(housingOf(member).moveDate()).as("the sponsor's move").isEqualTo(LocalDate.of(2043, 10, 30));
        }
        assertThat(reception.occupancy().total().occupancy())
                .isEqualTo(before.total().occupancy() - 1);
        QuotaReport.PerMunicipality housed = row(quotas.report(new HalfYear(2043, 2)), "GM0014");
        assertThat(housed.housed()).isEqualTo(3);
        assertThat(housed.open()).isEqualTo(housed.target() - 3);
    }

    @Test
    void aFamilyMemberLivesInTheDoorstroomlocatieWithTheSponsorAndMovesIntoTheHomeWithoutCountingTwice() {
        today(2044, 2, 3);
        quotas.setQuota(new HalfYear(2044, 1), 300, "coa");
        UUID sponsor = sponsorWithFamilyAbroad();
        UUID spouse = arrives(sponsor, Relation.SPOUSE);
        housing.link(sponsor, "GM0363", "werk in Amsterdam");
        housing.moveToTemporaryHousing(sponsor, LocalDate.of(2044, 2, 2));
        UUID child = arrives(sponsor, Relation.CHILD);

        assertThat(ledger(spouse)).containsExactly("IN:AZC:true:REGISTERED", "OUT:-:true:TEMPORARY_HOUSING");
        assertThat(ledger(child))
                .as("joins the sponsor in the doorstroomlocatie at once")
                .isEmpty();
        for (UUID member : List.of(spouse, child)) {
            assertThat(housingOf(member).housingKind()).isEqualTo(HousingKind.TEMPORARY.name());
            assertThat(milestones(member)).contains(Milestone.TEMPORARY_HOUSING).doesNotContain(Milestone.HOUSED);
        }
        assertThat(row(quotas.report(new HalfYear(2044, 1)), "GM0363").housed()).isEqualTo(3);

        today(2044, 6, 1);
        housing.house(sponsor, LocalDate.of(2044, 6, 1));

        for (UUID member : List.of(spouse, child)) {
            assertThat(milestones(member)).containsOnlyOnce(Milestone.HOUSED);
            assertThat(housingOf(member).housedAt()).isNotNull();
        }
        assertThat(ledger(spouse)).hasSize(2);
        assertThat(row(quotas.report(new HalfYear(2044, 1)), "GM0363").housed())
                .as("counted once")
                .isEqualTo(3);
    }

    @Test
    void aFamilyMemberWaitsInReceptionAsLongAsTheSponsorIsNotLinked() {
        today(2045, 4, 1);
        UUID sponsor = sponsorWithFamilyAbroad();
        UUID spouse = arrives(sponsor, Relation.SPOUSE);

        assertThat(ledger(spouse)).containsExactly("IN:AZC:true:REGISTERED");
        assertThat(housingOf(spouse).municipalityCode()).isNull();
        assertThat(housingOf(spouse).permitAt())
                .as("recorded from the arrival")
                .isEqualTo(ClockUtil.now().toInstant());
        assertThat(milestones(spouse)).containsExactly(Milestone.REGISTERED);
    }

    @Test
    void whenTheSponsorsMoveRollsBackTheFamilyMembersStayInReceptionAndUnhoused() {
        today(2046, 3, 3);
        UUID sponsor = sponsorWithFamilyAbroad();
        UUID spouse = arrives(sponsor, Relation.SPOUSE);
        housing.link(sponsor, "GM0599", "werk in Rotterdam");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            housing.house(sponsor, LocalDate.of(2046, 3, 2));
            assertThat(ledger(spouse)).hasSize(2);
            status.setRollbackOnly();
        });

        assertThat(ledger(spouse)).containsExactly("IN:AZC:true:REGISTERED");
        assertThat(housingOf(spouse).leftReceptionAt()).isNull();
        assertThat(housingOf(spouse).housedAt()).isNull();
        assertThat(milestones(spouse)).doesNotContain(Milestone.HOUSED);
    }

    @Test
    void theHousingStepThatMovesAFamilyMemberIntoTheHomeClosesTheirCaseItself() {
        today(2047, 2, 3);
        UUID sponsor = sponsorWithFamilyAbroad();
        UUID spouse = arrives(sponsor, Relation.SPOUSE);
        housing.link(sponsor, "GM0344", "werk in Utrecht");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            housing.house(sponsor, LocalDate.of(2047, 2, 2));
            // an explicit call in the step, not a listener that waits for the commit: closed before anything commits
            assertThat(caseFiles.caseFile(spouse).status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(caseFiles.caseFile(spouse).outcome()).isEqualTo(CaseOutcome.PERMIT_HOLDER_HOUSED);
            status.setRollbackOnly();
        });

        assertThat(caseFiles.caseFile(spouse).status())
                .as("rolled back with the step")
                .isEqualTo(CaseStatus.PERMIT_GRANTED);
    }
}

package nl.asylumchain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.housing.CurrentQuota;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reception and housing on a real PostgreSQL, over HTTP: a permit holder (alone; family members who join through
 * reunification are that module's part of the scenario) is placed at arrival, becomes a permit holder in an
 * azc, is linked to the proposed municipality and housed. The ledger balances (in once, out once) and the quota
 * counts the link and the housing for the municipality in the current half-year.
 */
class ReceptionHousingPostgresIT extends PostgresIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    CurrentQuota quota;

    @BeforeEach
    void halfYear() {
        quota = new CurrentQuota(client, jdbc, clock);
    }

    /** The taakstelling of this half-year would change the proposal for the other integration tests: removed. */
    @AfterEach
    void removeQuota() {
        quota.remove();
    }

    @Test
    void aGrantedPermitHolderIsHousedInTheProposedMunicipalityWithTheLedgerBalancedAndTheQuotaCounted() {
        quota.set(18750);
        String quotaPath = quota.path();
        JsonNode quotaBefore = client.get(quotaPath, "coa").body();
        JsonNode occupancyBefore = client.get("/api/reception/occupancy", "coa").body();

        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", List.of());
        String caseId = driver.register(application);

        Map<String, Map<String, Object>> answers = CaseDriver.answers("GRANT");
        List<String> worked = new ArrayList<>(driver.workUntil(
                caseId,
                HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                answers,
                Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED)));
        // COA links to the municipality the system proposes: the form comes prefilled with it
        String municipality = client.get(
                        "/engine-rest/task/"
                                + driver.openTask(caseId, HousingModel.ACTIVITY_LINK_MUNICIPALITY)
                                        .path("id")
                                        .asText() + "/variables/municipalityCode",
                        "coa")
                .body()
                .path("value")
                .asText();
        worked.add(driver.complete(
                caseId,
                HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                Map.of("municipalityCode", municipality, "linkReason", "")));
        worked.addAll(driver.work(caseId, answers, Set.of()));

        assertThat(worked)
                .contains(
                        "coa:" + HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                        "municipality:" + HousingModel.ACTIVITY_OFFER_HOUSING,
                        "municipality:" + HousingModel.ACTIVITY_CONFIRM_MOVE);
        driver.assertEnded(caseId, CaseModel.EVENT_PERMIT_HOLDER_HOUSED);
        assertThat(municipality).matches("GM\\d{4}");

        // the ledger: in once, out once, a permit holder in an azc in between
        List<String> moves = jdbc.sql("select move || ':' || coalesce(to_type, '-') || ':' || permit_holder "
                        + "from reception_moves where case_id = cast(:caseId as uuid) order by move_no")
                .param("caseId", caseId)
                .query(String.class)
                .list();
        assertThat(moves).containsExactly("IN:COL:false", "TRANSFER:POL:false", "TRANSFER:AZC:true", "OUT:-:true");
        assertThat(jdbc.sql("select count(*) from reception_moves m where m.move = 'IN' and not exists "
                                + "(select 1 from reception_moves o where o.case_id = m.case_id and o.move = 'OUT') "
                                + "and m.case_id = cast(:caseId as uuid)")
                        .param("caseId", caseId)
                        .query(Long.class)
                        .single())
                .isZero();

        JsonNode occupancyAfter = client.get("/api/reception/occupancy", "coa").body();
        assertThat(occupancyAfter.path("total").path("occupancy").asLong())
                .isEqualTo(occupancyBefore.path("total").path("occupancy").asLong());
        assertThat(occupancyAfter.path("total").path("permitHolders").asLong())
                .isEqualTo(occupancyBefore.path("total").path("permitHolders").asLong());

        JsonNode quotaAfter = client.get(quotaPath, "gemeente").body();
        assertThat(row(quotaAfter, municipality).path("linked").asLong())
                .isEqualTo(row(quotaBefore, municipality).path("linked").asLong() + 1);
        assertThat(row(quotaAfter, municipality).path("housed").asLong())
                .isEqualTo(row(quotaBefore, municipality).path("housed").asLong() + 1);
        assertThat(row(quotaAfter, municipality).path("open").asLong())
                .isEqualTo(row(quotaBefore, municipality).path("open").asLong() - 1);
        assertThat(quotaAfter.path("housed").asLong())
                .isEqualTo(quotaBefore.path("housed").asLong() + 1);

        JsonNode caseFile = client.get("/api/cases/" + caseId, "demo").body();
        assertThat(caseFile.path("outcome").asText()).isEqualTo("PERMIT_HOLDER_HOUSED");
        assertThat(caseFile.path("milestones").findValuesAsText("milestone"))
                .contains("REGISTERED", "PERMIT_GRANTED", "MUNICIPALITY_LINKED", "HOUSED", "CLOSED");
        assertThat(caseFile.path("sections")
                        .path("reception")
                        .path("inReception")
                        .asBoolean())
                .isFalse();
        assertThat(caseFile.path("sections")
                        .path("housing")
                        .path("municipality")
                        .path("code")
                        .asText())
                .isEqualTo(municipality);
        assertThat(caseFile.path("sections").path("housing").path("housingKind").asText())
                .isEqualTo("HOME");

        String scrape = client.scrape();
        assertThat(scrape)
                .contains(
                        "asylum_permit_holders_housed_total{",
                        "housing=\"home\"",
                        "asylum_housing_steps_late_total{",
                        "asylum_reception_occupancy{",
                        "location_type=\"nidos_foster\"",
                        "asylum_reception_capacity{",
                        "asylum_reception_permit_holders",
                        "asylum_reception_amv_ter_apel",
                        "asylum_housing_quota_target{",
                        "province=\"fryslan\"",
                        "asylum_housing_lead_time_seconds_count");
    }

    private static JsonNode row(JsonNode report, String code) {
        for (JsonNode row : report.path("municipalities")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }
}

package nl.asylumchain.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario on a real PostgreSQL, over HTTP as the handlers do it: a granted case with two family members
 * abroad; both reunification applications granted; both arrive while the sponsor waits in an azc for housing, each
 * into an azc place of their own; COA links the sponsor, the municipality houses them, and the household moves
 * together. Three housed people in one municipality, the occupancy ledger balanced (each one IN and one OUT), and
 * the quota (API and gauge) counting three.
 */
class FamilyHousingPostgresIT extends PostgresIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HousingMetrics housingMetrics;

    @Autowired
    Clock clock;

    CurrentQuota quota;
    String quotaPath;

    @BeforeEach
    void setUp() {
        quota = new CurrentQuota(client, jdbc, clock);
        quotaPath = quota.path();
    }

    /** The taakstelling of this half-year would change the proposal for the other integration tests: removed. */
    @AfterEach
    void removeQuota() {
        quota.remove();
    }

    @Test
    void
            aGrantedCaseWithTwoFamilyMembersAbroadEndsWithThreeHousedPeopleInOneMunicipalityTheLedgerBalancedAndTheQuotaCounted() {
        quota.set(18750);
        JsonNode quotaBefore = client.get(quotaPath, "coa").body();
        JsonNode occupancyBefore = client.get("/api/reception/occupancy", "coa").body();

        Map<String, Object> application = ChainClient.application();
        application.put(
                "familyMembersAbroad",
                List.of(
                        Map.of("relation", "SPOUSE", "birthDate", "1993-01-01"),
                        Map.of("relation", "CHILD", "birthDate", "2018-05-05")));
        String sponsor = driver.register(application);

        // to the permit, and both applications granted: the case waits for the link and the two arrivals
        Map<String, Map<String, Object>> answers = CaseDriver.answers("GRANT");
        answers.keySet()
                .removeAll(Set.of(
                        HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                        HousingModel.ACTIVITY_OFFER_HOUSING,
                        HousingModel.ACTIVITY_CONFIRM_MOVE));
        driver.workAnswered(sponsor, answers, Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        assertThat(client.openTasks(sponsor).stream()
                        .map(t -> t.path("taskDefinitionKey").asText()))
                .containsExactly(HousingModel.ACTIVITY_LINK_MUNICIPALITY);
        assertThat(reception(sponsor).path("current").path("to").asText()).isEqualTo("AZC");

        // both arrive while the sponsor waits in the azc
        List<String> members = new ArrayList<>();
        for (String familyMemberId : client.get("/api/cases/" + sponsor, "demo")
                .body()
                .path("familyMembersAbroad")
                .findValuesAsText("id")) {
            ChainClient.Response arrived = client.post(
                    "/api/cases/" + sponsor + "/events",
                    "nareis",
                    Map.of(
                            "type",
                            "FAMILY_ARRIVED",
                            "familyMemberId",
                            familyMemberId,
                            "familyName",
                            "Haddad",
                            "givenNames",
                            "Noor",
                            "sex",
                            "M",
                            "nationality",
                            "SYR"));
            assertThat(arrived.status()).as(String.valueOf(arrived.body())).isEqualTo(202);
        }
        for (JsonNode link : client.get("/api/cases/" + sponsor, "demo").body().path("linkedCases")) {
            members.add(link.path("caseId").asText());
        }
        assertThat(members).hasSize(2);
        for (String member : members) {
            assertThat(reception(member).path("current").path("to").asText()).isEqualTo("AZC");
            assertThat(reception(member).path("current").path("permitHolder").asBoolean())
                    .isTrue();
        }
        JsonNode occupancyWaiting =
                client.get("/api/reception/occupancy", "coa").body();
        assertThat(occupancyWaiting.path("total").path("permitHolders").asLong())
                .isEqualTo(occupancyBefore.path("total").path("permitHolders").asLong() + 3);
        assertThat(occupancyWaiting.path("terApel").path("occupancy").asLong())
                .isEqualTo(occupancyBefore.path("terApel").path("occupancy").asLong());

        // COA links the sponsor to the proposal, the municipality offers a home and confirms the move
        String linkTask = driver.openTask(sponsor, HousingModel.ACTIVITY_LINK_MUNICIPALITY)
                .path("id")
                .asText();
        String municipality = client.get("/engine-rest/task/" + linkTask + "/variables/municipalityCode", "coa")
                .body()
                .path("value")
                .asText();
        assertThat(municipality).matches("GM\\d{4}");
        assertThat(client.completeTask(linkTask, "coa", Map.of("municipalityCode", municipality, "linkReason", ""))
                        .status())
                .isEqualTo(204);
        assertThat(driver.workAnswered(
                        sponsor,
                        Map.of(
                                HousingModel.ACTIVITY_OFFER_HOUSING, Map.of("housingKind", "HOME", "addressNotes", ""),
                                HousingModel.ACTIVITY_CONFIRM_MOVE,
                                        Map.of("moveDate", LocalDate.now(clock).toString())),
                        Set.of()))
                .containsExactly(
                        "municipality:" + HousingModel.ACTIVITY_OFFER_HOUSING,
                        "municipality:" + HousingModel.ACTIVITY_CONFIRM_MOVE);

        // three housed people in one municipality
        List<String> household = new ArrayList<>(members);
        household.add(0, sponsor);
        for (String person : household) {
            JsonNode caseFile = client.get("/api/cases/" + person, "demo").body();
            assertThat(caseFile.path("milestones").findValuesAsText("milestone"))
                    .as(person)
                    .contains("HOUSED");
            assertThat(caseFile.path("sections")
                            .path("housing")
                            .path("municipality")
                            .path("code")
                            .asText())
                    .isEqualTo(municipality);
            assertThat(caseFile.path("sections")
                            .path("housing")
                            .path("housingKind")
                            .asText())
                    .isEqualTo("HOME");
            assertThat(caseFile.path("sections")
                            .path("reception")
                            .path("inReception")
                            .asBoolean())
                    .isFalse();
        }
        for (String person : household) {
            JsonNode closed = driver.caseFile(person);
            assertThat(closed.path("status").asText()).as(person).isEqualTo("CLOSED");
            assertThat(closed.path("outcome").asText()).as(person).isEqualTo("PERMIT_HOLDER_HOUSED");
        }

        // the ledger: each person came in once and went out once
        assertThat(moves(sponsor)).containsExactly("IN:COL", "TRANSFER:POL", "TRANSFER:AZC", "OUT:HOUSED");
        for (String member : members) {
            assertThat(moves(member)).containsExactly("IN:AZC", "OUT:HOUSED");
        }
        JsonNode occupancyAfter = client.get("/api/reception/occupancy", "coa").body();
        assertThat(occupancyAfter.path("total").path("occupancy").asLong())
                .isEqualTo(occupancyBefore.path("total").path("occupancy").asLong());
        assertThat(occupancyAfter.path("total").path("permitHolders").asLong())
                .isEqualTo(occupancyBefore.path("total").path("permitHolders").asLong());

        // the quota: three linked and housed for that municipality
        JsonNode quotaAfter = client.get(quotaPath, "gemeente").body();
        JsonNode before = row(quotaBefore, municipality);
        JsonNode after = row(quotaAfter, municipality);
        assertThat(after.path("linked").asLong())
                .isEqualTo(before.path("linked").asLong() + 3);
        assertThat(after.path("housed").asLong())
                .isEqualTo(before.path("housed").asLong() + 3);
        assertThat(after.path("open").asLong()).isEqualTo(before.path("open").asLong() - 3);
        assertThat(quotaAfter.path("housed").asLong())
                .isEqualTo(quotaBefore.path("housed").asLong() + 3);

        // and the gauge of the municipality's province, once the background refresh ran
        housingMetrics.refresh();
        String province = Municipality.tag(after.path("province").asText());
        assertThat(housedGauge(province))
                .isEqualTo(provinceHoused(quotaAfter, after.path("province").asText()));
        assertThat(provinceHoused(quotaAfter, after.path("province").asText()))
                .isEqualTo(provinceHoused(quotaBefore, after.path("province").asText()) + 3);
    }

    private JsonNode reception(String caseId) {
        return client.get("/api/cases/" + caseId, "demo")
                .body()
                .path("sections")
                .path("reception");
    }

    /** The person's ledger rows as {@code IN:<to>}, {@code TRANSFER:<to>}, {@code OUT:<step>}. */
    private List<String> moves(String caseId) {
        List<String> moves = new ArrayList<>();
        for (JsonNode move : reception(caseId).path("moves")) {
            String kind = move.path("move").asText();
            moves.add(kind + ":"
                    + ("OUT".equals(kind)
                            ? move.path("step").asText()
                            : move.path("to").asText()));
        }
        return moves;
    }

    private static JsonNode row(JsonNode report, String code) {
        for (JsonNode row : report.path("municipalities")) {
            if (row.path("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    private static long provinceHoused(JsonNode report, String province) {
        for (JsonNode row : report.path("provinces")) {
            if (row.path("province").asText().equals(province)) {
                return row.path("housed").asLong();
            }
        }
        throw new AssertionError("no province " + province);
    }

    private long housedGauge(String provinceTag) {
        Matcher sample = Pattern.compile(
                        "(?m)^asylum_housing_quota_housed\\{[^}]*province=\"" + provinceTag + "\"[^}]*\\} (\\S+)$")
                .matcher(client.scrape());
        assertThat(sample.find())
                .as("asylum_housing_quota_housed for " + provinceTag)
                .isTrue();
        return (long) Double.parseDouble(sample.group(1));
    }
}

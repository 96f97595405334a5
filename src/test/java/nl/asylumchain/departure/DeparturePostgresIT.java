package nl.asylumchain.departure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.casefile.process.CaseModel;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.departure.process.DepartureModel;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Return and departure on a real PostgreSQL, through the REST API only: one case to each departure outcome, worked
 * by the DT&V handler in the engine's task API and by events from the police, KMar and the IND; then the summary
 * and its demonstrable departure share. The job executor is off: the test fires the clocks it names.
 */
class DeparturePostgresIT extends PostgresIntegrationTest {

    // --- getting a case to DT&V -------------------------------------------------------------------------------

    /** The IND rejects; without documents; a Eurodac hit in this member state (or none) leads to a claim there. */
    private static Map<String, Map<String, Object>> answers(String eurodacHit) {
        Map<String, Map<String, Object>> answers = CaseDriver.answers("REJECT");
        answers.put(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "eurodacHitMemberState",
                        eurodacHit,
                        "visaMemberState",
                        "",
                        "documentsPresent",
                        false));
        answers.put(
                IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM,
                Map.of("claimType", "TAKE_CHARGE", "requestedMemberState", "DE"));
        return answers;
    }

    /** A Georgian (safe country, spoor 2) whose application is rejected: departure period 0 days. */
    private String rejectedCaseInDeparture() {
        Map<String, Object> application = ChainClient.application();
        ChainClient.section(application, "person").put("nationality", "GEO");
        application.put("familyMembersAbroad", List.of());
        String caseId = driver.register(application);
        driver.workUntil(
                caseId,
                DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW,
                answers(""),
                Set.of(IndDecisionModel.EVENT_RESPONSE_PERIOD_PASSED)); // the lawyer's zienswijze period
        assertThat(driver.openTaskKeys(caseId)).containsExactly(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW);
        // spoor 2 went to DT&V at the rejection; its appeal window runs beside: no appeal, the rejection is final
        driver.fire(caseId, AppealModel.EVENT_APPEAL_WINDOW_PASSED);
        return caseId;
    }

    /** A Eurodac hit in Germany; Germany accepts the claim. */
    private String dublinCaseInDeparture() {
        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", List.of());
        String caseId = driver.register(application);
        List<String> worked = driver.work(caseId, answers("DE"), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));
        assertThat(worked).contains("ind-dublin:" + IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM);
        assertThat(driver.event(caseId, "dublin", Map.of("type", "DUBLIN_REPLY", "accepted", true))
                        .status())
                .isEqualTo(202);
        driver.fire(caseId, AppealModel.EVENT_APPEAL_WINDOW_PASSED);
        assertThat(driver.openTaskKeys(caseId)).containsExactly(DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW);
        return caseId;
    }

    // --- one case per outcome ---------------------------------------------------------------------------------

    @Test
    void eachOutcomeIsReachedThroughTheApiAndCountedInTheSummary() {
        Map<String, Long> before = outcomes(summary("terugkeer"));

        String independent = rejectedCaseInDeparture();
        driver.complete(independent, DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, interview(true));
        driver.complete(
                independent,
                DepartureModel.ACTIVITY_ARRANGE_INDEPENDENT_DEPARTURE,
                Map.of("iomSupportRequested", true, "departed", true));
        assertClosed(independent, CaseModel.EVENT_DEPARTED_INDEPENDENTLY, "DEPARTED_INDEPENDENTLY");

        String forced = rejectedCaseInDeparture();
        driver.complete(forced, DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, interview(false));
        assertThat(driver.openTaskKeys(forced)).containsExactly(DepartureModel.ACTIVITY_ARRANGE_FORCED_DEPARTURE);
        ChainClient.Response notDublin =
                driver.event(forced, "marechaussee", Map.of("type", "DEPARTURE_CONFIRMED", "route", "DUBLIN_TRANSFER"));
        assertThat(notDublin.status()).isEqualTo(400);
        assertThat(notDublin.body().path("errors").get(0).path("field").asText())
                .isEqualTo("route");
        assertThat(driver.event(forced, "marechaussee", Map.of("type", "DEPARTURE_CONFIRMED", "route", "SOMEWHERE"))
                        .status())
                .isEqualTo(400);
        assertThat(driver.event(forced, "coa", Map.of("type", "DEPARTURE_CONFIRMED", "route", "FORCED"))
                        .status())
                .isEqualTo(403);
        Map<String, Object> confirmed = Map.of("type", "DEPARTURE_CONFIRMED", "route", "FORCED");
        assertThat(driver.event(forced, "marechaussee", confirmed).status()).isEqualTo(202);
        assertClosed(forced, CaseModel.EVENT_DEPARTED_FORCED, "DEPARTED_FORCED");
        assertThat(driver.event(forced, "marechaussee", confirmed).status()).isEqualTo(409);

        String transferred = dublinCaseInDeparture();
        driver.complete(transferred, DepartureModel.ACTIVITY_DEPARTURE_INTERVIEW, interview(true));
        driver.complete(transferred, DepartureModel.ACTIVITY_PLAN_TRANSFER, Map.of("transferDate", "2027-01-15"));
        JsonNode planned = section(transferred);
        assertThat(planned.path("route").asText()).isEqualTo("DUBLIN_TRANSFER");
        assertThat(planned.path("transfer").path("plannedOn").asText()).isEqualTo("2027-01-15");
        driver.complete(transferred, DepartureModel.ACTIVITY_EXECUTE_TRANSFER, Map.of("transferCompleted", true));
        assertClosed(transferred, CaseModel.EVENT_TRANSFERRED_DUBLIN, "TRANSFERRED_DUBLIN");

        String unsupervised = rejectedCaseInDeparture();
        assertThat(driver.event(unsupervised, "agent", Map.of("type", "REPORT_MISSED"))
                        .status())
                .isEqualTo(202);
        assertThat(driver.event(unsupervised, "agent", Map.of("type", "REPORTED"))
                        .status())
                .isEqualTo(202);
        assertThat(driver.event(unsupervised, "agent", Map.of("type", "REPORT_MISSED"))
                        .status())
                .isEqualTo(202);
        assertThat(section(unsupervised).path("reports").path("missedInARow").asInt())
                .isEqualTo(1);
        assertThat(driver.event(unsupervised, "agent", Map.of("type", "IMPRISONED"))
                        .status())
                .isEqualTo(409);
        assertThat(driver.event(unsupervised, "agent", Map.of("type", "REPORT_MISSED"))
                        .status())
                .isEqualTo(202);
        assertClosed(unsupervised, CaseModel.EVENT_LEFT_WITHOUT_SUPERVISION, "LEFT_WITHOUT_SUPERVISION");

        String responsible = dublinCaseInDeparture();
        String deadline = section(responsible).path("transfer").path("deadline").asText();
        assertThat(driver.event(responsible, "terugkeer", Map.of("type", "IMPRISONED"))
                        .status())
                .isEqualTo(202);
        JsonNode imprisoned = section(responsible).path("transfer");
        assertThat(imprisoned.path("circumstance").asText()).isEqualTo("IMPRISONED");
        assertThat(imprisoned.path("deadline").asText()).isNotEqualTo(deadline);
        driver.fire(responsible, DepartureModel.EVENT_TRANSFER_DEADLINE_PASSED);
        JsonNode backAtInd = driver.caseFile(responsible);
        assertThat(backAtInd.path("status").asText()).isEqualTo("IN_PROCEDURE");
        assertThat(backAtInd.path("track").asInt()).isEqualTo(4);
        assertThat(backAtInd.path("trackReason").asText()).isEqualTo("DUBLIN_TRANSFER_DEADLINE_PASSED");
        assertThat(driver.openTaskKeys(responsible)).containsExactly(IndDecisionModel.ACTIVITY_MAIN_INTERVIEW);
        assertThat(backAtInd.path("sections").path("departure").path("outcome").asText())
                .isEqualTo("RESPONSIBILITY_ASSUMED");

        String permit = rejectedCaseInDeparture();
        Map<String, Object> permitAfterAll = Map.of("type", "PERMIT_AFTER_ALL", "reason", "COURT_ANNULMENT");
        assertThat(driver.event(permit, "terugkeer", permitAfterAll).status()).isEqualTo(403);
        assertThat(driver.event(permit, "beslismedewerker", permitAfterAll).status())
                .isEqualTo(202);
        JsonNode permitHolder = driver.caseFile(permit);
        assertThat(permitHolder.path("status").asText()).isEqualTo("PERMIT_GRANTED");
        assertThat(driver.openTaskKeys(permit)).containsExactly(HousingModel.ACTIVITY_LINK_MUNICIPALITY);
        assertThat(permitHolder
                        .path("sections")
                        .path("departure")
                        .path("outcome")
                        .asText())
                .isEqualTo("PERMIT_AFTER_ALL");

        JsonNode summary = summary("teamleider");
        Map<String, Long> after = outcomes(summary);
        for (DepartureOutcome outcome : DepartureOutcome.values()) {
            assertThat(after.get(outcome.name()) - before.getOrDefault(outcome.name(), 0L))
                    .as(outcome.name())
                    .isEqualTo(1);
        }
        long demonstrable =
                after.get("DEPARTED_INDEPENDENTLY") + after.get("DEPARTED_FORCED") + after.get("TRANSFERRED_DUBLIN");
        assertThat(summary.path("demonstrable").asLong()).isEqualTo(demonstrable);
        assertThat(summary.path("withoutSupervision").asLong()).isEqualTo(after.get("LEFT_WITHOUT_SUPERVISION"));
        assertThat(summary.path("demonstrableDepartureShare").decimalValue().doubleValue())
                .isCloseTo(
                        (double) demonstrable / (demonstrable + after.get("LEFT_WITHOUT_SUPERVISION")),
                        org.assertj.core.data.Offset.offset(0.0001));

        String scrape = client.scrape();
        assertThat(scrape)
                .contains("asylum_departures_total{application=\"asylum-chain\",outcome=\"responsibility_assumed\"}")
                .contains("asylum_departure_lead_time_seconds_count{application=\"asylum-chain\","
                        + "outcome=\"permit_after_all\"}");
    }

    @Test
    void theSummaryIsForDtvAndTeamLeadsAndChecksItsPeriod() {
        assertThat(client.get("/api/departures/summary?from=2024-01-01&to=2024-12-31", "coa")
                        .status())
                .isEqualTo(403);
        assertThat(client.get("/api/departures/summary?from=2024-12-31&to=2024-01-01", "terugkeer")
                        .status())
                .isEqualTo(400);
        assertThat(client.get("/api/departures/summary?from=yesterday", "terugkeer")
                        .status())
                .isEqualTo(400);
        JsonNode empty = client.get("/api/departures/summary?from=2001-01-01&to=2001-12-31", "demo")
                .body();
        assertThat(empty.path("outcomes").path("DEPARTED_FORCED").asLong()).isZero();
        assertThat(empty.path("outcomes").size()).isEqualTo(DepartureOutcome.values().length);
        assertThat(empty.has("demonstrableDepartureShare")).isFalse();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Object> interview(boolean willing) {
        return Map.of(
                "willingToLeave",
                willing,
                "travelDocumentPresent",
                false,
                "familyWithMinorChildren",
                false,
                "interviewNotes",
                "");
    }

    private JsonNode summary(String user) {
        ChainClient.Response response = client.get("/api/departures/summary", user);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Long> outcomes(JsonNode summary) {
        Map<String, Long> counts = new HashMap<>();
        summary.path("outcomes")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private JsonNode section(String caseId) {
        return driver.caseFile(caseId).path("sections").path("departure");
    }

    private void assertClosed(String caseId, String endEvent, String outcome) {
        driver.assertEnded(caseId, endEvent);
        JsonNode caseFile = driver.caseFile(caseId);
        assertThat(caseFile.path("status").asText()).isEqualTo("CLOSED");
        assertThat(caseFile.path("outcome").asText()).isEqualTo(outcome);
        assertThat(caseFile.path("sections").path("departure").path("outcome").asText())
                .isEqualTo(outcome);
    }
}

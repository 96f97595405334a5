package nl.asylumchain.reunification;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.fasterxml.jackson.databind.JsonNode;

import nl.asylumchain.CaseDriver;
import nl.asylumchain.ChainClient;
import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.housing.process.HousingModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Family reunification on a real PostgreSQL, over HTTP as the handlers and COA would do it: a granted case with
 * two family members abroad, both applications granted, both arrive → three cases, linked both ways. (That the
 * three are housed together in one municipality is the housing module's part of this scenario.)
 */
class FamilyReunificationPostgresIT extends PostgresIntegrationTest {

    @Autowired
    RuntimeService runtimeService;

    /** The IND grants the asylum application and each reunification application; housing's tasks stay open. */
    static Map<String, Map<String, Object>> answers() {
        Map<String, Map<String, Object>> answers = CaseDriver.answers("GRANT");
        answers.keySet()
                .removeAll(Set.of(
                        HousingModel.ACTIVITY_LINK_MUNICIPALITY,
                        HousingModel.ACTIVITY_OFFER_HOUSING,
                        HousingModel.ACTIVITY_CONFIRM_MOVE));
        return answers;
    }

    @Test
    void aGrantedCaseWithTwoFamilyMembersAbroadEndsWithThreeLinkedCases() {
        Map<String, Object> application = ChainClient.application();
        application.put(
                "familyMembersAbroad",
                List.of(
                        Map.of("relation", "SPOUSE", "birthDate", "1993-01-01"),
                        Map.of("relation", "CHILD", "birthDate", "2018-05-05")));
        String caseId = driver.register(application);

        List<String> worked =
                driver.workAnswered(caseId, answers(), Set.of(RegistrationModel.EVENT_REST_PERIOD_PASSED));

        assertThat(worked)
                .contains("ind-reunification:" + FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION);
        assertThat(worked.stream().filter(w -> w.startsWith("ind-reunification:")))
                .hasSize(6);
        JsonNode sponsor = client.get("/api/cases/" + caseId, "demo").body();
        List<String> members = sponsor.path("familyMembersAbroad").findValuesAsText("id");
        assertThat(sponsor.path("sections")
                        .path("familyReunification")
                        .path("members")
                        .findValuesAsText("status"))
                .containsExactly("MVV_ISSUED", "MVV_ISSUED");

        for (String member : members) {
            ChainClient.Response arrived = client.post(
                    "/api/cases/" + caseId + "/events",
                    "nareis",
                    Map.of(
                            "type",
                            "FAMILY_ARRIVED",
                            "familyMemberId",
                            member,
                            "familyName",
                            "Haddad",
                            "givenNames",
                            "Noor",
                            "sex",
                            "F",
                            "nationality",
                            "SYR"));
            assertThat(arrived.status()).as(String.valueOf(arrived.body())).isEqualTo(202);
        }

        sponsor = client.get("/api/cases/" + caseId, "demo").body();
        JsonNode links = sponsor.path("linkedCases");
        assertThat(links).hasSize(2);
        assertThat(links.findValuesAsText("link")).containsOnly("FAMILY_MEMBER");
        assertThat(links.findValuesAsText("familyMemberId")).containsExactlyInAnyOrderElementsOf(members);
        Set<String> vNumbers =
                new java.util.HashSet<>(Set.of(sponsor.path("vNumber").asText()));
        for (String linked : links.findValuesAsText("caseId")) {
            JsonNode familyCase = client.get("/api/cases/" + linked, "demo").body();
            assertThat(familyCase.path("status").asText()).isEqualTo("PERMIT_GRANTED");
            assertThat(familyCase.path("linkedCases").get(0).path("caseId").asText())
                    .isEqualTo(caseId);
            assertThat(familyCase.path("linkedCases").get(0).path("link").asText())
                    .isEqualTo("SPONSOR");
            assertThat(familyCase.path("milestones").findValuesAsText("milestone"))
                    .contains("REGISTERED");
            vNumbers.add(familyCase.path("vNumber").asText());
        }
        assertThat(vNumbers).as("three cases, three V-numbers").hasSize(3);
        assertThat(FamilyReunificationApiTest.arrivedMembers(
                        client.get("/api/cases/" + caseId, "demo").body()))
                .as("the household's arrived members")
                .hasSize(2);
        assertThat(runtimeService
                        .createProcessInstanceQuery()
                        .processDefinitionKey(FamilyReunificationApplicationModel.PROCESS_KEY)
                        .processInstanceBusinessKey(caseId)
                        .count())
                .isZero();
        String scrape = client.scrape();
        assertThat(scrape).containsPattern("asylum_family_members_arrived_total\\{[^}]*\\} [1-9]");
        assertThat(scrape)
                .containsPattern("asylum_reunification_decisions_total\\{[^}]*outcome=\"granted\"[^}]*\\} [1-9]");
    }
}

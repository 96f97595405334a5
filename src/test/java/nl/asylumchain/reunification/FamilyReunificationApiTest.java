package nl.asylumchain.reunification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

import nl.asylumchain.ChainClient;
import nl.asylumchain.ChainClient.Response;
import nl.asylumchain.ChainTestContext;
import nl.asylumchain.EngineSteps;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.registration.process.RegistrationModel;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;
import nl.asylumchain.reunification.process.FamilyReunificationModel;

import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.ACTIVITY_ASSESS_REUNIFICATION;
import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION;
import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.ACTIVITY_DNA_TEST;
import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.ACTIVITY_REGISTER_APPLICATION;
import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.EVENT_APPLICATION_WINDOW_PASSED;
import static nl.asylumchain.reunification.process.FamilyReunificationApplicationModel.EVENT_MVV_EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Family reunification over the API on in-memory H2: family members added after intake, the FAMILY_ARRIVED event,
 * the new linked case, the case file section and the metrics. Tasks are completed through the engine's Java API.
 */
@ChainTestContext
class FamilyReunificationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    MeterRegistry meters;

    @Autowired
    java.time.Clock clock;

    @Autowired
    FamilyReunificationService reunification;

    @Autowired
    ProcessEngine engine;

    ChainClient client;
    EngineSteps steps;

    @BeforeEach
    void client() {
        client = new ChainClient(port);
        steps = new EngineSteps(engine);
    }

    // --- POST /api/cases/{caseId}/family-members ---------------------------------------------------------------

    @Test
    void aFamilyMemberAddedBeforeThePermitIsOnlyRecorded() {
        String caseId = register();

        Response added = addMember(caseId, "nareis", Map.of("relation", "CHILD", "birthDate", "2015-04-01"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.location()).endsWith("/api/cases/" + caseId);
        assertThat(added.body().path("relation").asText()).isEqualTo("CHILD");
        JsonNode caseFile = caseFile(caseId);
        assertThat(caseFile.path("familyMembersAbroad").findValuesAsText("id"))
                .contains(added.body().path("id").asText())
                .hasSize(2);
        assertThat(reunificationsOf(caseId)).isZero();
        assertThat(caseFile.path("sections").has("familyReunification")).isFalse();
    }

    @Test
    void aFamilyMemberAddedAfterThePermitGetsAnApplicationAtOnce() {
        String caseId = grantedCase(List.of());
        assertThat(reunificationsOf(caseId)).isZero();

        Response added = addMember(caseId, "nareis", Map.of("relation", "PARENT", "birthDate", "1960-02-02"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(reunificationsOf(caseId)).isEqualTo(1);
        JsonNode section =
                caseFile(caseId).path("sections").path("familyReunification").path("members");
        assertThat(section).hasSize(1);
        assertThat(section.get(0).path("familyMemberId").asText())
                .isEqualTo(added.body().path("id").asText());
        assertThat(section.get(0).path("status").asText()).isEqualTo("WINDOW_OPEN");
        assertThat(section.get(0).path("applicationWindowEnds").asText()).isNotEmpty();
    }

    @Test
    void relationMustBeSpousePartnerChildOrParentAndTheBirthDateNotInTheFuture() {
        String caseId = register();

        Response badRelation = addMember(caseId, "nareis", Map.of("relation", "COUSIN", "birthDate", "2000-01-01"));
        Response future = addMember(caseId, "nareis", Map.of("relation", "CHILD", "birthDate", "2999-01-01"));
        Response missing = addMember(caseId, "nareis", Map.of());

        assertThat(badRelation.status()).isEqualTo(400);
        assertThat(badRelation.body().path("errors").get(0).path("field").asText())
                .isEqualTo("relation");
        assertThat(badRelation.body().path("errors").get(0).path("message").asText())
                .contains("SPOUSE", "PARENT");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").findValuesAsText("field")).containsExactly("birthDate");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("birthDate", "relation");
        assertThat(caseFile(caseId).path("familyMembersAbroad")).hasSize(1);
    }

    @Test
    void addingAFamilyMemberToAnUnknownCaseIsNotFoundAndPoliceMayNotAddOne() {
        Response unknown = addMember(
                UUID.randomUUID().toString(), "nareis", Map.of("relation", "CHILD", "birthDate", "2015-04-01"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(addMember(register(), "agent", Map.of("relation", "CHILD", "birthDate", "2015-04-01"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void intakeCannotOpenAFamilyReunificationCaseOrArriveAtZevenaar() {
        Map<String, Object> application = ChainClient.application();
        application.put("applicationType", "FAMILY_REUNIFICATION");
        ChainClient.section(application, "arrival").put("location", "ZEVENAAR");

        Response response = client.post("/api/cases", "agent", application);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("applicationType", "arrival.location");
    }

    // --- FAMILY_ARRIVED ----------------------------------------------------------------------------------------

    @Test
    void anArrivalNothingWaitsForIsAConflictAndChangesNothing() {
        String caseId = register();
        String spouse = familyMemberIds(caseId).get(0);

        Response response = arrive(caseId, "nareis", arrival(spouse));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("detail").asText()).contains("FamilyArrived");
        assertThat(caseFile(caseId).path("linkedCases")).isEmpty();
    }

    @Test
    void anArrivalWithBadFieldsNamesThem() {
        String caseId = register();
        Map<String, Object> bad = new HashMap<>(arrival(familyMemberIds(caseId).get(0)));
        bad.remove("familyName");
        bad.put("sex", "Q");
        bad.put("nationality", "QQQ");

        Response wrongSex = arrive(caseId, "nareis", bad);
        bad.put("sex", "F");
        Response missingAndUnknown = arrive(caseId, "nareis", bad);
        Response stranger = arrive(caseId, "nareis", arrival(UUID.randomUUID().toString()));

        assertThat(wrongSex.status()).isEqualTo(400);
        assertThat(wrongSex.body().path("errors").findValuesAsText("field")).containsExactly("sex");
        assertThat(missingAndUnknown.status()).isEqualTo(400);
        assertThat(missingAndUnknown.body().path("errors").findValuesAsText("field"))
                .containsExactly("familyName", "nationality");
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body().path("errors").findValuesAsText("field")).containsExactly("familyMemberId");
        assertThat(arrive(caseId, "agent", arrival(familyMemberIds(caseId).get(0)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anArrivingFamilyMemberBecomesANewCaseLinkedToTheSponsorBothWays() {
        double arrivedBefore = meters.counter("asylum.family.members.arrived").count();
        double grantedBefore = meters.counter("asylum.reunification.decisions", "outcome", "granted")
                .count();
        String caseId = grantedCase(List.of(Map.of("relation", "CHILD", "birthDate", "2016-06-06")));
        String child = familyMemberIds(caseId).get(0);
        String dnaNeeded = "DNA";
        workApplication(caseId, dnaNeeded, "GRANT");
        JsonNode waiting = caseFile(caseId)
                .path("sections")
                .path("familyReunification")
                .path("members")
                .get(0);
        assertThat(waiting.path("status").asText()).isEqualTo("MVV_ISSUED");
        assertThat(waiting.path("evidenceType").asText()).isEqualTo("DNA");
        assertThat(waiting.path("evidenceOutcome").asText()).isEqualTo("CONFIRMED");
        assertThat(waiting.path("decision").asText()).isEqualTo("GRANTED");
        assertThat(waiting.path("mvvValidUntil").asText()).isNotEmpty();

        Response arrived = arrive(caseId, "coa", arrival(child));

        assertThat(arrived.status()).as(String.valueOf(arrived.body())).isEqualTo(202);
        JsonNode sponsor = caseFile(caseId);
        JsonNode link = sponsor.path("linkedCases").get(0);
        assertThat(link.path("link").asText()).isEqualTo("FAMILY_MEMBER");
        assertThat(link.path("familyMemberId").asText()).isEqualTo(child);
        assertThat(link.path("relation").asText()).isEqualTo("CHILD");
        String childCaseId = link.path("caseId").asText();
        JsonNode childCase = caseFile(childCaseId);
        assertThat(childCase.path("vNumber").asText())
                .matches("\\d{10}")
                .isNotEqualTo(sponsor.path("vNumber").asText());
        assertThat(childCase.path("status").asText()).isEqualTo("PERMIT_GRANTED");
        assertThat(childCase.path("applicationType").asText()).isEqualTo("FAMILY_REUNIFICATION");
        assertThat(childCase.path("arrivalLocation").asText()).isEqualTo("ZEVENAAR");
        assertThat(childCase.path("person").path("birthDate").asText()).isEqualTo("2016-06-06");
        assertThat(childCase.path("person").path("familyName").asText()).isEqualTo("Haddad");
        assertThat(childCase.path("milestones").findValuesAsText("milestone")).containsExactly("REGISTERED");
        assertThat(childCase.path("linkedCases").get(0).path("link").asText()).isEqualTo("SPONSOR");
        assertThat(childCase.path("linkedCases").get(0).path("caseId").asText()).isEqualTo(caseId);
        JsonNode member = sponsor.path("sections")
                .path("familyReunification")
                .path("members")
                .get(0);
        assertThat(member.path("status").asText()).isEqualTo("ARRIVED");
        assertThat(member.path("linkedCaseId").asText()).isEqualTo(childCaseId);
        assertThat(arrivedMembers(sponsor))
                .as("the household's arrived members")
                .containsExactly(childCaseId);
        assertThat(meters.counter("asylum.family.members.arrived").count()).isEqualTo(arrivedBefore + 1);
        assertThat(meters.counter("asylum.reunification.decisions", "outcome", "granted")
                        .count())
                .isEqualTo(grantedBefore + 1);

        Response again = arrive(caseId, "nareis", arrival(child));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aMissedWindowAndAnUnusedMvvAreRecordedNotDropped() {
        double missedBefore = meters.counter("asylum.reunification.decisions", "outcome", "window_missed")
                .count();
        String caseId = grantedCase(List.of(Map.of("relation", "CHILD", "birthDate", "2016-06-06")));

        steps.fire(caseId, EVENT_APPLICATION_WINDOW_PASSED);
        String granted = addMember(caseId, "nareis", Map.of("relation", "SPOUSE", "birthDate", "1990-01-01"))
                .body()
                .path("id")
                .asText();
        workApplication(caseId, "DOCUMENTS", "GRANT");
        steps.fire(caseId, EVENT_MVV_EXPIRED);

        JsonNode members =
                caseFile(caseId).path("sections").path("familyReunification").path("members");
        Map<String, String> statusById = new HashMap<>();
        members.forEach(m -> statusById.put(
                m.path("familyMemberId").asText(), m.path("status").asText()));
        assertThat(statusById)
                .containsEntry(granted, "MVV_EXPIRED")
                .containsValue("WINDOW_MISSED")
                .hasSize(2);
        members.forEach(m -> assertThat(m.path("endedAt").asText()).isNotEmpty());
        assertThat(meters.counter("asylum.reunification.decisions", "outcome", "window_missed")
                        .count())
                .isEqualTo(missedBefore + 1);
    }

    @Test
    void aPassedDecisionPeriodIsExtendedOnceByThreeMonthsAndTheDecisionTaskShowsTheNewDeadline() {
        String caseId = grantedCase(List.of(Map.of("relation", "SPOUSE", "birthDate", "1990-01-01")));
        steps.complete(
                caseId, ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", "", "relationBeforeEntry", true));
        steps.complete(caseId, ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", "DOCUMENTS"));
        JsonNode applied = caseFile(caseId)
                .path("sections")
                .path("familyReunification")
                .path("members")
                .get(0);
        java.time.Instant deadline =
                java.time.Instant.parse(applied.path("decisionDeadline").asText());
        assertThat(deadline)
                .isEqualTo(java.time.Instant.parse(applied.path("appliedAt").asText())
                        .atZone(clock.getZone())
                        .plusMonths(3)
                        .toInstant());

        steps.fire(caseId, FamilyReunificationApplicationModel.EVENT_DECISION_PERIOD_PASSED);
        steps.complete(
                caseId,
                FamilyReunificationApplicationModel.ACTIVITY_EXTEND_DECISION_PERIOD,
                Map.of("extensionReason", "Onderzoek naar documenten loopt"));

        JsonNode extended = caseFile(caseId)
                .path("sections")
                .path("familyReunification")
                .path("members")
                .get(0);
        java.time.Instant newDeadline =
                java.time.Instant.parse(extended.path("decisionDeadline").asText());
        assertThat(extended.path("decisionPeriodExtended").asBoolean()).isTrue();
        assertThat(newDeadline)
                .isEqualTo(deadline.atZone(clock.getZone()).plusMonths(3).toInstant());
        Task decision = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(ACTIVITY_DECIDE_REUNIFICATION)
                .singleResult();
        assertThat(decision.getDueDate().toInstant()).isEqualTo(newDeadline);
    }

    // --- eligibility (DMN reunificationEligibility) ---------------------------------------------------------------

    @Test
    void aParentOfAnAdultSponsorIsRefusedAndTheCaseFileAndAnArrivalNameTheRule() {
        double rejectedBefore = meters.counter("asylum.reunification.decisions", "outcome", "rejected")
                .count();
        String caseId = grantedCase(List.of(Map.of("relation", "PARENT", "birthDate", "1966-03-03")));
        String parent = familyMemberIds(caseId).get(0);

        steps.complete(
                caseId, ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", "", "relationBeforeEntry", false));

        JsonNode member = caseFile(caseId)
                .path("sections")
                .path("familyReunification")
                .path("members")
                .get(0);
        assertThat(member.path("status").asText()).isEqualTo("REFUSED");
        assertThat(member.path("decision").asText()).isEqualTo("REJECTED");
        assertThat(member.path("eligibilityRule").asText()).isEqualTo("PARENT_OF_SPONSOR_NOT_UNACCOMPANIED_MINOR");
        assertThat(member.path("endedAt").asText()).isNotEmpty();
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(caseId)
                        .taskDefinitionKey(ACTIVITY_ASSESS_REUNIFICATION)
                        .count())
                .isZero();
        assertThat(meters.counter("asylum.reunification.decisions", "outcome", "rejected")
                        .count())
                .isEqualTo(rejectedBefore + 1);

        Response arrived = arrive(caseId, "nareis", arrival(parent));

        assertThat(arrived.status()).isEqualTo(409);
        assertThat(arrived.body().path("detail").asText()).contains("PARENT_OF_SPONSOR_NOT_UNACCOMPANIED_MINOR");
        assertThat(caseFile(caseId).path("linkedCases")).isEmpty();
    }

    @Test
    void aChildIsJudgedByItsAgeOnTheApplicationDate() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        String caseId = grantedCase(List.of(
                Map.of("relation", "CHILD", "birthDate", today.minusYears(18).toString()),
                Map.of(
                        "relation",
                        "CHILD",
                        "birthDate",
                        today.minusYears(18).plusDays(1).toString())));

        for (Task register : taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(ACTIVITY_REGISTER_APPLICATION)
                .list()) {
            taskService.complete(register.getId(), Map.of("applicationNotes", "", "relationBeforeEntry", false));
        }

        Map<String, String> ruleByAge = new HashMap<>();
        caseFile(caseId)
                .path("sections")
                .path("familyReunification")
                .path("members")
                .forEach(m -> ruleByAge.put(
                        m.path("ageAtApplication").asText(),
                        m.path("status").asText() + " "
                                + m.path("eligibilityRule").asText()));
        assertThat(ruleByAge)
                .containsEntry("18", "REFUSED CHILD_OF_AGE_AT_APPLICATION")
                .containsEntry("17", "APPLIED ");
    }

    @Test
    void aSpouseCannotBeRegisteredWithoutSayingWhetherTheRelationExistedBeforeEntry() {
        String caseId = grantedCase(List.of(Map.of("relation", "SPOUSE", "birthDate", "1990-01-01")));
        Task register = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(ACTIVITY_REGISTER_APPLICATION)
                .singleResult();

        Response response = client.post(
                "/engine-rest/task/" + register.getId() + "/complete",
                "nareis",
                Map.of("variables", Map.of("applicationNotes", Map.of("value", ""))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field")).containsExactly("relationBeforeEntry");
        assertThat(taskService.createTaskQuery().taskId(register.getId()).count())
                .isOne();
    }

    @Test
    void theReunificationMetersExistBeforeAnythingHappened() {
        for (String outcome : List.of("granted", "rejected", "window_missed")) {
            assertThat(meters.find("asylum.reunification.decisions")
                            .tag("outcome", outcome)
                            .counter())
                    .as(outcome)
                    .isNotNull();
        }
        assertThat(meters.find("asylum.family.members.arrived").counter()).isNotNull();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String register() {
        Response created = client.post("/api/cases", "agent", ChainClient.application());
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("caseId").asText();
    }

    /** A case through registration and the IND's grant, with these family members abroad at intake. */
    private String grantedCase(List<Map<String, Object>> family) {
        Map<String, Object> application = ChainClient.application();
        application.put("familyMembersAbroad", family);
        Response created = client.post("/api/cases", "agent", application);
        String caseId = created.body().path("caseId").asText();
        steps.complete(
                caseId,
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER,
                Map.of(
                        "identityEstablished",
                        true,
                        "eurodacHitMemberState",
                        "",
                        "visaMemberState",
                        "",
                        "documentsPresent",
                        true));
        steps.complete(
                caseId,
                RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW,
                Map.of("protectionInMemberState", "", "medicalConcerns", false, "familyInVa", false));
        steps.fire(caseId, RegistrationModel.EVENT_REST_PERIOD_PASSED);
        steps.complete(
                caseId,
                IndDecisionModel.ACTIVITY_MAIN_INTERVIEW,
                Map.of("interpreterPresent", true, "hearingNotes", ""));
        steps.complete(
                caseId,
                IndDecisionModel.ACTIVITY_CORRECTIONS_AND_ADDITIONS,
                Map.of("correctionsReceived", true, "correctionNotes", ""));
        steps.complete(
                caseId,
                IndDecisionModel.ACTIVITY_ASSESS_APPLICATION,
                Map.of("decisionOutcome", "GRANT", "vaReason", "", "decisionReason", ""));
        assertThat(caseFile(caseId).path("decisionOutcome").asText()).isEqualTo("PERMIT_GRANTED");
        return caseId;
    }

    /** Works the one open application of the case up to the decision. */
    private void workApplication(String caseId, String evidenceType, String outcome) {
        steps.complete(
                caseId, ACTIVITY_REGISTER_APPLICATION, Map.of("applicationNotes", "", "relationBeforeEntry", true));
        steps.complete(caseId, ACTIVITY_ASSESS_REUNIFICATION, Map.of("evidenceType", evidenceType));
        if (evidenceType.equals("DNA")) {
            steps.complete(caseId, ACTIVITY_DNA_TEST, Map.of("evidenceOutcome", "CONFIRMED"));
        }
        steps.complete(
                caseId, ACTIVITY_DECIDE_REUNIFICATION, Map.of("reunificationOutcome", outcome, "decisionReason", ""));
    }

    private long reunificationsOf(String caseId) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(FamilyReunificationModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId)
                .count();
    }

    private Response addMember(String caseId, String user, Map<String, Object> member) {
        return client.post("/api/cases/" + caseId + "/family-members", user, member);
    }

    private Response arrive(String caseId, String user, Map<String, Object> arrival) {
        Map<String, Object> event = new HashMap<>(arrival);
        event.put("type", "FAMILY_ARRIVED");
        return client.post("/api/cases/" + caseId + "/events", user, event);
    }

    private static Map<String, Object> arrival(String familyMemberId) {
        return Map.of(
                "familyMemberId",
                familyMemberId,
                "familyName",
                "Haddad",
                "givenNames",
                "Sami",
                "sex",
                "M",
                "nationality",
                "SYR");
    }

    private List<String> familyMemberIds(String caseId) {
        return caseFile(caseId).path("familyMembersAbroad").findValuesAsText("id");
    }

    private JsonNode caseFile(String caseId) {
        Response response = client.get("/api/cases/" + caseId, "demo");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The linked cases of the family members who arrived, as the sponsor's case file shows them. */
    static List<String> arrivedMembers(JsonNode sponsorCaseFile) {
        List<String> arrived = new java.util.ArrayList<>();
        sponsorCaseFile
                .path("sections")
                .path("familyReunification")
                .path("members")
                .forEach(member -> {
                    if ("ARRIVED".equals(member.path("status").asText())) {
                        arrived.add(member.path("linkedCaseId").asText());
                    }
                });
        return arrived;
    }
}

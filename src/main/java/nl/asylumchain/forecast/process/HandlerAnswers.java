package nl.asylumchain.forecast.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.asylumchain.forecast.Scenario;

/**
 * The answers a handler gives on each task form, drawn from the scenario's shares with the case's own generator.
 * Keyed by the form id ({@code bpmn/forms/*.form}); the values go through the same completion path as a handler's
 * (the server-side form checks refuse a missing required field or a value the form does not offer). Fixed
 * assumptions where the scenario has no field are documented in docs/forecast.md.
 */
final class HandlerAnswers {

    /**
     * The variables a form's answers depend on, read from the task's process before answering: the case id for every
     * form (whose draws answer), and the few facts some forms follow. Reading only these is cheaper than reading
     * every name for every task (docs/forecast.md, "Eighth round").
     */
    private static final Map<String, Set<String>> VARIABLES_OF_FORM = Map.of(
            "assessApplication", Set.of("caseId", "procedure"),
            "submitDublinClaim", Set.of("caseId", "eurodacHitMemberState", "protectionInMemberState"),
            "linkMunicipality", Set.of("caseId", "municipalityCode"),
            "appointGuardian", Set.of("caseId", "proposedPlacement"),
            "decideReunification", Set.of("caseId", "evidenceOutcome"));

    static Set<String> variablesFor(String formId) {
        return VARIABLES_OF_FORM.getOrDefault(formId, Set.of("caseId"));
    }

    static final List<String> MEMBER_STATES = List.of("DE", "IT", "GR", "ES", "BE", "AT", "PL");
    /** The nareis registration form's answer whether a spouse's relation existed before the sponsor entered. */
    static final String RELATION_BEFORE_ENTRY = "relationBeforeEntry";

    /** Assumption: share of applicants whose identity is established at I&R (track 3 needs it). */
    static final double IDENTITY_ESTABLISHED = 0.8;

    static final double DOCUMENTS_PRESENT = 0.6;
    static final double MEDICAL_CONCERNS = 0.08;
    static final double FAMILY_IN_VA = 0.02;
    static final double TRAVEL_DOCUMENT = 0.5;
    static final double FAMILY_WITH_MINOR_CHILDREN = 0.15;
    static final String FALLBACK_MUNICIPALITY = "GM0363";

    private final Scenario scenario;

    HandlerAnswers(Scenario scenario) {
        this.scenario = scenario;
    }

    /** The reason on a snapshot case's link to the municipality COA chose before the forecast, when it has none. */
    static final String LINKED_BEFORE_THE_FORECAST = "Gekoppeld vóór de prognose";

    /**
     * A snapshot case's answers on its way to where it waited (the placement walks the stage's model): the answers
     * its handlers gave ({@code known}, the snapshot's variables) in place of the drawn ones of the same name, and
     * what the form needs besides. COA's link to a municipality the forecast did not propose (its quotas are not the
     * live ones at the snapshot) needs a reason: the snapshot's own, or else that the link was made before.
     */
    static Map<String, Object> onTheWay(String formId, Map<String, Object> drawn, Map<String, Object> known) {
        Map<String, Object> answer = new LinkedHashMap<>(drawn);
        answer.replaceAll((name, value) -> known.getOrDefault(name, value));
        if ("linkMunicipality".equals(formId)
                && !Objects.equals(answer.get("municipalityCode"), drawn.get("municipalityCode"))) {
            answer.put("linkReason", known.getOrDefault("linkReason", LINKED_BEFORE_THE_FORECAST));
        }
        return answer;
    }

    /** The answers for a form, or null for a form the forecast does not know (the run reports it). */
    Map<String, Object> answer(String formId, CaseDraws draws, Map<String, Object> variables, LocalDate today) {
        Map<String, Object> a = new LinkedHashMap<>();
        Scenario.Nationality nationality = draws.nationality();
        switch (formId) {
            case "identifyAndRegister" -> {
                a.put("identityEstablished", draws.chance(IDENTITY_ESTABLISHED));
                a.put("documentsPresent", draws.chance(DOCUMENTS_PRESENT));
                a.put("eurodacHitMemberState", draws.chance(nationality.eurodacHit()) ? draws.pick(MEMBER_STATES) : "");
                a.put("visaMemberState", "");
            }
            case "registrationInterview" -> {
                a.put(
                        "protectionInMemberState",
                        draws.chance(nationality.protectionInMemberState()) ? draws.pick(MEMBER_STATES) : "");
                a.put("medicalConcerns", draws.chance(MEDICAL_CONCERNS));
                a.put("familyInVa", draws.chance(FAMILY_IN_VA));
            }
            case "mainInterview" -> a.put("interpreterPresent", true);
            case "writtenHearing" -> a.put("questionnaireComplete", true);
            case "correctionsAndAdditions" -> a.put("correctionsReceived", draws.chance(0.5));
            case "assessApplication" -> {
                if (!"VA".equals(variables.get("procedure")) && draws.chance(nationality.extendedProcedure())) {
                    a.put("decisionOutcome", "EXTEND");
                    a.put("vaReason", "FURTHER_RESEARCH");
                } else {
                    a.put("decisionOutcome", draws.grantable() ? "GRANT" : "REJECT");
                }
            }
            // nearly every spouse or partner in nareis was one before the sponsor fled; the rest are refused by DMN
            // reunificationEligibility (the field is asked for every relation, read only for partners)
            case "registerReunificationApplication" -> a.put(RELATION_BEFORE_ENTRY, draws.chance(0.95));
            case "intendedDecision", "extendedInvestigation", "handleDeadlinePassed" -> {
                // nothing to choose: the handler records the step
            }
            case "decideApplication" -> a.put("decisionOutcome", draws.grantable() ? "GRANT" : "REJECT");
            case "submitDublinClaim" -> {
                String hit = text(variables.get("eurodacHitMemberState"));
                String protection = text(variables.get("protectionInMemberState"));
                a.put("claimType", hit.isEmpty() ? "TAKE_CHARGE" : "TAKE_BACK");
                a.put(
                        "requestedMemberState",
                        !hit.isEmpty() ? hit : !protection.isEmpty() ? protection : draws.pick(MEMBER_STATES));
            }
            case "reviewDecisionDeadline" -> a.put("extendDeadline", false);
            case "linkMunicipality" -> {
                // COA follows the quota's proposal (the housing module's municipalityCode), as the form suggests
                String proposed = text(variables.get("municipalityCode"));
                a.put("municipalityCode", proposed.matches("GM[0-9]{4}") ? proposed : FALLBACK_MUNICIPALITY);
            }
            case "offerHousing" ->
                a.put("housingKind", draws.chance(scenario.housing().temporaryShare()) ? "TEMPORARY" : "HOME");
            case "confirmMove", "confirmTemporaryMove", "confirmFinalHousing" -> a.put("moveDate", today.toString());
            case "appointGuardian" -> {
                String proposed = text(variables.get("proposedPlacement"));
                a.put("guardianAppointed", true);
                a.put("placement", proposed.isEmpty() ? "COA_AMV" : proposed);
            }
            case "assessFamilyTie" ->
                a.put("evidenceType", draws.pick(scenario.reunification().evidence()));
            case "recordDnaTest", "recordEmbassyInterview" ->
                a.put(
                        "evidenceOutcome",
                        draws.chance(scenario.reunification().evidenceConfirmed()) ? "CONFIRMED" : "NOT_CONFIRMED");
            case "decideReunification" ->
                a.put(
                        "reunificationOutcome",
                        !"NOT_CONFIRMED".equals(variables.get("evidenceOutcome"))
                                        && draws.chance(scenario.reunification().granted())
                                ? "GRANT"
                                : "REJECT");
            case "extendDecisionPeriod" -> a.put("extensionReason", "Onderzoek loopt nog");
            case "departureInterview" -> {
                CaseDraws.PlannedDeparture planned = draws.plannedDeparture(scenario.departure());
                a.put("willingToLeave", planned == CaseDraws.PlannedDeparture.INDEPENDENT);
                a.put("travelDocumentPresent", draws.chance(TRAVEL_DOCUMENT));
                a.put("familyWithMinorChildren", draws.chance(FAMILY_WITH_MINOR_CHILDREN));
            }
            case "arrangeIndependentDeparture" -> {
                a.put("iomSupportRequested", true);
                a.put("departed", draws.chance(scenario.departure().departedPerRound()));
            }
            case "arrangeForcedDeparture" -> {
                boolean forced = draws.plannedDeparture(scenario.departure()) == CaseDraws.PlannedDeparture.FORCED;
                boolean departed = forced && draws.chance(scenario.departure().departedPerRound());
                a.put("laissezPasserRequested", true);
                a.put("escortArranged", forced);
                a.put("departed", departed);
                a.put(
                        "proposeDetention",
                        forced && !departed && draws.chance(scenario.departure().detention()));
            }
            case "planTransfer" -> a.put("transferDate", today.plusDays(7).toString());
            case "executeTransfer" ->
                a.put("transferCompleted", draws.chance(scenario.dublin().transferCompleted()));
            case "proposeDetention" -> a.put("detentionGround", "RISK_OF_ABSCONDING");
            case "reviewDetention" -> a.put("extendDetention", false);
            default -> {
                return null;
            }
        }
        return a;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

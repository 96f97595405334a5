package nl.asylumchain.registration.process;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * trackAssignment in dmn/nationalityGroups.dmn: the track (spoor) of an application, with the required decisions
 * nationalityGroups (the safe-country and promising lists) and trackPolicy. Evaluated on the bare DMN engine.
 */
class TrackAssignmentDecisionTableTest {

    private static final String RESOURCE = "dmn/nationalityGroups.dmn";

    private static DmnEngine dmnEngine;
    private static DmnDecision trackAssignment;
    private static DmnDecision nationalityGroups;
    private static DmnDecision trackPolicy;

    @BeforeAll
    static void parseDecisions() throws Exception {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        List<DmnDecision> decisions = dmnEngine.parseDecisions(readModel());
        trackAssignment = byKey(decisions, "trackAssignment");
        nationalityGroups = byKey(decisions, "nationalityGroups");
        trackPolicy = byKey(decisions, "trackPolicy");
    }

    private static DmnModelInstance readModel() throws Exception {
        try (InputStream dmn =
                TrackAssignmentDecisionTableTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return Dmn.readModelFromStream(dmn);
        }
    }

    private static DmnDecision byKey(List<DmnDecision> decisions, String key) {
        return decisions.stream()
                .filter(d -> d.getKey().equals(key))
                .findFirst()
                .orElseThrow();
    }

    /** A first application of an Afghan with no Dublin or protection indications; tests change what they check. */
    private static Map<String, Object> application() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationType", "FIRST");
        variables.put("nationality", "AFG");
        variables.put("protectionInMemberState", "");
        variables.put("eurodacHitMemberState", "");
        variables.put("visaMemberState", "");
        variables.put("identityEstablished", true);
        return variables;
    }

    private static DmnDecisionResultEntries assign(Map<String, Object> variables) {
        return assign(trackAssignment, variables);
    }

    private static DmnDecisionResultEntries assign(DmnDecision decision, Map<String, Object> variables) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(decision, Variables.fromMap(variables));
        assertThat(result).hasSize(1);
        return result.getSingleResult();
    }

    private static void assertTrack(DmnDecisionResultEntries result, int track, String reason) {
        assertThat(result.<Integer>getEntry("track")).isEqualTo(track);
        assertThat(result.<String>getEntry("trackReason")).isEqualTo(reason);
    }

    private static boolean isSafeCountry(String nationality) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("nationality", nationality);
        return dmnEngine
                .evaluateDecision(nationalityGroups, Variables.fromMap(variables))
                .getSingleResult()
                .<Boolean>getEntry("safeCountry");
    }

    // --- trackAssignment, one test per rule ------------------------------------------------------------------

    @Test
    void protectionInAnotherMemberStateGoesToTrackTwo() {
        Map<String, Object> application = application();
        application.put("protectionInMemberState", "GR");
        assertTrack(assign(application), 2, "PROTECTION_IN_MEMBER_STATE");
    }

    @Test
    void aEurodacHitGoesToTrackOne() {
        Map<String, Object> application = application();
        application.put("eurodacHitMemberState", "DE");
        assertTrack(assign(application), 1, "EURODAC_HIT");
    }

    @Test
    void aVisaOfAnotherMemberStateGoesToTrackOne() {
        Map<String, Object> application = application();
        application.put("visaMemberState", "FR");
        assertTrack(assign(application), 1, "VISA_MEMBER_STATE");
    }

    @Test
    void aNationalOfASafeCountryOfOriginGoesToTrackTwo() {
        Map<String, Object> application = application();
        application.put("nationality", "MAR");
        assertTrack(assign(application), 2, "SAFE_COUNTRY");
    }

    @Test
    void everyOtherApplicationGoesToTheGeneralProcedureInTrackFour() {
        assertTrack(assign(application()), 4, "GENERAL");
    }

    @Test
    void tracksThreeAndFiveAreNotInUse() {
        assertThat(dmnEngine
                        .evaluateDecision(trackPolicy, Variables.createVariables())
                        .getSingleResult()
                        .getEntryMap())
                .containsEntry("trackThreeInUse", false)
                .containsEntry("trackFiveInUse", false);

        Map<String, Object> evidentlyGrantable = application();
        evidentlyGrantable.put("nationality", "SYR");
        assertTrack(assign(evidentlyGrantable), 4, "GENERAL");

        Map<String, Object> needsResearch = application();
        needsResearch.put("nationality", "SYR");
        needsResearch.put("identityEstablished", false);
        assertTrack(assign(needsResearch), 4, "GENERAL");
    }

    // --- order of the rules and boundaries --------------------------------------------------------------------

    @Test
    void protectionInAnotherMemberStateGoesBeforeDublinBecauseDublinDoesNotApplyToProtectionHolders() {
        Map<String, Object> application = application();
        application.put("protectionInMemberState", "GR");
        application.put("eurodacHitMemberState", "GR");
        assertTrack(assign(application), 2, "PROTECTION_IN_MEMBER_STATE");
    }

    @Test
    void aEurodacHitGoesBeforeAVisa() {
        Map<String, Object> application = application();
        application.put("eurodacHitMemberState", "DE");
        application.put("visaMemberState", "FR");
        assertTrack(assign(application), 1, "EURODAC_HIT");
    }

    @Test
    void dublinGoesBeforeSafeCountryOfOrigin() {
        Map<String, Object> application = application();
        application.put("nationality", "GEO");
        application.put("visaMemberState", "IT");
        assertTrack(assign(application), 1, "VISA_MEMBER_STATE");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "")
    void anEmptyTextAndNullBothMeanNoMemberState(String none) {
        Map<String, Object> application = application();
        application.put("protectionInMemberState", none);
        application.put("eurodacHitMemberState", none);
        application.put("visaMemberState", none);
        assertTrack(assign(application), 4, "GENERAL");
    }

    @Test
    void memberStatesThatWereNeverFilledInMeanNone() {
        Map<String, Object> application = application();
        application.remove("protectionInMemberState");
        application.remove("eurodacHitMemberState");
        application.remove("visaMemberState");
        application.remove("identityEstablished");
        assertTrack(assign(application), 4, "GENERAL");
    }

    @Test
    void aRepeatApplicationIsRoutedLikeAFirstOne() {
        Map<String, Object> application = application();
        application.put("applicationType", "REPEAT");
        application.put("eurodacHitMemberState", "BE");
        assertTrack(assign(application), 1, "EURODAC_HIT");
    }

    @Test
    void resettledRefugeesGoToTheGeneralProcedureWhateverTheirDublinOrSafeCountryIndications() {
        Map<String, Object> application = application();
        application.put("applicationType", "RESETTLEMENT");
        application.put("nationality", "SEN");
        application.put("eurodacHitMemberState", "DE");
        application.put("protectionInMemberState", "IT");
        assertTrack(assign(application), 4, "GENERAL");
    }

    @Test
    void ukrainiansAreNotTreatedAsFromASafeCountryWhileTheDesignationIsSuspended() {
        Map<String, Object> application = application();
        application.put("nationality", "UKR");
        assertTrack(assign(application), 4, "GENERAL");
    }

    // --- the trackPolicy switch -------------------------------------------------------------------------------

    @Test
    void flippingTheTrackPolicyCellSwitchesTrackThreeOn() throws Exception {
        DmnDecision switchedOn = trackAssignmentWithPolicy("trackThreeInUse", "true");

        Map<String, Object> evidentlyGrantable = application();
        evidentlyGrantable.put("nationality", "SYR");
        assertTrack(assign(switchedOn, evidentlyGrantable), 3, "EVIDENTLY_GRANTABLE");

        Map<String, Object> identityUnknown = application();
        identityUnknown.put("nationality", "SYR");
        identityUnknown.put("identityEstablished", false);
        assertTrack(assign(switchedOn, identityUnknown), 4, "GENERAL");

        Map<String, Object> dublin = application();
        dublin.put("nationality", "SYR");
        dublin.put("eurodacHitMemberState", "AT");
        assertTrack(assign(switchedOn, dublin), 1, "EURODAC_HIT");

        assertTrack(assign(switchedOn, application()), 4, "GENERAL");
    }

    @Test
    void flippingTheTrackPolicyCellSwitchesTrackFiveOn() throws Exception {
        DmnDecision switchedOn = trackAssignmentWithPolicy("trackFiveInUse", "true");

        Map<String, Object> identityUnknown = application();
        identityUnknown.put("nationality", "YEM");
        identityUnknown.put("identityEstablished", false);
        assertTrack(assign(switchedOn, identityUnknown), 5, "FURTHER_RESEARCH_NEEDED");

        Map<String, Object> identityEstablished = application();
        identityEstablished.put("nationality", "YEM");
        assertTrack(assign(switchedOn, identityEstablished), 4, "GENERAL");
    }

    /** What a designer does in Camunda Modeler: set one output cell of the trackPolicy table. */
    private static DmnDecision trackAssignmentWithPolicy(String output, String value) throws Exception {
        DmnModelInstance model = readModel();
        Decision policy = model.getModelElementById("trackPolicy");
        DecisionTable table = (DecisionTable) policy.getExpression();
        List<Output> outputs = List.copyOf(table.getOutputs());
        int column = outputs.indexOf(outputs.stream()
                .filter(o -> o.getName().equals(output))
                .findFirst()
                .orElseThrow());
        Rule rule = table.getRules().iterator().next();
        OutputEntry cell = List.copyOf(rule.getOutputEntries()).get(column);
        assertThat(cell.getText().getTextContent()).isEqualTo("false");
        cell.getText().setTextContent(value);
        return dmnEngine.parseDecision("trackAssignment", model);
    }

    // --- the safe-country column of nationalityGroups -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALB", "ARM", "BIH", "BRA", "GEO", "GHA", "IND", "JAM", "XKX", "MAR", "MNG", "MNE", "MKD", "SEN", "SRB",
                "TTO", "TUN", "USA"
            })
    void countriesOnTheDutchListAreSafeCountriesOfOrigin(String nationality) {
        assertThat(isSafeCountry(nationality)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA",
                "LVA", "LTU", "LUX", "MLT", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"
            })
    void memberStatesOfTheEuropeanUnionAreSafeCountriesOfOrigin(String nationality) {
        assertThat(isSafeCountry(nationality)).isTrue();
    }

    @Test
    void ukraineIsNotASafeCountryWhileItsDesignationIsSuspended() {
        assertThat(isSafeCountry("UKR")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYR", "AFG", "ERI", "DZA", "MDA", "TUR", "XXA", "XXX", "alb", ""})
    void everyOtherNationalityStatelessnessAndUnknownAreNotSafe(String nationality) {
        assertThat(isSafeCountry(nationality)).isFalse();
    }

    @Test
    void aMissingNationalityIsNotSafe() {
        assertThat(isSafeCountry(null)).isFalse();
    }
}

package nl.asylumchain.decision.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dmn/nationalityGroups.dmn: one list of nationality groups (safe country of origin, the priority list, promising
 * nationalities, the written-hearing list, countries under reassessment) that trackAssignment, casePriority,
 * hearingMode and holdCategory require in one DRD, so that a process designer changes a group in one row and every
 * decision follows.
 */
class NationalityGroupsDecisionTableTest {

    private static final String RESOURCE = "dmn/nationalityGroups.dmn";

    /** A quoted ISO 3166-1 alpha-3 code in a cell, as a copy of a list would have it. */
    private static final Pattern QUOTED_CODE = Pattern.compile("\"([A-Z]{3})\"");

    /** Country codes (ISO 3166 alpha-3), so that a location type such as "VBL" or "AZC" is not taken for one. */
    private static final Set<String> COUNTRY_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    @ParameterizedTest(name = "{0}: safe {1}, priority {2}, promising {3}, written hearing {4}, reassessment {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                "MAR, true,  false, false, false, false",
                "DEU, true,  false, false, false, false",
                "XKX, true,  false, false, false, false",
                "UKR, false, false, false, false, false",
                "DZA, false, true,  false, false, false",
                "MDA, false, true,  false, false, false",
                "SYR, false, false, true,  true,  true",
                "YEM, false, false, true,  true,  false",
                "TUR, false, false, true,  true,  false",
                "AFG, false, false, false, false, false",
                "XXA, false, false, false, false, false",
                "null, false, false, false, false, false"
            })
    void eachNationalityIsInTheGroupsOfItsRow(
            String nationality,
            boolean safe,
            boolean priority,
            boolean promising,
            boolean writtenHearing,
            boolean reassessment) {
        assertThat(DecisionTables.parse(RESOURCE, "nationalityGroups").evaluate("nationality", nationality))
                .containsEntry("safeCountry", safe)
                .containsEntry("priorityList", priority)
                .containsEntry("promisingList", promising)
                .containsEntry("writtenHearingList", writtenHearing)
                .containsEntry("countryReassessment", reassessment);
    }

    @Test
    void noDecisionButNationalityGroupsListsNationalities() throws IOException {
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("dmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                DmnModelInstance model;
                try (InputStream in = Files.newInputStream(file)) {
                    model = Dmn.readModelFromStream(in);
                }
                for (Decision decision : model.getModelElementsByType(Decision.class)) {
                    if (decision.getId().equals("nationalityGroups")
                            || !(decision.getExpression() instanceof DecisionTable table)) {
                        continue;
                    }
                    for (Input input : table.getInputs()) {
                        if (input.getInputExpression()
                                .getText()
                                .getTextContent()
                                .strip()
                                .equals("nationality")) {
                            copies.add(file + " " + decision.getId() + " reads nationality");
                        }
                    }
                    for (InputEntry cell : model.getModelElementsByType(InputEntry.class)) {
                        if (isIn(cell, decision)
                                && QUOTED_CODE
                                        .matcher(cell.getText().getTextContent())
                                        .results()
                                        .anyMatch(code -> COUNTRY_CODES.contains(code.group(1)))) {
                            copies.add(file + " " + decision.getId() + " " + cell.getId());
                        }
                    }
                }
            }
        }
        assertThat(copies).as("nationality codes outside nationalityGroups").isEmpty();
    }

    @Test
    void aNationalityAddedOnceToTheListsChangesEveryDecisionThatUsesThem() {
        String today = DecisionTables.read(RESOURCE);
        String changed = switchedOn(today)
                .replace(
                        "      <rule id=\"Rule_NationalityGroups_Other\">",
                        row("NGA", true, false, false, false) + row("IRQ", false, true, false, false)
                                + row("ERI", false, false, true, true)
                                + "      <rule id=\"Rule_NationalityGroups_Other\">");
        assertThat(changed).as("one row per nationality added, nothing else").hasSizeGreaterThan(today.length());

        // before: with the policy switches on, none of the three is in a group
        assertThat(track(switchedOn(today), "NGA")).isEqualTo("4 GENERAL");
        assertThat(priority(switchedOn(today), "IRQ")).isEqualTo("50 STANDARD");
        assertThat(track(switchedOn(today), "ERI")).isEqualTo("4 GENERAL");
        assertThat(priority(switchedOn(today), "ERI")).isEqualTo("50 STANDARD");
        assertThat(hearing(switchedOn(today), "ERI")).isEqualTo("PHYSICAL");

        // after: each decision that uses a group follows the rows
        assertThat(track(changed, "NGA")).isEqualTo("2 SAFE_COUNTRY");
        assertThat(priority(changed, "IRQ")).isEqualTo("80 LOW_RECOGNITION_NATIONALITY");
        assertThat(track(changed, "ERI")).isEqualTo("3 EVIDENTLY_GRANTABLE");
        assertThat(priority(changed, "ERI")).isEqualTo("60 PROMISING_NATIONALITY");
        assertThat(hearing(changed, "ERI")).isEqualTo("WRITTEN");
    }

    @Test
    void takingANationalityOffTheSafeListOnceTakesItOutOfTrackTwo() {
        String changed = DecisionTables.read(RESOURCE)
                .replace(
                        "<outputEntry id=\"Rule_NationalityGroups_MAR_SafeCountry\">\n          <text>true</text>",
                        "<outputEntry id=\"Rule_NationalityGroups_MAR_SafeCountry\">\n          <text>false</text>");

        assertThat(track(DecisionTables.read(RESOURCE), "MAR")).isEqualTo("2 SAFE_COUNTRY");
        assertThat(track(changed, "MAR")).isEqualTo("4 GENERAL");
    }

    private static boolean isIn(InputEntry cell, Decision decision) {
        return cell.getParentElement().getParentElement().getParentElement().equals(decision);
    }

    /** Tracks 3 and 5 and the written-hearing project switched on, so that every group column is read. */
    private static String switchedOn(String xml) {
        return xml.replace(
                        "<outputEntry id=\"Rule_TrackPolicy_Current_TrackThreeInUse\">\n          <text>false</text>",
                        "<outputEntry id=\"Rule_TrackPolicy_Current_TrackThreeInUse\">\n          <text>true</text>")
                .replace(
                        "<outputEntry id=\"Rule_WrittenHearingPolicy_Current_WrittenHearingInUse\">\n          "
                                + "<text>false</text>",
                        "<outputEntry id=\"Rule_WrittenHearingPolicy_Current_WrittenHearingInUse\">\n          "
                                + "<text>true</text>");
    }

    /** What a designer adds in Camunda Modeler: one row of the nationalityGroups table. */
    private static String row(String code, boolean safe, boolean priority, boolean promising, boolean written) {
        String id = "Rule_NationalityGroups_" + code;
        return "      <rule id=\"" + id + "\">\n"
                + "        <inputEntry id=\"" + id + "_Nationality\"><text>\"" + code + "\"</text></inputEntry>\n"
                + cell(id + "_SafeCountry", safe) + cell(id + "_PriorityList", priority)
                + cell(id + "_PromisingList", promising) + cell(id + "_WrittenHearingList", written)
                + cell(id + "_CountryReassessment", false)
                + "      </rule>\n";
    }

    private static String cell(String id, boolean value) {
        return "        <outputEntry id=\"" + id + "\"><text>" + value + "</text></outputEntry>\n";
    }

    private static String track(String xml, String nationality) {
        var result = DecisionTables.parseXml(xml, "trackAssignment")
                .evaluate(
                        "applicationType",
                        "FIRST",
                        "nationality",
                        nationality,
                        "protectionInMemberState",
                        "",
                        "eurodacHitMemberState",
                        "",
                        "visaMemberState",
                        "",
                        "identityEstablished",
                        true);
        return result.get("track") + " " + result.get("trackReason");
    }

    private static String priority(String xml, String nationality) {
        var result = DecisionTables.parseXml(xml, "casePriority")
                .evaluate(
                        "track", 4, "nationality", nationality, "unaccompaniedMinor", false, "medicalConcerns", false);
        return result.get("priority") + " " + result.get("priorityReason");
    }

    private static String hearing(String xml, String nationality) {
        return (String) DecisionTables.parseXml(xml, "hearingMode")
                .evaluate("nationality", nationality, "trackReason", "GENERAL")
                .get("hearingMode");
    }
}

package nl.asylumchain.decision.process;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** dmn/decisionPeriods.dmn: the statutory period, the day of the decision, the extension steps, group extensions. */
public class DecisionPeriodsDecisionTableTest {

    private static final String FILE = "dmn/decisionPeriods.dmn";
    private static final DecisionTables PERIODS = DecisionTables.parse(FILE, "decisionPeriods");
    private static final DecisionTables EXTENSION = DecisionTables.parse(FILE, "decisionPeriodExtension");
    private static final DecisionTables GROUP = DecisionTables.parse(FILE, "groupExtension");

    @ParameterizedTest(name = "spoor {0}, {1}: decision within {2}")
    @CsvSource({"2, AA,  P8D", "2, AA_PLUS, P8D", "4, AA,  P6D", "4, AA_PLUS, P9D", "1, AA,  P6D"})
    void spoorTwoDecidesWithinEightDaysTheAaOnDaySixTheAaPlusOnDayNine(int track, String procedure, String within) {
        assertThat(PERIODS.evaluate("track", track, "procedure", procedure))
                .containsEntry("decisionPeriod", "P6M")
                .containsEntry("decideWithin", within);
    }

    @ParameterizedTest(
            name = "spoor {0}, {1}: warn 4 weeks ahead, penalties 2 weeks after a notice, 8 weeks to decide again")
    @CsvSource({"2, AA", "4, AA", "4, AA_PLUS", "4, VA", "1, AA"})
    void theWarningTheNoticeOfDefaultPeriodAndTheTermAfterAnAnnulmentAreInTheTable(int track, String procedure) {
        assertThat(PERIODS.evaluate("track", track, "procedure", procedure))
                .containsEntry("warningBefore", "P4W")
                .containsEntry("noticeOfDefaultPeriod", "P2W")
                .containsEntry("redecisionPeriod", "P8W");
    }

    @Test
    void theVaHasNoDayOfItsOwnOnlyTheSixMonths() {
        assertThat(PERIODS.evaluate("track", 4, "procedure", "VA"))
                .containsEntry("decisionPeriod", "P6M")
                .doesNotContainKey("decideWithin");
    }

    @ParameterizedTest(name = "step 1 on {0}: 9 months")
    @CsvSource({"COMPLEX_CASE", "MANY_APPLICATIONS", "APPLICANT_FAULT"})
    void theFirstExtensionIsNineMonthsOnAGroundOfArticle42Paragraph4(String ground) {
        assertThat(EXTENSION.evaluate("extensionStep", 1, "extensionGround", ground))
                .containsEntry("extension", "P9M");
    }

    @Test
    void theSecondExtensionIsThreeMonthsInExceptionalCircumstancesOnly() {
        assertThat(EXTENSION.evaluate("extensionStep", 2, "extensionGround", "EXCEPTIONAL_CIRCUMSTANCES"))
                .containsEntry("extension", "P3M");
        assertThat(EXTENSION.evaluateOrNull("extensionStep", 2, "extensionGround", "COMPLEX_CASE"))
                .isNull();
        assertThat(EXTENSION.evaluateOrNull("extensionStep", 1, "extensionGround", "EXCEPTIONAL_CIRCUMSTANCES"))
                .isNull();
    }

    @ParameterizedTest(name = "step 3 on {0}: refused")
    @CsvSource({"COMPLEX_CASE", "MANY_APPLICATIONS", "APPLICANT_FAULT", "EXCEPTIONAL_CIRCUMSTANCES"})
    void thereIsNoThirdExtension(String ground) {
        assertThat(EXTENSION.evaluateOrNull("extensionStep", 3, "extensionGround", ground))
                .isNull();
    }

    @ParameterizedTest(name = "applied {0}, spoor {1}: no group extension")
    @CsvSource({"2022-09-27, 4", "2023-06-01, 4", "2024-01-01, 2", "2026-11-20, 4"})
    void noCategoryWideExtensionIsInForce(LocalDate applied, int track) {
        assertThat(GROUP.evaluate("applicationDate", applied, "track", track))
                .doesNotContainKeys("extension", "extensionBasis");
    }

    @ParameterizedTest(name = "applied {0}, spoor {1}: {2}")
    @CsvSource({"2026-10-31, 4, ", "2026-11-01, 4, P9M", "2026-11-30, 4, P9M", "2026-12-01, 4, ", "2026-11-15, 2, "})
    void aGroupRowCoversTheApplicationsOfItsPeriodAndTrackOnly(LocalDate applied, int track, String extension) {
        DecisionTables group = DecisionTables.parseXml(withGroupRow(DecisionTables.read(FILE)), "groupExtension");
        assertThat(group.evaluate("applicationDate", applied, "track", track).get("extension"))
                .isEqualTo(extension);
    }

    /** The basis the group row below names, as the case file shows it. */
    public static final String GROUP_ROW_BASIS = "Besluit generieke verlenging november 2026";

    /** The shipped file with one group extension, as a designer would add it: spoor 4, applied in November 2026. */
    public static String withGroupRow(String dmn) {
        String row = """
                      <rule id="Rule_GroupExtension_November2026">
                        <description>Testgroep</description>
                        <inputEntry id="Rule_GroupExtension_November2026_ApplicationDate">
                          <text>[date("2026-11-01")..date("2026-11-30")]</text>
                        </inputEntry>
                        <inputEntry id="Rule_GroupExtension_November2026_Track">
                          <text>4</text>
                        </inputEntry>
                        <outputEntry id="Rule_GroupExtension_November2026_Extension">
                          <text>"P9M"</text>
                        </outputEntry>
                        <outputEntry id="Rule_GroupExtension_November2026_ExtensionBasis">
                          <text>"Besluit generieke verlenging november 2026"</text>
                        </outputEntry>
                      </rule>
                """;
        String anchor = "      <rule id=\"Rule_GroupExtension_None\">";
        assertThat(dmn).contains(anchor);
        return dmn.replace(anchor, row + anchor);
    }
}

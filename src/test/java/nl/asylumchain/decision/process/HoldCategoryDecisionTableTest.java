package nl.asylumchain.decision.process;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * holdCategory in the dmn/nationalityGroups.dmn DRD: the policy-hold categories (Vw 2000 art. 43) a case belongs to,
 * its nationality read through the nationalityGroups column countryReassessment, and the categories a hold may name
 * (the table's declared output values, read by {@link HoldCategoryTable}).
 */
class HoldCategoryDecisionTableTest {

    private static final DmnEngine ENGINE =
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static List<Object> categories(String xml, String nationality, Boolean temporaryProtectionUkraine) {
        DmnDecision decision = ENGINE.parseDecision(
                HoldCategoryTable.DECISION_KEY, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return ENGINE.evaluateDecisionTable(
                        decision,
                        Variables.createVariables()
                                .putValue("nationality", nationality)
                                .putValue("temporaryProtectionUkraine", temporaryProtectionUkraine))
                .collectEntries(HoldCategoryTable.OUTPUT_CATEGORY);
    }

    private static final String TABLE = DecisionTables.read(HoldCategoryTable.MODEL_RESOURCE);

    @ParameterizedTest(name = "{0}, protection in Ukraine {1}: {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "AFG; true;  TEMPORARY_PROTECTION_UKRAINE",
                "SYR; false; COUNTRY_REASSESSMENT",
                "SYR; true;  TEMPORARY_PROTECTION_UKRAINE COUNTRY_REASSESSMENT",
                "AFG; false; ''",
                "YEM; false; ''",
                "SYR; ;      COUNTRY_REASSESSMENT",
                ";    true;  TEMPORARY_PROTECTION_UKRAINE"
            })
    void aCaseBelongsToEveryCategoryWhoseRuleItsFactsMeet(String nationality, Boolean protection, String expected) {
        List<String> categories = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(categories(TABLE, nationality, protection)).containsExactlyElementsOf(categories);
    }

    @Test
    void theCategoriesAHoldMayNameAreTheTablesOutputValues() {
        assertThat(HoldCategoryTable.declaredIn(
                        Dmn.readModelFromStream(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)))))
                .containsExactlyInAnyOrder("TEMPORARY_PROTECTION_UKRAINE", "COUNTRY_REASSESSMENT");
    }

    @ParameterizedTest(name = "{0}: moratorium {1}")
    @CsvSource({"TEMPORARY_PROTECTION_UKRAINE, true", "COUNTRY_REASSESSMENT, true", "COURT_RULING_PENDING, false"})
    void bothShippedCategoriesAreDecisionMoratoriaAndACategoryWithoutARowIsNot(String category, boolean moratorium) {
        DmnDecision table = ENGINE.parseDecision(
                HoldCategoryTable.MORATORIUM_KEY, new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
        assertThat(ENGINE.evaluateDecisionTable(
                                table, Variables.createVariables().putValue("category", category))
                        .<Boolean>getSingleEntry())
                .isEqualTo(moratorium);
    }

    @Test
    void aNationalityTickedInTheReassessmentColumnOfTheGroupsBelongsToCountryReassessment() {
        String withYemen = TABLE.replace(
                "<outputEntry id=\"Rule_NationalityGroups_YEM_CountryReassessment\">\n          <text>false</text>",
                "<outputEntry id=\"Rule_NationalityGroups_YEM_CountryReassessment\">\n          <text>true</text>");
        assertThat(withYemen).isNotEqualTo(TABLE);

        assertThat(categories(TABLE, "YEM", false)).isEmpty();
        assertThat(categories(withYemen, "YEM", false)).containsExactly("COUNTRY_REASSESSMENT");
    }

    @Test
    void aCategoryAddedInTheTableIsOneAHoldMayNameAndItsCasesBelongToIt() {
        String withCourtRuling = TABLE.replace(
                        "\"COUNTRY_REASSESSMENT\"</text>\n        </outputValues>",
                        "\"COUNTRY_REASSESSMENT\",\"COURT_RULING_PENDING\"</text>\n        </outputValues>")
                .replace("    </decisionTable>\n  </decision>\n  <dmndi:DMNDI>", """
                              <rule id="Rule_HoldCategory_CourtRulingPending">
                                <inputEntry id="Rule_HoldCategory_CourtRulingPending_CountryReassessment"><text>-</text></inputEntry>
                                <inputEntry id="Rule_HoldCategory_CourtRulingPending_Protection"><text>true</text></inputEntry>
                                <outputEntry id="Rule_HoldCategory_CourtRulingPending_Category"><text>"COURT_RULING_PENDING"</text></outputEntry>
                              </rule>
                            </decisionTable>
                          </decision>
                          <dmndi:DMNDI>""");
        assertThat(withCourtRuling).contains("Rule_HoldCategory_CourtRulingPending");

        assertThat(HoldCategoryTable.declaredIn(Dmn.readModelFromStream(
                        new ByteArrayInputStream(withCourtRuling.getBytes(StandardCharsets.UTF_8)))))
                .contains("COURT_RULING_PENDING");
        assertThat(categories(withCourtRuling, "AFG", true))
                .containsExactly("TEMPORARY_PROTECTION_UKRAINE", "COURT_RULING_PENDING");
    }
}

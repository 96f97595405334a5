package nl.asylumchain.decision.process;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * dmn/holdCategory.dmn: the policy-hold categories (Vw 2000 art. 43) a case belongs to, and the categories a hold may
 * name (the table's declared output values, read by {@link HoldCategoryTable}).
 */
class HoldCategoryDecisionTableTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static List<Object> categories(String xml, String nationality, Boolean temporaryProtectionUkraine) {
        DmnDecision decision = ENGINE.parseDecision(HoldCategoryTable.DECISION_KEY,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return ENGINE.evaluateDecisionTable(decision, Variables.createVariables()
                        .putValue("nationality", nationality)
                        .putValue("temporaryProtectionUkraine", temporaryProtectionUkraine))
                .collectEntries(HoldCategoryTable.OUTPUT_CATEGORY);
    }

    private static final String TABLE = DecisionTables.read(HoldCategoryTable.MODEL_RESOURCE);

    @ParameterizedTest(name = "{0}, protection in Ukraine {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "AFG; true;  TEMPORARY_PROTECTION_UKRAINE",
            "SYR; false; COUNTRY_REASSESSMENT_SYRIA",
            "SYR; true;  TEMPORARY_PROTECTION_UKRAINE COUNTRY_REASSESSMENT_SYRIA",
            "AFG; false; ''",
            "SYR; ;      COUNTRY_REASSESSMENT_SYRIA"})
    void aCaseBelongsToEveryCategoryWhoseRuleItsFactsMeet(String nationality, Boolean protection, String expected) {
        List<String> categories = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(categories(TABLE, nationality, protection)).containsExactlyElementsOf(categories);
    }

    @Test
    void theCategoriesAHoldMayNameAreTheTablesOutputValues() {
        assertThat(HoldCategoryTable.declaredIn(Dmn.readModelFromStream(
                new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)))))
                .containsExactlyInAnyOrder("TEMPORARY_PROTECTION_UKRAINE", "COUNTRY_REASSESSMENT_SYRIA");
    }

    @Test
    void aCategoryAddedInTheTableIsOneAHoldMayNameAndItsCasesBelongToIt() {
        String withYemen = TABLE
                .replace("\"COUNTRY_REASSESSMENT_SYRIA\"</text>\n        </outputValues>",
                        "\"COUNTRY_REASSESSMENT_SYRIA\",\"COUNTRY_REASSESSMENT_YEMEN\"</text>\n        </outputValues>")
                .replace("    </decisionTable>", """
                          <rule id="Rule_HoldCategory_CountryReassessmentYemen">
                            <inputEntry id="Rule_HoldCategory_Yemen_Nationality"><text>"YEM"</text></inputEntry>
                            <inputEntry id="Rule_HoldCategory_Yemen_Protection"><text>-</text></inputEntry>
                            <outputEntry id="Rule_HoldCategory_Yemen_Category"><text>"COUNTRY_REASSESSMENT_YEMEN"</text></outputEntry>
                          </rule>
                        </decisionTable>""");

        assertThat(HoldCategoryTable.declaredIn(Dmn.readModelFromStream(
                new ByteArrayInputStream(withYemen.getBytes(StandardCharsets.UTF_8)))))
                .contains("COUNTRY_REASSESSMENT_YEMEN");
        assertThat(categories(withYemen, "YEM", false)).containsExactly("COUNTRY_REASSESSMENT_YEMEN");
    }
}

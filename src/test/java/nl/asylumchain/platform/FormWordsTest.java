package nl.asylumchain.platform;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.casefile.ApplicationType;
import nl.asylumchain.casefile.ArrivalLocation;
import nl.asylumchain.decision.IndOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a handler sees on a task form: words, not the codes the process routes on. A variable whose values are
 * codes is shown read-only as a select with a Dutch label per code (Tasklist shows the label of the stored value),
 * never printed raw in a text line or a read-only text field.
 */
class FormWordsTest {

    /** The code-valued variables and every code each can hold. */
    private static final Map<String, List<String>> CODES = Map.of(
            "indOutcome", names(IndOutcome.values()),
            "applicationType", names(ApplicationType.values()),
            "arrivalLocation", names(ArrivalLocation.values()),
            "departurePeriod", List.of("P28D", "P0D"),
            "trackReason",
                    List.of(
                            "PROTECTION_IN_MEMBER_STATE",
                            "EURODAC_HIT",
                            "VISA_MEMBER_STATE",
                            "SAFE_COUNTRY",
                            "EVIDENTLY_GRANTABLE",
                            "FURTHER_RESEARCH_NEEDED",
                            "GENERAL",
                            "DUBLIN_TRANSFER_DEADLINE_PASSED"),
            "proposedPlacement", List.of("NIDOS_FOSTER", "COA_AMV"),
            "nationality", nationalities());

    /** Where the forms show those variables to the handler (they did before, as codes). */
    private static final Map<String, Set<String>> SHOWN = Map.of(
            "departureInterview", Set.of("indOutcome", "departurePeriod"),
            "identifyAndRegister", Set.of("applicationType", "arrivalLocation", "nationality"),
            "registrationInterview", Set.of("applicationType", "arrivalLocation", "nationality"),
            "decideApplication", Set.of("trackReason", "nationality"),
            "mainInterview", Set.of("trackReason", "nationality"),
            "submitDublinClaim", Set.of("trackReason", "nationality"),
            "appointGuardian", Set.of("proposedPlacement"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReadOnlyCodeIsShownAsADutchLabelForEveryCodeItCanHold() throws IOException {
        Map<String, List<JsonNode>> forms = components();
        SHOWN.forEach((form, keys) -> assertThat(forms.get(form))
                .as(form)
                .filteredOn(c -> c.path("readonly").asBoolean(false))
                .extracting(c -> c.path("key").asText())
                .containsAll(keys));
        forms.forEach((form, components) -> components.stream()
                .filter(c -> CODES.containsKey(c.path("key").asText())
                        && c.path("readonly").asBoolean(false))
                .forEach(c -> {
                    String field = form + "." + c.path("key").asText();
                    assertThat(c.path("type").asText()).as(field).isIn("select", "radio");
                    Map<String, String> labels = new LinkedHashMap<>();
                    c.path("values")
                            .forEach(v -> labels.put(
                                    v.path("value").asText(), v.path("label").asText()));
                    assertThat(labels)
                            .as(field)
                            .containsOnlyKeys(CODES.get(c.path("key").asText()));
                    labels.forEach((code, label) -> assertThat(label)
                            .as(field + " " + code)
                            .isNotBlank()
                            .isNotEqualTo(code)
                            .doesNotContain("_"));
                }));
    }

    @Test
    void noTextLinePrintsACodeValuedVariable() throws IOException {
        components()
                .forEach((form, components) -> components.stream()
                        .filter(c -> "text".equals(c.path("type").asText()))
                        .forEach(c -> {
                            for (String key : CODES.keySet()) {
                                assertThat(c.path("text").asText()).as(form).doesNotContain("{{" + key + "}}");
                            }
                            // the CBS code alone means nothing to a handler; municipalityName is "0363 Amsterdam"
                            assertThat(c.path("text").asText()).as(form).doesNotContain("{{municipalityCode}}");
                        }));
    }

    @Test
    void aLabelledReadOnlyFieldSentBackUnchangedIsAcceptedAndAChangedOneIsNot() {
        TaskForm interview = TaskFormChecks.load(new PathMatchingResourcePatternResolver(), json)
                .get("departureInterview");
        Map<String, Object> current = Map.of("indOutcome", "REJECTED", "departurePeriod", "P28D");

        assertThat(interview.foreign(
                        Map.of("indOutcome", "REJECTED", "departurePeriod", "P28D", "willingToLeave", true),
                        current::get))
                .isEmpty();
        assertThat(interview.foreign(Map.of("indOutcome", "PERMIT_GRANTED", "departurePeriod", "P28D"), current::get))
                .containsExactly(new FieldError("indOutcome", "is read-only on form departureInterview"));
        assertThat(interview.fields()).extracting(TaskForm.Field::key).doesNotContain("indOutcome", "departurePeriod");
    }

    private Map<String, List<JsonNode>> components() throws IOException {
        Map<String, List<JsonNode>> forms = new LinkedHashMap<>();
        File[] files = new File("bpmn/forms").listFiles((dir, name) -> name.endsWith(".form"));
        assertThat(files).isNotEmpty();
        for (File file : files) {
            List<JsonNode> all = new ArrayList<>();
            collect(json.readTree(file).path("components"), all);
            forms.put(file.getName().replace(".form", ""), all);
        }
        return forms;
    }

    private static void collect(JsonNode components, List<JsonNode> all) {
        for (JsonNode component : components) {
            all.add(component);
            collect(component.path("components"), all);
        }
    }

    /**
     * Every nationality the case file accepts (IsoNationality: ISO 3166-1 alpha-3 and the ICAO codes for the
     * stateless, refugees and unknown, and XKX for Kosovo), so that a form shows a Dutch country name for each.
     */
    private static List<String> nationalities() {
        List<String> codes = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.addAll(List.of("XXA", "XXB", "XXC", "XXX", "XKX"));
        return List.copyOf(codes);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

package nl.asylumchain.demo.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.asylumchain.platform.FormSchema;

import static org.assertj.core.api.Assertions.assertThat;

class FormAnswersTest {

    private final ObjectMapper json = new ObjectMapper();
    private static final FormAnswers.Shares SHARES = new FormAnswers.Shares(0.6, 0.15, 0.05, 0.8, 0.9, 0.1);

    private FormAnswers answers(Map<String, Object> caseVariables) {
        return new FormAnswers(new SplittableRandom(7), SHARES, LocalDate.of(2026, 11, 28), caseVariables::get);
    }

    private FormSchema form(Path file) throws IOException {
        return FormSchema.of(json.readTree(file.toFile()));
    }

    private FormSchema form(String schema) throws IOException {
        return FormSchema.of(json.readTree(schema));
    }

    @Test
    void everyFormOfTheChainGetsAnAnswerForEachFieldAHandlerFillsIn() throws Exception {
        try (var forms = Files.list(Path.of("bpmn/forms"))) {
            for (Path form : forms.toList()) {
                JsonNode schema = json.readTree(form.toFile());
                var answer = answers(Map.of()).answer(FormSchema.of(schema));
                assertThat(answer).as(form.toString()).isPresent();
                for (JsonNode field : schema.findParents("key")) {
                    String key = field.path("key").asText();
                    if (field.path("readonly").asBoolean(false)) {
                        // shown, not answered: completing a task may not change it
                        assertThat(answer.get()).as(form + " leaves " + key).doesNotContainKey(key);
                    } else {
                        assertThat(answer.get()).as(form + " answers " + key).containsKey(key);
                    }
                }
            }
        }
    }

    @Test
    void decisionOutcomesFollowTheGrantShare() throws Exception {
        FormSchema form = form(Path.of("bpmn/forms/decideApplication.form"));
        FormAnswers answers = answers(Map.of());
        int granted = 0;
        for (int i = 0; i < 1000; i++) {
            if ("GRANT".equals(answers.answer(form).orElseThrow().get("decisionOutcome"))) {
                granted++;
            }
        }
        assertThat(granted).isBetween(540, 660);
    }

    @Test
    void theAssessmentRefersAShareToTheVaButNotACaseAlreadyInIt() throws Exception {
        FormSchema assessment = form(Path.of("bpmn/forms/assessApplication.form"));
        FormSchema decision = form(Path.of("bpmn/forms/decideApplication.form"));
        assertThat(referrals(answers(Map.of("procedure", "AA")), assessment)).isBetween(70, 130);
        assertThat(referrals(answers(Map.of("procedure", "VA")), assessment)).isZero();
        assertThat(referrals(answers(Map.of("procedure", "AA")), decision))
                .as("the decision offers no VA")
                .isZero();
    }

    private static int referrals(FormAnswers answers, FormSchema form) {
        int referred = 0;
        for (int i = 0; i < 1000; i++) {
            if ("EXTEND".equals(answers.answer(form).orElseThrow().get("decisionOutcome"))) {
                referred++;
            }
        }
        return referred;
    }

    @Test
    void mostPeopleLeaveOnTheRouteTheirInterviewSet() throws Exception {
        FormSchema form = form(Path.of("bpmn/forms/arrangeIndependentDeparture.form"));
        FormAnswers answers = answers(Map.of("indOutcome", "REJECTED"));
        int departed = 0;
        for (int i = 0; i < 200; i++) {
            if (Boolean.TRUE.equals(answers.answer(form).orElseThrow().get("departed"))) {
                departed++;
            }
        }
        assertThat(departed).isBetween(110, 170);
    }

    @Test
    void aFormWithARequiredFieldItCannotFillGetsNoAnswer() throws Exception {
        FormSchema form = form("""
                {"components": [
                  {"type": "checkbox", "key": "known", "defaultValue": false},
                  {"type": "textfield", "key": "courtCaseNumber",
                   "validate": {"required": true, "pattern": "^AWB [0-9]{2}/[0-9]+$"}}]}""");
        assertThat(answers(Map.of()).answer(form)).isEmpty();
    }

    @Test
    void unknownFieldsGetWhatTheirTypeAllows() throws Exception {
        FormSchema form = form("""
                {"components": [{"type": "group", "components": [
                  {"type": "select", "key": "holdReason", "values": [{"label": "a", "value": "MORATORIUM"}],
                   "validate": {"required": true}},
                  {"type": "number", "key": "extensionMonths", "validate": {"min": 3}},
                  {"type": "textfield", "key": "note"},
                  {"type": "datetime", "key": "hearingDate"}]}]}""");
        assertThat(answers(Map.of()).answer(form))
                .contains(Map.of(
                        "holdReason", "MORATORIUM", "extensionMonths", 3, "note", "", "hearingDate", "2026-11-28"));
    }
}

package nl.asylumchain.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** One reading of a Camunda Form for everything that reads forms: the server's checks and the demo traffic. */
class FormSchemaTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fieldsInGroupsAreReadInTheirOrderWithTheirRules() throws Exception {
        FormSchema form = FormSchema.of(json.readTree("""
                {"id": "probe", "components": [
                  {"type": "text", "text": "Zaak"},
                  {"type": "textfield", "key": "caseId", "readonly": true},
                  {"type": "group", "components": [
                    {"type": "select", "key": "holdReason", "validate": {"required": true},
                     "values": [{"label": "Moratorium", "value": "MORATORIUM"}, {"label": "Anders", "value": "OTHER"}]},
                    {"type": "number", "key": "extensionMonths", "defaultValue": 6, "validate": {"min": 3}},
                    {"type": "textfield", "key": "court", "conditional": {"hide": "=x"},
                     "validate": {"pattern": "^AWB", "validationType": "custom"}}]}]}"""));

        assertThat(form.id()).isEqualTo("probe");
        assertThat(form.fields())
                .extracting(FormSchema.Field::key)
                .containsExactly("caseId", "holdReason", "extensionMonths", "court");
        FormSchema.Field caseId = form.fields().get(0);
        assertThat(caseId.readOnly()).isTrue();
        assertThat(caseId.input()).isFalse();
        FormSchema.Field reason = form.fields().get(1);
        assertThat(reason.required()).isTrue();
        assertThat(reason.options()).isEqualTo(List.of("MORATORIUM", "OTHER"));
        FormSchema.Field months = form.fields().get(2);
        assertThat(months.min()).isEqualTo(3);
        assertThat(months.defaultValue()).isEqualTo(6);
        FormSchema.Field court = form.fields().get(3);
        assertThat(court.conditional()).isTrue();
        assertThat(court.pattern()).isEqualTo("^AWB");
        assertThat(court.validationType()).isEqualTo("custom");
    }

    @Test
    void theServerChecksAFormAsTheSchemaReadsIt() throws Exception {
        FormSchema schema = FormSchema.of(
                json.readTree(Path.of("bpmn/forms/assessApplication.form").toFile()));
        TaskForm checks = TaskForm.of(schema);

        // a field the form may hide is checked only where the check understands when it is shown
        List<String> demanded = schema.fields().stream()
                .filter(f -> f.input() && (!f.conditional() || TaskForm.ShownWhen.of(f.hide()) != null))
                .map(FormSchema.Field::key)
                .toList();
        assertThat(checks.fields()).extracting(TaskForm.Field::key).containsExactlyElementsOf(demanded);
        assertThat(checks.inputs())
                .containsExactlyInAnyOrderElementsOf(schema.fields().stream()
                        .filter(FormSchema.Field::input)
                        .map(FormSchema.Field::key)
                        .toList());
    }
}

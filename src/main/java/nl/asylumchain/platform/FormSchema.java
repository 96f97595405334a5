package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Camunda Form ({@code .form}, the JSON that Modeler writes and Tasklist renders), read once: its id and the fields
 * a handler sees, in the order of the form, groups and columns flattened. The server-side form checks
 * ({@link TaskForm}) and the demo traffic, which fills forms in, both read forms through this one parser.
 */
public record FormSchema(String id, List<Field> fields) {

    public FormSchema {
        fields = List.copyOf(fields);
    }

    /**
     * One component with a key (a variable): its type ({@code textfield}, {@code select}, {@code datetime} ...),
     * whether the handler can change it ({@code readonly} is not) and, when the form may hide it, the FEEL
     * expression that hides it ({@code conditional.hide}, "" if it has none; null when always shown); a container (group, dynamic list) is a field only if it has a key itself. The rules
     * are those of {@code validate} ({@code required}, {@code pattern}, {@code validationType}, {@code min}), the
     * options those of a select or radio, the default value plain (true/false, a number or text), or null.
     */
    public record Field(
            String key,
            String type,
            boolean readOnly,
            String hide,
            boolean container,
            boolean required,
            String pattern,
            String validationType,
            Integer min,
            List<String> options,
            Object defaultValue) {

        public Field {
            options = List.copyOf(options);
        }

        /** Whether the form may hide it. */
        public boolean conditional() {
            return hide != null;
        }

        /** Whether the handler fills it in: not read-only, not a container of other fields. */
        public boolean input() {
            return !readOnly && !container;
        }
    }

    public static FormSchema of(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return new FormSchema(form.path("id").asText(), fields);
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            boolean container = component.has("components");
            if (container) {
                collect(component.path("components"), fields);
            }
            String key = component.path("key").asText("");
            if (!component.hasNonNull("key") || key.isEmpty()) {
                continue; // text, spacer, image, a group without a variable
            }
            JsonNode validate = component.path("validate");
            List<String> options = new ArrayList<>();
            component
                    .path("values")
                    .forEach(option -> options.add(option.path("value").asText()));
            fields.add(new Field(
                    key,
                    component.path("type").asText(),
                    component.path("readonly").asBoolean(false),
                    component.has("conditional")
                            ? component.path("conditional").path("hide").asText("")
                            : null,
                    container,
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
                    validate.hasNonNull("validationType")
                            ? validate.path("validationType").asText()
                            : null,
                    validate.hasNonNull("min") ? validate.path("min").asInt() : null,
                    options,
                    plain(component.path("defaultValue"))));
        }
    }

    private static Object plain(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isTextual() ? value.asText() : null;
    }
}

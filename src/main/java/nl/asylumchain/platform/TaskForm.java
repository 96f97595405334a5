package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The rules of one Camunda Form (a {@code .form} file) that the server checks again when a task is completed:
 * Tasklist checks them in the browser, but the engine REST API takes whatever a client sends. A field the handler
 * cannot fill in (read-only) is not checked, nor is one the form may hide (a {@code conditional}), except when the
 * condition is the plain comparison {@code =otherField != "VALUE"}: then the field is checked whenever the other
 * field holds that value, as the form shows it (a VA referral needs its reason: {@code vaReason} on assessApplication).
 */
record TaskForm(String id, List<Field> fields, Set<String> inputs, Set<String> readOnly) {

    /** One input field: its variable, and what the form demands of it. */
    record Field(
            String key, boolean required, Pattern pattern, List<String> options, boolean date, ShownWhen shownWhen) {}

    /** The field is shown (and so checked) only while {@code key} holds {@code value}. */
    record ShownWhen(String key, String value) {

        private static final Pattern HIDE_UNLESS_EQUAL =
                Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*!=\\s*\"([^\"]*)\"\\s*$");

        /** The condition of a {@code hide} expression this check understands, or null. */
        static ShownWhen of(String hide) {
            var matcher = HIDE_UNLESS_EQUAL.matcher(hide);
            return matcher.matches() ? new ShownWhen(matcher.group(1), matcher.group(2)) : null;
        }

        boolean shown(Function<String, Object> variable) {
            return value.equals(String.valueOf(plain(variable.apply(key))));
        }
    }

    static TaskForm of(FormSchema form) {
        List<Field> fields = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> readOnly = new LinkedHashSet<>();
        for (FormSchema.Field field : form.fields()) {
            (field.readOnly() ? readOnly : inputs).add(field.key());
            ShownWhen shownWhen = null;
            if (field.conditional()) {
                shownWhen = ShownWhen.of(field.hide());
                if (shownWhen == null) {
                    continue;
                }
            }
            if (field.readOnly()) {
                continue;
            }
            fields.add(new Field(
                    field.key(),
                    field.required(),
                    field.pattern() == null ? null : Pattern.compile(field.pattern()),
                    field.options(),
                    "datetime".equals(field.type()),
                    shownWhen));
        }
        return new TaskForm(form.id(), List.copyOf(fields), Set.copyOf(inputs), Set.copyOf(readOnly));
    }

    /**
     * The submitted variables the form does not own: a name that is no field of the form (a routing variable such
     * as {@code caseId}, or anything else), or a read-only field whose value would change. Tasklist sends the
     * form's fields, read-only ones as they were shown; the engine REST API takes whatever a client sends.
     */
    List<FieldError> foreign(Map<String, ?> submitted, Function<String, Object> current) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : submitted.keySet()) {
            // typed, so that a serialized object is looked at, never deserialized
            Object value =
                    submitted instanceof VariableMap variables ? variables.getValueTyped(name) : submitted.get(name);
            if (value instanceof SerializableValue) {
                // a form answers with text, numbers, true/false and dates; an object is nobody's form field
                errors.add(new FieldError(name, "must be a plain value (text, number, true/false or date)"));
            } else if (inputs.contains(name)) {
                continue;
            } else if (!readOnly.contains(name)) {
                errors.add(new FieldError(name, "is not a field of form " + id));
            } else if (!Objects.equals(plain(value), plain(current.apply(name)))) {
                errors.add(new FieldError(name, "is read-only on form " + id));
            }
        }
        return errors;
    }

    private static Object plain(Object value) {
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    /** What is wrong with the submitted values, field by field; empty when the form is complete. */
    List<FieldError> check(Function<String, Object> variable) {
        List<FieldError> errors = new ArrayList<>();
        for (Field field : fields) {
            if (field.shownWhen() != null && !field.shownWhen().shown(variable)) {
                continue;
            }
            Object value = variable.apply(field.key());
            boolean empty = value == null || (value instanceof String text && text.isBlank());
            if (empty) {
                if (field.required()) {
                    errors.add(new FieldError(
                            field.key(),
                            field.shownWhen() == null
                                    ? "is required"
                                    : "is required when " + field.shownWhen().key() + " is "
                                            + field.shownWhen().value()));
                }
                continue;
            }
            String text = String.valueOf(value);
            if (!field.options().isEmpty() && !field.options().contains(text)) {
                errors.add(new FieldError(field.key(), "must be one of " + String.join(", ", field.options())));
            } else if (field.pattern() != null && !field.pattern().matcher(text).find()) {
                errors.add(new FieldError(
                        field.key(), "must match " + field.pattern().pattern()));
            } else if (field.date() && FormDate.of(value).isEmpty()) {
                errors.add(new FieldError(field.key(), "must be a date (yyyy-MM-dd)"));
            }
        }
        return errors;
    }
}

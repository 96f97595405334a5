package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns Jackson's reading errors into {@link FieldError}s that name the JSON path of the bad field. */
public final class JsonFieldErrors {

    private JsonFieldErrors() {}

    /** The field a JSON reading error is about, and what is wrong with it, in words a client understands. */
    public static FieldError describe(Throwable cause) {
        if (cause instanceof StrictJson.RefusedValueException refused) {
            return new FieldError(path(refused), refused.reason());
        }
        if (cause instanceof InvalidNullException nullValue) {
            return new FieldError(path(nullValue), "must not be null; leave the field out instead");
        }
        if (cause instanceof StreamReadException read
                && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field")) {
            return new FieldError(path(read), "appears more than once");
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new FieldError(path(invalid), "must be one of " + allowed);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String type = mismatch.getTargetType() == null ? "value" : typeName(mismatch.getTargetType());
            return new FieldError(path(mismatch), "must be a " + type);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "cannot be read");
        }
        if (cause instanceof MismatchedInputException
                && cause.getMessage() != null
                && cause.getMessage().startsWith("Trailing token")) {
            return new FieldError("", "the body holds more than one JSON value");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("", "the body is not well-formed JSON");
        }
        return new FieldError("", "the body is missing or cannot be read as JSON");
    }

    private static String typeName(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (yyyy-MM-dd)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }

    /** Where the parser stood when it refused a key: {@code person.familyName} for a second familyName. */
    private static String path(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext();
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                names.add(0, "." + context.getCurrentName());
            } else if (context.inArray()) {
                names.add(0, "[" + Math.max(0, context.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", names);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}

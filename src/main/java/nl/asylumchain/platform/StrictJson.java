package nl.asylumchain.platform;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Our API reads JSON strictly: a value of the wrong JSON type is a 400 naming the field, never a guess. A client
 * that sends {@code "sex": 1} or {@code "birthDate": 123} has a bug we want it to see, not a case registered with a
 * sex picked by enum position or a birth date counted in days since 1970. What is refused:
 * <ul>
 * <li>a key that appears twice in one object (which of the two would count is anybody's guess);</li>
 * <li>numbers or booleans where a string is expected and the other way round, numbers for enums, {@code null} for
 * a boolean (leave the field out for "no"), anything after the JSON value;</li>
 * <li>dates that are not {@code yyyy-MM-dd} strings between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}: no
 * day counts, no date-times, no year 999999999 that overflows the arithmetic behind a deadline;</li>
 * <li>control characters in any string (NUL cannot be stored by PostgreSQL at all; the others are never part of
 * a name or a note), except tab and line breaks.</li>
 * </ul>
 * The engine REST API reads its JSON with Camunda's own mapper; see {@link EngineRestProblems}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictReading() {
        return builder -> builder.featuresToEnable(
                        StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature(),
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .modulesToInstall(modules -> {
                    modules.add(strictValues());
                })
                .postConfigurer(mapper -> {
                    for (LogicalType type : new LogicalType[] {
                        LogicalType.Textual,
                        LogicalType.Boolean,
                        LogicalType.Integer,
                        LogicalType.Float,
                        LogicalType.Enum
                    }) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(
                                        CoercionInputShape.String,
                                        type == LogicalType.Textual || type == LogicalType.Enum
                                                ? CoercionAction.TryConvert
                                                : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.Integer,
                                        type == LogicalType.Integer || type == LogicalType.Float
                                                ? CoercionAction.TryConvert
                                                : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.Float,
                                        type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.Boolean,
                                        type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(
                                        CoercionInputShape.EmptyString,
                                        type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
                    }
                });
    }

    private static SimpleModule strictValues() {
        SimpleModule module = new SimpleModule("asylum-chain-strict-values");
        module.addDeserializer(String.class, new PlainTextDeserializer());
        module.addDeserializer(LocalDate.class, new CalendarDateDeserializer());
        module.addDeserializer(Boolean.class, new TrueOrFalseDeserializer());
        return module;
    }

    /** A value our deserializers refuse, with the reason in words; Jackson adds the JSON path on its way out. */
    static final class RefusedValueException extends MismatchedInputException {

        private final String reason;

        RefusedValueException(JsonParser parser, Class<?> targetType, String reason) {
            super(parser, reason, targetType);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Strings only, without control characters other than tab and line breaks. */
    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedValueException(parser, String.class, "must be a string");
            }
            String text = parser.getText();
            if (!isPlainText(text)) {
                throw new RefusedValueException(
                        parser, String.class, "must not contain control characters (such as NUL)");
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** Whether a text holds no control character other than tab, line feed and carriage return. */
    static boolean isPlainText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code true} or {@code false}. A field left out is {@code null} (the record decides what that means, mostly
     * "no"); an explicit {@code "unaccompaniedMinor": null} says nothing and is refused.
     */
    static final class TrueOrFalseDeserializer extends StdScalarDeserializer<Boolean> {

        TrueOrFalseDeserializer() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return switch (parser.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw new RefusedValueException(parser, Boolean.class, "must be true or false");
            };
        }

        @Override
        public Boolean getNullValue(DeserializationContext context) throws JsonMappingException {
            throw new RefusedValueException(
                    context.getParser(), Boolean.class, "must be true or false; leave the field out instead of null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Boolean;
        }
    }

    /** A calendar date: a {@code yyyy-MM-dd} string of a day that exists, between 1900 and 2100. */
    static final class CalendarDateDeserializer extends StdScalarDeserializer<LocalDate> {

        private static final DateTimeFormatter ISO_DATE =
                DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        CalendarDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String format = "must be a date (yyyy-MM-dd)";
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedValueException(parser, LocalDate.class, format);
            }
            String text = parser.getText();
            LocalDate date;
            try {
                date = text.length() == 10 ? LocalDate.parse(text, ISO_DATE) : null;
            } catch (DateTimeException e) {
                date = null;
            }
            if (date == null) {
                throw new RefusedValueException(parser, LocalDate.class, format);
            }
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                throw new RefusedValueException(
                        parser, LocalDate.class, "must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
            }
            return date;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}

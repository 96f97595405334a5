package nl.asylumchain.casefile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 3166-1 alpha-3 country code, or one of the ICAO codes the chain uses for people without one:
 * {@code XXA} stateless, {@code XXB} refugee (1951 Convention), {@code XXC} refugee (other), {@code XXX} unknown.
 * Also {@code XKX}, Kosovo: it has no ISO code, the EU and the IND use this user-assigned one, and DMN
 * nationalityGroups lists it as a safe country of origin.
 */
@Documented
@Constraint(validatedBy = IsoNationality.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoNationality {

    String message() default "must be an ISO 3166-1 alpha-3 country code (XKX Kosovo, XXA stateless, XXX unknown)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IsoNationality, String> {

        static final Set<String> CODES = codes();

        private static Set<String> codes() {
            Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
            codes.addAll(Set.of("XXA", "XXB", "XXC", "XXX", "XKX"));
            return Set.copyOf(codes);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CODES.contains(value);
        }
    }
}

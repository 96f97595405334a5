package nl.asylumchain.casefile;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A family name or given names as they appear on identity papers: letters of any script (with their diacritics:
 * Ö, Ş, ñ, ا), spaces, hyphens, apostrophes (O'Brien, N’Diaye) and full stops (St. Clair), at least one letter.
 * Digits and control characters are typing or transmission errors; the case file would carry them for years.
 */
@Documented
// blank is left to @NotBlank, so that a blank name gets one message
@Pattern(regexp = "\\s*|[ '’ʼ.\\-]*\\p{L}[\\p{L}\\p{M} '’ʼ.\\-]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    String message() default "may contain only letters (with diacritics), spaces, hyphens, apostrophes and full stops";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

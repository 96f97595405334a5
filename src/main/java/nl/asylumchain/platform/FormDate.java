package nl.asylumchain.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/**
 * A date as a task form submits it: Camunda Forms send {@code yyyy-MM-dd} text (a datetime field may add a time),
 * a Java client may send a {@link Date} (read in the chain's time zone). Empty when there is none or it is no date.
 */
public final class FormDate {

    private FormDate() {}

    public static Optional<LocalDate> of(Object value) {
        if (value instanceof Date date) {
            return Optional.of(LocalDate.ofInstant(date.toInstant(), EngineConfiguration.CHAIN_ZONE));
        }
        if (value instanceof String text && text.length() >= 10) {
            try {
                return Optional.of(LocalDate.parse(text.substring(0, 10)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

package nl.asylumchain.forecast.process;

import java.util.UUID;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import nl.asylumchain.platform.RowIds;

/**
 * The forecast's row ids: consecutive numbers in a UUID of version 8 (RFC 9562's own layout), so that a run makes
 * the same ids in the same order every time; the application's random ids (version 4) decide where a row stands
 * among rows read in no order, and made a forecast differ between runs. The version keeps them apart from the live
 * cases' ids that a forecast from now places.
 */
@Component
@Primary
@Profile("forecast")
class ForecastRowIds implements RowIds {

    /** "FORECAST" in ASCII, with the version nibble set to 8. */
    private static final long HIGH = (0x464F524543415354L & ~0xF000L) | 0x8000L;

    /** The variant bits {@code 10}, then the count. */
    private static final long VARIANT = 0x8000000000000000L;

    private long last;

    @Override
    public synchronized UUID next() {
        return new UUID(HIGH, VARIANT | ++last);
    }
}

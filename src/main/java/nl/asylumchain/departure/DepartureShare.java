package nl.asylumchain.departure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * DT&V's demonstrable departure share (aantoonbaar vertrek): departures that are demonstrable (independent,
 * forced, Dublin transfers) over those plus departures without supervision. Outcomes that are no departure
 * (responsibility assumed, permit after all) are outside both. DT&V's published figures count Dublin
 * transfers among forced departures; the letter's 2,700 independent + 1,900 forced against 3,800 without
 * supervision give 55%.
 */
public record DepartureShare(long demonstrable, long withoutSupervision) {

    public static DepartureShare of(Map<DepartureOutcome, Long> counts) {
        long demonstrable = 0;
        for (DepartureOutcome outcome : DepartureOutcome.values()) {
            if (outcome.demonstrable()) {
                demonstrable += counts.getOrDefault(outcome, 0L);
            }
        }
        return new DepartureShare(demonstrable, counts.getOrDefault(DepartureOutcome.LEFT_WITHOUT_SUPERVISION, 0L));
    }

    /** The share as a fraction with four decimals; null when nobody left in the period. */
    public BigDecimal fraction() {
        long all = demonstrable + withoutSupervision;
        return all == 0
                ? null
                : BigDecimal.valueOf(demonstrable).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP);
    }

    /** The share in whole percent, as the letter reports it. */
    public Integer percent() {
        BigDecimal fraction = fraction();
        return fraction == null
                ? null
                : fraction.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}

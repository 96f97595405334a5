package nl.asylumchain.reception;

import java.time.Instant;
import java.util.List;

/**
 * Reception now, derived from the ledger: per location type how many people stay there against its capacity, and
 * how many of them are permit holders who wait for housing; Ter Apel against its ceiling and its amv places.
 */
public record Occupancy(Instant asOf, List<PerLocationType> locationTypes, Total total, TerApel terApel) {

    public record PerLocationType(
            LocationType locationType,
            long occupancy,
            int capacity,
            long permitHolders,
            long unaccompaniedMinors,
            boolean overCapacity) {}

    public record Total(long occupancy, int capacity, long permitHolders, boolean overCapacity) {}

    /** Ter Apel (COL): everyone there, its ceiling; amv there against 55 places and the maximum of 120. */
    public record TerApel(
            long occupancy,
            int ceiling,
            long unaccompaniedMinors,
            int amvPlaces,
            int amvMaximum,
            boolean overCeiling,
            boolean amvOverMaximum) {}
}

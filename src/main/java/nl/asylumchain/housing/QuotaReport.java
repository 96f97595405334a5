package nl.asylumchain.housing;

import java.time.Instant;
import java.util.List;

/**
 * A half-year's taakstelling and how far each municipality got: {@code target} = its pro-rata {@code quota} plus
 * what {@code carriedOver} from the previous half-year (a shortfall adds, a surplus subtracts); {@code linked} =
 * people linked to it in the half-year; {@code housed} = people who moved out of reception into it (a home or a
 * doorstroomlocatie) in the half-year; {@code open} = target minus housed (negative: ahead).
 */
public record QuotaReport(
        String halfYear,
        int year,
        String half,
        int total,
        Instant setAt,
        long carriedOver,
        long target,
        long linked,
        long housed,
        List<PerProvince> provinces,
        List<PerMunicipality> municipalities) {

    public record PerMunicipality(
            String code,
            String name,
            String province,
            long population,
            int quota,
            long carriedOver,
            long target,
            long linked,
            long housed,
            long open) {}

    public record PerProvince(
            String province, int quota, long carriedOver, long target, long linked, long housed, long open) {}
}

package nl.asylumchain.departure;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one place for the durations of return and departure ({@code asylumchain.departure.*}); defaults are the
 * rules of late 2023. Months are calendar months in the chain's zone.
 *
 * @param interviewInterval      departure interviews while the case is open
 * @param vblMaximumStay         stay in a restricted-freedom location (VBL) after the departure period: 12 weeks
 * @param transferPeriod         Dublin transfer: 6 months from the acceptance (Dublin III art. 29(1))
 * @param transferPeriodImprisoned 12 months when the person is imprisoned (art. 29(2))
 * @param transferPeriodAbsconded  18 months when the person absconds (art. 29(2))
 * @param transferShowUp         not showing up for a planned transfer within this time: left without supervision
 * @param detentionMaximum       detention (bewaring): at most 6 months (Return Directive art. 15(5)) ...
 * @param detentionExtension     ... extendable by at most 12 (art. 15(6))
 * @param missedReports          missed reporting moments in a row that end the case as left without supervision
 * @param missedReportsDublin    the same for a Dublin claimant
 */
@ConfigurationProperties("asylumchain.departure")
public record DepartureRules(
        Period interviewInterval,
        Period vblMaximumStay,
        Period transferPeriod,
        Period transferPeriodImprisoned,
        Period transferPeriodAbsconded,
        Duration transferShowUp,
        Period detentionMaximum,
        Period detentionExtension,
        Integer missedReports,
        Integer missedReportsDublin) {

    public DepartureRules {
        interviewInterval = interviewInterval == null ? Period.ofDays(14) : interviewInterval;
        vblMaximumStay = vblMaximumStay == null ? Period.ofWeeks(12) : vblMaximumStay;
        transferPeriod = transferPeriod == null ? Period.ofMonths(6) : transferPeriod;
        transferPeriodImprisoned = transferPeriodImprisoned == null ? Period.ofMonths(12) : transferPeriodImprisoned;
        transferPeriodAbsconded = transferPeriodAbsconded == null ? Period.ofMonths(18) : transferPeriodAbsconded;
        transferShowUp = transferShowUp == null ? Duration.ofHours(48) : transferShowUp;
        detentionMaximum = detentionMaximum == null ? Period.ofMonths(6) : detentionMaximum;
        detentionExtension = detentionExtension == null ? Period.ofMonths(12) : detentionExtension;
        missedReports = missedReports == null ? 2 : missedReports;
        missedReportsDublin = missedReportsDublin == null ? 1 : missedReportsDublin;
    }

    /** The rules of late 2023. */
    public static DepartureRules defaults() {
        return new DepartureRules(null, null, null, null, null, null, null, null, null, null);
    }

    /** End of the departure period (ISO-8601, {@code P28D} or {@code P0D}; none given means none). */
    public Instant departurePeriodEnds(Instant handedOverAt, String departurePeriod, ZoneId zone) {
        Period period =
                departurePeriod == null || departurePeriod.isBlank() ? Period.ZERO : Period.parse(departurePeriod);
        return handedOverAt.atZone(zone).plus(period).toInstant();
    }

    public Period transferPeriod(TransferCircumstance circumstance) {
        return switch (circumstance) {
            case NONE -> transferPeriod;
            case IMPRISONED -> transferPeriodImprisoned;
            case ABSCONDED -> transferPeriodAbsconded;
        };
    }

    /** The transfer deadline counted from the acceptance. */
    public Instant transferDeadline(Instant acceptedOn, TransferCircumstance circumstance, ZoneId zone) {
        return acceptedOn.atZone(zone).plus(transferPeriod(circumstance)).toInstant();
    }

    /** A new circumstance only ever lengthens the deadline: 18 months after absconding stay 18 in prison. */
    public static TransferCircumstance longer(TransferCircumstance current, TransferCircumstance next) {
        return next.compareTo(current) > 0 ? next : current;
    }

    /** Two missed reporting moments in a row, one for a Dublin claimant. */
    public int missedReportLimit(boolean dublinClaimant) {
        return dublinClaimant ? missedReportsDublin : missedReports;
    }

    /** The moment by which a person must have shown up for a transfer planned on that day. */
    public Instant transferReportBy(LocalDate transferDate, ZoneId zone) {
        return transferDate.atStartOfDay(zone).plus(transferShowUp).toInstant();
    }

    public Instant detentionEnds(Instant startedAt, boolean extended, ZoneId zone) {
        Period total = extended ? detentionMaximum.plus(detentionExtension) : detentionMaximum;
        return startedAt.atZone(zone).plus(total).toInstant();
    }
}

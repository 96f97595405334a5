package nl.asylumchain.decision.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code ind_procedures} with what its decision deadline needs from the other tables: the months of its
 * extensions (all of them, and those since the reopening or since the Netherlands became responsible). Mapped by
 * name.
 */
public record IndProcedureRecord(
        UUID caseId,
        int track,
        LocalDate applicationDate,
        String indProcedure,
        Integer priority,
        String priorityReason,
        String vaReason,
        int daysOnHold,
        LocalDate noticeOfDefaultOn,
        LocalDate penaltyExposedFrom,
        LocalDate decidedOn,
        LocalDate redecisionDeadline,
        Instant reopenedAt,
        Integer daysOnHoldAtReopen,
        LocalDate responsibleSince,
        Instant responsibleSinceAt,
        Instant openedAt,
        int extendedMonths,
        int extendedMonthsSinceReopen,
        int extendedMonthsSinceResponsible)
        implements DeadlineInputs {

    /** The day the six months start: the application, or the day the Netherlands became responsible. */
    public LocalDate periodStart() {
        return responsibleSince != null ? responsibleSince : applicationDate;
    }

    @Override
    public int daysOnHoldAtRestart() {
        return daysOnHoldAtReopen == null ? 0 : daysOnHoldAtReopen;
    }
}

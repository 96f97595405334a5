package nl.asylumchain.decision.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The undecided procedures that share every input of their decision deadline, and since when the same running
 * decision moratorium parks them (null: none): {@code cases} of them. Mapped by name.
 */
public record UndecidedGroup(
        int track,
        LocalDate applicationDate,
        String indProcedure,
        int daysOnHold,
        LocalDate redecisionDeadline,
        LocalDate responsibleSince,
        int daysOnHoldAtRestart,
        int extendedMonths,
        int extendedMonthsSinceReopen,
        int extendedMonthsSinceResponsible,
        Instant heldSince,
        long cases)
        implements DeadlineInputs {}

package nl.asylumchain.decision.persistence;

import java.time.LocalDate;

/**
 * What a procedure's decision deadline is computed from: one procedure ({@link IndProcedureRecord}), or the undecided
 * procedures that share all of it ({@link UndecidedGroup}).
 */
public interface DeadlineInputs {

    int track();

    LocalDate applicationDate();

    String indProcedure();

    int daysOnHold();

    LocalDate redecisionDeadline();

    LocalDate responsibleSince();

    int extendedMonths();

    int extendedMonthsSinceReopen();

    int extendedMonthsSinceResponsible();

    /** Days on hold counted at the reopening or at the fresh start of the deadline (0 when neither happened). */
    int daysOnHoldAtRestart();
}

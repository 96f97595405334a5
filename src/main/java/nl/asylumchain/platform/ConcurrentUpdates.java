package nl.asylumchain.platform;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two requests that change the same case at the same moment: the engine notices at commit (its optimistic
 * locking) or the database does (a deadlock, a serialization failure, a unique key taken meanwhile). The loser's
 * transaction is rolled back whole, so an operation that reads the case afresh and decides again is safe to
 * repeat: {@link #retry} runs it again a few times, each time in a new transaction. What still collides after that
 * is a 409 that says "try again", never a 500.
 */
@Component
public class ConcurrentUpdates {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdates.class);

    static final int ATTEMPTS = 6;

    /**
     * Runs {@code work} (a call through a transactional proxy, so each attempt is its own transaction) and repeats
     * it when it lost a race. Called outside any transaction: inside one, the rolled-back work could not be redone.
     */
    public <T> T retry(String what, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Retrying " + what + " inside a transaction cannot redo it");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isConcurrentUpdate(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    log.info("{}: still colliding with concurrent changes after {} attempts", what, attempt);
                    throw new ConflictException("The case was changed by another request at the same time; "
                            + "nothing of yours was saved. Try again.");
                }
                pause(attempt);
            }
        }
    }

    /** Whether a failure means another transaction changed the same rows first. */
    public static boolean isConcurrentUpdate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40")
                            || "23505".equals(sql.getSQLState())
                            || isEngineReferenceViolation(sql))) {
                // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 23505 unique violation
                return true;
            }
        }
        return false;
    }

    /**
     * A reference between the engine's own rows broken by two transactions at once (SQLState 23503 on one of the
     * engine's foreign keys, all named {@code ACT_FK_...}): one deletes a row, such as a finished process instance's
     * execution, while the other adds a row that points at it, such as a timer's new execution on another node. The
     * engine's optimistic locking does not see this, since the row pointed at did not change; Camunda itself counts
     * only the other direction as a concurrent change (an insert whose row pointed at is gone). Our own tables'
     * references are checked by our code, so a violation there is a fault, not a race.
     */
    static boolean isEngineReferenceViolation(SQLException sql) {
        return "23503".equals(sql.getSQLState())
                && sql.getMessage() != null
                && sql.getMessage().toUpperCase(Locale.ROOT).contains("ACT_FK_");
    }

    /**
     * Whether the database refused a value itself (SQLState class 22: a text longer than its column, a character
     * the encoding cannot hold). Our own fields are checked before they reach the database; this catches what
     * reaches it anyway, above all engine variables sent through the engine REST API. Answered with 400.
     */
    public static boolean isRefusedValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            // spread the losers out so that they do not collide again at once
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Interrupted while retrying; nothing was saved. Try again.");
        }
    }
}

package nl.asylumchain.platform;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures count as a lost race (a 409, tried again) and which as a fault (a 500). */
class ConcurrentUpdatesTest {

    @Test
    void theEnginesOptimisticLockingAndTheDatabasesRaceCodesAreRaces() {
        assertThat(ConcurrentUpdates.isConcurrentUpdate(new OptimisticLockingException("changed")))
                .isTrue();
        assertThat(ConcurrentUpdates.isConcurrentUpdate(wrapped(new SQLException("could not serialize", "40001"))))
                .isTrue();
        assertThat(ConcurrentUpdates.isConcurrentUpdate(wrapped(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(ConcurrentUpdates.isConcurrentUpdate(wrapped(new SQLException("duplicate key", "23505"))))
                .isTrue();
    }

    /**
     * As TwoNodesIT met it: a handler's completion deleted the process instance's execution while a timer on the
     * other node had just added an execution pointing at it; PostgreSQL refused the delete, inside the engine's
     * batched flush.
     */
    @Test
    void aBrokenReferenceBetweenTheEnginesRowsIsARace() {
        SQLException refused = new BatchUpdateException(
                "Batch entry 7 delete from ACT_RU_EXECUTION where ID_ = ('0bb2') and REV_ = ('1'::int4) was aborted:"
                        + " ERROR: update or delete on table \"act_ru_execution\" violates foreign key constraint"
                        + " \"act_fk_exe_procinst\" on table \"act_ru_execution\"",
                "23503",
                new int[0]);

        assertThat(ConcurrentUpdates.isConcurrentUpdate(wrapped(refused))).isTrue();
    }

    @Test
    void aBrokenReferenceInOurOwnTablesAndARefusedValueAreFaults() {
        SQLException ours = new SQLException(
                "ERROR: insert or update on table \"reception_moves\" violates foreign key constraint"
                        + " \"reception_moves_case_id_fkey\"",
                "23503");
        SQLException tooLong = new SQLException("value too long for type character varying(40)", "22001");

        assertThat(ConcurrentUpdates.isConcurrentUpdate(wrapped(ours))).isFalse();
        assertThat(ConcurrentUpdates.isConcurrentUpdate(wrapped(tooLong))).isFalse();
        assertThat(ConcurrentUpdates.isRefusedValue(wrapped(tooLong))).isTrue();
    }

    /** As the engine hands a database failure on: a persistence exception in an engine exception. */
    private static RuntimeException wrapped(SQLException cause) {
        return new ProcessEngineException("ENGINE-03004 flush failed", new PersistenceException(cause));
    }
}

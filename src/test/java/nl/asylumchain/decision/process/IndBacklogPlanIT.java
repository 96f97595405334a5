package nl.asylumchain.decision.process;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.PostgresIntegrationTest;
import nl.asylumchain.decision.persistence.IndBacklogRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IND backlog's count per track reads the {@code track} and {@code procedure} variables from our partial index
 * on PostgreSQL ({@code db/engine/postgres} V6, {@code AC_IDX_VARIABLE_BACKLOG}), which holds only the variables of
 * those names. The index's condition names them as the model does today: a model that renames a variable, or a
 * statement that binds the names instead of writing them, leaves PostgreSQL no way to use the index, and the refresh
 * reads every open instance's variables from the table again (docs/benchmarks.md, "The IND backlog from three sets").
 * The plan is asked with sequential scans priced out, as on a database of national size; a test database is small
 * enough that PostgreSQL would rather read the table.
 */
class IndBacklogPlanIT extends PostgresIntegrationTest {

    private static final String INDEX = "ac_idx_variable_backlog";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCountPerTrackReadsBothVariablesFromTheBacklogIndex() {
        String statement = IndBacklogRepository.statement(
                "",
                IndDecisionModel.PROCESS_KEY,
                IndDecisionModel.VARIABLE_TRACK,
                IndDecisionModel.ACTIVITY_APPEAL,
                IndDecisionModel.VARIABLE_PROCEDURE,
                IndDecisionModel.PROCEDURE_VA);

        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain " + statement).query(String.class).list();
        });

        List<String> fromIndex =
                plan.stream().filter(line -> line.toLowerCase().contains(INDEX)).toList();
        assertThat(fromIndex)
                .as(String.join("\n", plan))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("Only Scan"));
    }
}

package nl.asylumchain.decision.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RowIds;

/** The table {@code ind_decisions}: one row per decision, so a new decision after an annulled one keeps the old one. */
@Repository
public class IndDecisionRepository {

    private final JdbcClient jdbc;
    private final RowIds ids;

    IndDecisionRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void insert(UUID caseId, int track, String outcome, Instant decidedAt) {
        jdbc.sql("""
                        insert into ind_decisions (id, case_id, track, outcome, decided_at)
                        values (:id, :caseId, :track, :outcome, :decidedAt)""")
                .param("id", ids.next())
                .param("caseId", caseId)
                .param("track", track)
                .param("outcome", outcome)
                .param("decidedAt", Timestamp.from(decidedAt))
                .update();
    }
}

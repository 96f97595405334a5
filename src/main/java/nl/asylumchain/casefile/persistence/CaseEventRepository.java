package nl.asylumchain.casefile.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_events} table: the audit rows of events received on a case. */
@Repository
public class CaseEventRepository {

    private final JdbcClient jdbc;

    public CaseEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID caseId, String eventType, String receivedBy, Instant receivedAt) {
        jdbc.sql("""
                insert into case_events (id, case_id, event_type, received_by, received_at)
                values (:id, :caseId, :eventType, :receivedBy, :receivedAt)
                """)
                .param("id", id)
                .param("caseId", caseId)
                .param("eventType", eventType)
                .param("receivedBy", receivedBy)
                .param("receivedAt", Timestamp.from(receivedAt))
                .update();
    }

    public List<CaseEventRecord> events(UUID caseId) {
        return jdbc.sql("select event_type, received_by, received_at from case_events where case_id = :caseId"
                        + " order by received_at, id")
                .param("caseId", caseId)
                .query((rs, i) -> new CaseEventRecord(
                        rs.getString("event_type"),
                        rs.getString("received_by"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    public record CaseEventRecord(String eventType, String receivedBy, Instant receivedAt) {}
}

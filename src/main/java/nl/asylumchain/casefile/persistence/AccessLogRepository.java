package nl.asylumchain.casefile.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

import nl.asylumchain.casefile.AccessLog.Action;
import nl.asylumchain.casefile.AccessLog.Entry;

/**
 * The {@code access_log} table: insert, read, and the retention purge. No update, and no delete but the purge: on
 * PostgreSQL the table's trigger refuses both unless the transaction says it purges (V13_1__casefile_access_log_append_only).
 */
@Repository
public class AccessLogRepository {

    private final JdbcClient jdbc;
    private final boolean postgres;

    public AccessLogRepository(JdbcClient jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName"));
    }

    public void insert(AccessLogRecord row) {
        jdbc.sql("""
                insert into access_log (at, user_id, groups_used, case_id, action, what, task_id)
                values (:at, :userId, :groupsUsed, :caseId, :action, :what, :taskId)
                """)
                .param("at", Timestamp.from(row.at()))
                .param("userId", row.userId())
                .param("groupsUsed", row.groupsUsed())
                .param("caseId", row.caseId())
                .param("action", row.action())
                .param("what", row.what())
                .param("taskId", row.taskId())
                .update();
    }

    public List<Entry> ofCase(UUID caseId, int offset, int limit) {
        return jdbc.sql("select * from access_log where case_id = :caseId order by at desc, id desc"
                        + " offset :offset rows fetch next :limit rows only")
                .param("caseId", caseId)
                .param("offset", offset)
                .param("limit", limit)
                .query(AccessLogRepository::map)
                .list();
    }

    public List<Entry> ofUser(String userId, int offset, int limit) {
        return jdbc.sql("select * from access_log where user_id = :userId order by at desc, id desc"
                        + " offset :offset rows fetch next :limit rows only")
                .param("userId", userId)
                .param("offset", offset)
                .param("limit", limit)
                .query(AccessLogRepository::map)
                .list();
    }

    /** Deletes the rows before the cutoff; the caller's transaction tells PostgreSQL's trigger it is the purge. */
    public int purgeBefore(Instant cutoff) {
        if (postgres) {
            jdbc.sql("select set_config('asylumchain.access_log_purge', 'on', true)")
                    .query()
                    .singleValue();
        }
        return jdbc.sql("delete from access_log where at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        String groups = rs.getString("groups_used");
        return new Entry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("user_id"),
                groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")),
                rs.getObject("case_id", UUID.class),
                Action.valueOf(rs.getString("action")),
                rs.getString("what"),
                rs.getString("task_id"));
    }
}

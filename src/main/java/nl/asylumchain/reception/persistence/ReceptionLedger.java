package nl.asylumchain.reception.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RowIds;

/** The {@code reception_moves} table: the occupancy ledger, one row per move. */
@Repository
public class ReceptionLedger {

    private final JdbcClient jdbc;
    private final RowIds ids;

    ReceptionLedger(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** A ledger row; {@code from}/{@code to} are location type names, null on IN resp. OUT. */
    public record MoveRow(
            UUID caseId,
            int moveNo,
            String move,
            String from,
            String to,
            String site,
            String step,
            boolean permitHolder,
            boolean unaccompaniedMinor,
            Instant movedAt) {}

    /** Current occupants of a location type and site, with how many are permit holders and amv. */
    public record Occupants(String locationType, String site, long people, long permitHolders, long minors) {}

    public void insert(MoveRow row) {
        jdbc.sql("""
                insert into reception_moves (id, case_id, move_no, move, from_type, to_type, site, step,
                    permit_holder, unaccompanied_minor, moved_at)
                values (:id, :caseId, :moveNo, :move, :from, :to, :site, :step, :permitHolder, :minor, :at)
                """)
                .param("id", ids.next())
                .param("caseId", row.caseId())
                .param("moveNo", row.moveNo())
                .param("move", row.move())
                .param("from", row.from())
                .param("to", row.to())
                .param("site", row.site())
                .param("step", row.step())
                .param("permitHolder", row.permitHolder())
                .param("minor", row.unaccompaniedMinor())
                .param("at", Timestamp.from(row.movedAt()))
                .update();
    }

    /** The person's latest move: where they are now (nowhere when it is an OUT). */
    public Optional<MoveRow> latest(UUID caseId) {
        return jdbc.sql("select * from reception_moves where case_id = :caseId order by move_no desc limit 1")
                .param("caseId", caseId)
                .query(ReceptionLedger::map)
                .optional();
    }

    public List<MoveRow> history(UUID caseId) {
        return jdbc.sql("select * from reception_moves where case_id = :caseId order by move_no")
                .param("caseId", caseId)
                .query(ReceptionLedger::map)
                .list();
    }

    /** Everyone whose latest move is not an OUT, grouped by where that move put them. */
    public List<Occupants> occupants() {
        return jdbc.sql("""
                select m.to_type, m.site, count(*) as people,
                    sum(case when m.permit_holder then 1 else 0 end) as permit_holders,
                    sum(case when m.unaccompanied_minor then 1 else 0 end) as minors
                from reception_moves m
                where m.move <> 'OUT'
                  and m.move_no = (select max(l.move_no) from reception_moves l where l.case_id = m.case_id)
                group by m.to_type, m.site
                """)
                .query((rs, i) -> new Occupants(
                        rs.getString("to_type"),
                        rs.getString("site"),
                        rs.getLong("people"),
                        rs.getLong("permit_holders"),
                        rs.getLong("minors")))
                .list();
    }

    private static MoveRow map(ResultSet rs, int row) throws SQLException {
        return new MoveRow(
                rs.getObject("case_id", UUID.class),
                rs.getInt("move_no"),
                rs.getString("move"),
                rs.getString("from_type"),
                rs.getString("to_type"),
                rs.getString("site"),
                rs.getString("step"),
                rs.getBoolean("permit_holder"),
                rs.getBoolean("unaccompanied_minor"),
                rs.getTimestamp("moved_at").toInstant());
    }
}

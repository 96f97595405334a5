package nl.asylumchain.decision.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RecordRowMapper;
import nl.asylumchain.platform.RowIds;

/** The table {@code appeals}: appeals against a rejection, the interim relief and the court's ruling. */
@Repository
public class AppealRepository {

    /** A row of {@code appeals}, mapped by name; relief and outcome are null until decided. */
    public record AppealRecord(
            LocalDate lodgedOn,
            boolean suspensive,
            boolean interimReliefRequested,
            String interimRelief,
            String outcome) {}

    private final JdbcClient jdbc;
    private final RowIds ids;

    AppealRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void insert(UUID caseId, LocalDate lodgedOn, boolean suspensive, boolean interimReliefRequested) {
        jdbc.sql("""
                        insert into appeals (id, case_id, lodged_on, suspensive, interim_relief_requested)
                        values (:id, :caseId, :lodgedOn, :suspensive, :interimReliefRequested)""")
                .param("id", ids.next())
                .param("caseId", caseId)
                .param("lodgedOn", Date.valueOf(lodgedOn))
                .param("suspensive", suspensive)
                .param("interimReliefRequested", interimReliefRequested)
                .update();
    }

    /** Records the relief on the pending non-suspensive appeal that asked for it; false when none waits for it. */
    public boolean decideInterimRelief(UUID caseId, String relief, Instant at) {
        return jdbc.sql("""
                        update appeals set interim_relief = :relief, relief_decided_at = :at
                        where case_id = :caseId and outcome is null and suspensive = false
                          and interim_relief_requested = true and interim_relief is null""")
                        .param("relief", relief)
                        .param("at", Timestamp.from(at))
                        .param("caseId", caseId)
                        .update()
                > 0;
    }

    /** Records the ruling on the pending appeal; false when none is pending. */
    public boolean rule(UUID caseId, String outcome, Instant at) {
        return jdbc.sql("update appeals set outcome = :outcome, ruled_at = :at where case_id = :caseId "
                                + "and outcome is null")
                        .param("outcome", outcome)
                        .param("at", Timestamp.from(at))
                        .param("caseId", caseId)
                        .update()
                > 0;
    }

    public Optional<AppealRecord> latest(UUID caseId) {
        return jdbc.sql("""
                        select lodged_on, suspensive, interim_relief_requested, interim_relief, outcome
                          from appeals where case_id = :caseId order by lodged_on desc limit 1""")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(AppealRecord.class))
                .optional();
    }
}

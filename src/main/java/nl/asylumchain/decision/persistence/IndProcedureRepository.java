package nl.asylumchain.decision.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.platform.RecordRowMapper;
import nl.asylumchain.platform.RowIds;

/** The tables {@code ind_procedures} and {@code decision_deadline_extensions}. */
@Repository
public class IndProcedureRepository {

    /** One procedure with its extension months, computed by the database for its row. */
    private static final String SELECT = """
            select p.case_id, p.track, p.application_date, p.ind_procedure, p.priority, p.priority_reason,
                   p.va_reason, p.days_on_hold, p.notice_of_default_on, p.penalty_exposed_from, p.decided_on,
                   p.redecision_deadline, p.reopened_at, p.days_on_hold_at_reopen, p.responsible_since,
                   p.responsible_since_at, p.opened_at,
                   (select coalesce(sum(e.months), 0) from decision_deadline_extensions e
                     where e.case_id = p.case_id) as extended_months,
                   (select coalesce(sum(e.months), 0) from decision_deadline_extensions e
                     where e.case_id = p.case_id and e.extended_at >= p.reopened_at) as extended_months_since_reopen,
                   (select coalesce(sum(e.months), 0) from decision_deadline_extensions e
                     where e.case_id = p.case_id and e.extended_at >= p.responsible_since_at)
                     as extended_months_since_responsible
              from ind_procedures p
            """;

    /**
     * The undecided procedures grouped by every input of their deadline, with their number: a count over all of them
     * maps one row per group, not one per case (at 20,000 open cases 11,778 undecided procedures are 1,324 groups;
     * docs/benchmarks.md). The extensions and the running moratoria are summed once per case that has any and joined,
     * instead of being looked up for every row.
     */
    private static final String UNDECIDED_GROUPS = """
            select p.track, p.application_date, p.ind_procedure, p.days_on_hold, p.redecision_deadline,
                   p.responsible_since, coalesce(p.days_on_hold_at_reopen, 0) as days_on_hold_at_restart,
                   coalesce(e.extended_months, 0) as extended_months,
                   coalesce(e.extended_months_since_reopen, 0) as extended_months_since_reopen,
                   coalesce(e.extended_months_since_responsible, 0) as extended_months_since_responsible,
                   h.held_since, count(*) as cases
              from ind_procedures p
              left join (
                select x.case_id, sum(x.months) as extended_months,
                       sum(case when x.extended_at >= q.reopened_at then x.months else 0 end)
                         as extended_months_since_reopen,
                       sum(case when x.extended_at >= q.responsible_since_at then x.months else 0 end)
                         as extended_months_since_responsible
                  from decision_deadline_extensions x join ind_procedures q on q.case_id = x.case_id
                 where q.decided_on is null
                 group by x.case_id) e on e.case_id = p.case_id
              left join (
                -- since when a decision moratorium of the categories asked parks the case now
                select c.case_id, min(c.held_from) as held_since
                  from case_holds c join policy_holds ph on ph.id = c.hold_id
                 where c.released_at is null and ph.category in (:moratoria)
                 group by c.case_id) h on h.case_id = p.case_id
             where p.decided_on is null
             group by p.track, p.application_date, p.ind_procedure, p.days_on_hold, p.redecision_deadline,
                   p.responsible_since, p.days_on_hold_at_reopen, e.extended_months, e.extended_months_since_reopen,
                   e.extended_months_since_responsible, h.held_since
            """;

    private final JdbcClient jdbc;
    private final RowIds ids;

    IndProcedureRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public Optional<IndProcedureRecord> find(UUID caseId) {
        return jdbc.sql(SELECT + " where p.case_id = :caseId")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(IndProcedureRecord.class))
                .optional();
    }

    /**
     * The procedures without a decision yet, grouped by the inputs of their deadline, with since when a running
     * moratorium of these categories parks them.
     */
    public List<UndecidedGroup> undecidedGroups(List<String> moratoria) {
        return jdbc.sql(UNDECIDED_GROUPS)
                // an empty IN list is no valid SQL: a category name no table declares stands for "none"
                .param("moratoria", moratoria.isEmpty() ? List.of("") : List.copyOf(moratoria))
                .query(RecordRowMapper.of(UndecidedGroup.class))
                .list();
    }

    public void open(ProcedureOpening opening) {
        jdbc.sql("""
                        insert into ind_procedures (case_id, track, application_date, ind_procedure, priority,
                            priority_reason, days_on_hold, opened_at)
                        values (:caseId, :track, :applicationDate, 'AA', :priority, :priorityReason, 0, :openedAt)""")
                .param("caseId", opening.caseId())
                .param("track", opening.track())
                .param("applicationDate", Date.valueOf(opening.applicationDate()))
                .param("priority", opening.priority())
                .param("priorityReason", opening.priorityReason())
                .param("openedAt", Timestamp.from(opening.openedAt()))
                .update();
    }

    /** Opened again (in spoor 4, the Netherlands responsible): the procedure's own day counts from {@code at}. */
    public void reopen(UUID caseId, int track, Integer priority, String reason, Instant at) {
        jdbc.sql("update ind_procedures set track = :track, priority = :priority, priority_reason = :reason, "
                        + "opened_at = :at where case_id = :caseId")
                .param("track", track)
                .param("priority", priority)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .param("caseId", caseId)
                .update();
    }

    /** The Netherlands became responsible: spoor 4, the AA, a fresh deadline from {@code since}. */
    public void responsibleSince(UUID caseId, LocalDate since, Instant at, int daysOnHoldNow) {
        jdbc.sql("""
                        update ind_procedures set track = 4, ind_procedure = 'AA', va_reason = null, decided_on = null,
                            notice_of_default_on = null, penalty_exposed_from = null, redecision_deadline = null,
                            reopened_at = null, responsible_since = :since, responsible_since_at = :at,
                            days_on_hold_at_reopen = :held
                        where case_id = :caseId""")
                .param("since", Date.valueOf(since))
                .param("at", Timestamp.from(at))
                .param("held", daysOnHoldNow)
                .param("caseId", caseId)
                .update();
    }

    /** After an annulment: undecided again, with a deadline for the new decision. */
    public void reopenAfterAnnulment(UUID caseId, LocalDate redecisionDeadline, Instant at, int daysOnHoldNow) {
        jdbc.sql("""
                        update ind_procedures set decided_on = null, notice_of_default_on = null,
                            penalty_exposed_from = null, redecision_deadline = :deadline, reopened_at = :at,
                            days_on_hold_at_reopen = :held
                        where case_id = :caseId""")
                .param("deadline", Date.valueOf(redecisionDeadline))
                .param("at", Timestamp.from(at))
                .param("held", daysOnHoldNow)
                .param("caseId", caseId)
                .update();
    }

    /** The extension steps of art. 42 since {@code from}: the days of a decision moratorium are no step. */
    public int extensionsSince(UUID caseId, Instant from) {
        return jdbc.sql("select count(*) from decision_deadline_extensions where case_id = :caseId "
                        + "and extended_at >= :from and (ground is null or ground <> 'MORATORIUM')")
                .param("caseId", caseId)
                .param("from", Timestamp.from(from))
                .query(Integer.class)
                .single();
    }

    public void insertExtension(UUID caseId, ExtensionRecord extension) {
        jdbc.sql("""
                        insert into decision_deadline_extensions (id, case_id, months, days, ground, reason,
                            extended_by, extended_at)
                        values (:id, :caseId, :months, :days, :ground, :reason, :extendedBy, :extendedAt)""")
                .param("id", ids.next())
                .param("caseId", caseId)
                .param("months", extension.months())
                .param("days", extension.days())
                .param("ground", extension.ground())
                .param("reason", extension.reason())
                .param("extendedBy", extension.extendedBy())
                .param("extendedAt", Timestamp.from(extension.extendedAt()))
                .update();
    }

    public List<ExtensionRecord> extensions(UUID caseId) {
        return jdbc.sql("select months, days, ground, reason, extended_by, extended_at "
                        + "from decision_deadline_extensions where case_id = :caseId order by extended_at")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(ExtensionRecord.class))
                .list();
    }

    public void addDaysOnHold(UUID caseId, int days) {
        jdbc.sql("update ind_procedures set days_on_hold = days_on_hold + :days where case_id = :caseId")
                .param("days", days)
                .param("caseId", caseId)
                .update();
    }

    public void noticeOfDefault(UUID caseId, LocalDate receivedOn) {
        jdbc.sql("update ind_procedures set notice_of_default_on = :on where case_id = :caseId")
                .param("on", Date.valueOf(receivedOn))
                .param("caseId", caseId)
                .update();
    }

    public void penaltyExposedFrom(UUID caseId, LocalDate from) {
        jdbc.sql("update ind_procedures set penalty_exposed_from = :on where case_id = :caseId")
                .param("on", Date.valueOf(from))
                .param("caseId", caseId)
                .update();
    }

    public int casesExposedToPenalty() {
        return jdbc.sql("select count(*) from ind_procedures where penalty_exposed_from is not null "
                        + "and decided_on is null")
                .query(Integer.class)
                .single();
    }

    /** The general procedure gets its extra days (AA+); a case in the VA or already in the AA+ stays. */
    public void extendGeneralProcedure(UUID caseId) {
        jdbc.sql("update ind_procedures set ind_procedure = 'AA_PLUS' where case_id = :caseId and ind_procedure = 'AA'")
                .param("caseId", caseId)
                .update();
    }

    public void referToExtendedProcedure(UUID caseId, String vaReason) {
        jdbc.sql("update ind_procedures set ind_procedure = 'VA', va_reason = :reason where case_id = :caseId")
                .param("reason", vaReason)
                .param("caseId", caseId)
                .update();
    }

    public void decided(UUID caseId, LocalDate on) {
        jdbc.sql("update ind_procedures set decided_on = :on where case_id = :caseId")
                .param("on", Date.valueOf(on))
                .param("caseId", caseId)
                .update();
    }
}

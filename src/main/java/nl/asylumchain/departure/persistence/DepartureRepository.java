package nl.asylumchain.departure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.asylumchain.departure.DepartureOutcome;
import nl.asylumchain.platform.RecordRowMapper;
import nl.asylumchain.platform.RowIds;

/** The departure tables; the open departure of a case is its latest row without an outcome. */
@Repository
public class DepartureRepository {

    private final JdbcClient jdbc;
    private final RowIds ids;

    DepartureRepository(JdbcClient jdbc, RowIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public void insert(HandOverRecord d) {
        jdbc.sql("""
                insert into departures (id, case_id, ind_outcome, dublin_claimant, handed_over_at, departure_period,
                    departure_period_ends, dublin_accepted_on, transfer_period_from, transfer_circumstance,
                    transfer_deadline, family_with_children, reports, missed_reports, missed_reports_in_a_row,
                    detention_extended)
                values (:id, :caseId, :indOutcome, :dublinClaimant, :handedOverAt, :departurePeriod,
                    :departurePeriodEnds, :dublinAcceptedOn, :transferPeriodFrom, :transferCircumstance,
                    :transferDeadline, false, 0, 0, 0, false)
                """)
                .param("id", d.id())
                .param("caseId", d.caseId())
                .param("indOutcome", d.indOutcome())
                .param("dublinClaimant", d.dublinClaimant())
                .param("handedOverAt", ts(d.handedOverAt()))
                .param("departurePeriod", d.departurePeriod())
                .param("departurePeriodEnds", ts(d.departurePeriodEnds()))
                .param("dublinAcceptedOn", ts(d.dublinAcceptedOn()))
                .param("transferPeriodFrom", ts(d.transferPeriodFrom()))
                // a Dublin claimant's transfer deadline starts without a circumstance that extends it
                .param("transferCircumstance", d.dublinClaimant() ? "NONE" : null)
                .param("transferDeadline", ts(d.transferDeadline()))
                .update();
    }

    public Optional<DepartureRecord> open(UUID caseId) {
        return jdbc.sql("select * from departures where case_id = :caseId and outcome is null and suspended_at is null "
                        + "order by handed_over_at desc limit 1")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(DepartureRecord.class))
                .optional();
    }

    /** The case's departure that interim relief suspended and whose appeal is not yet decided. */
    public Optional<DepartureRecord> suspended(UUID caseId) {
        return jdbc.sql("select * from departures where case_id = :caseId and suspended_at is not null "
                        + "and suspension_ended_at is null order by handed_over_at desc limit 1")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(DepartureRecord.class))
                .optional();
    }

    public void suspend(UUID id, Instant at) {
        jdbc.sql("update departures set suspended_at = :at where id = :id")
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    public void endSuspension(UUID id, String end, Instant at) {
        jdbc.sql("update departures set suspension_end = :end, suspension_ended_at = :at where id = :id")
                .param("end", end)
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    public Optional<DepartureRecord> latest(UUID caseId) {
        return jdbc.sql("select * from departures where case_id = :caseId order by handed_over_at desc limit 1")
                .param("caseId", caseId)
                .query(RecordRowMapper.of(DepartureRecord.class))
                .optional();
    }

    public int interviews(UUID departureId) {
        return jdbc.sql("select count(*) from departure_interviews where departure_id = :id")
                .param("id", departureId)
                .query(Integer.class)
                .single();
    }

    public void insertInterview(InterviewRecord interview) {
        jdbc.sql("""
                insert into departure_interviews (id, departure_id, held_at, willing_to_leave, travel_document_present,
                    route)
                values (:id, :departureId, :heldAt, :willingToLeave, :travelDocumentPresent, :route)
                """)
                .param("id", ids.next())
                .param("departureId", interview.departureId())
                .param("heldAt", ts(interview.heldAt()))
                .param("willingToLeave", interview.willingToLeave())
                .param("travelDocumentPresent", interview.travelDocumentPresent())
                .param("route", interview.route())
                .update();
        jdbc.sql("update departures set route = :route, family_with_children = :family where id = :id")
                .param("route", interview.route())
                .param("family", interview.familyWithChildren())
                .param("id", interview.departureId())
                .update();
    }

    public void updateTransferDeadline(UUID id, String circumstance, Instant deadline) {
        jdbc.sql(
                        "update departures set transfer_circumstance = :circumstance, transfer_deadline = :deadline where id = :id")
                .param("circumstance", circumstance)
                .param("deadline", ts(deadline))
                .param("id", id)
                .update();
    }

    public void updateTransferPlan(UUID id, LocalDate date, Instant reportBy) {
        jdbc.sql("update departures set transfer_date = :date, transfer_report_by = :reportBy where id = :id")
                .param("date", date)
                .param("reportBy", ts(reportBy))
                .param("id", id)
                .update();
    }

    public void updateReports(UUID id, int reports, int missed, int missedInARow) {
        jdbc.sql("update departures set reports = :reports, missed_reports = :missed, "
                        + "missed_reports_in_a_row = :inARow where id = :id")
                .param("reports", reports)
                .param("missed", missed)
                .param("inARow", missedInARow)
                .param("id", id)
                .update();
    }

    public void updateVblStayEnded(UUID id, Instant at) {
        jdbc.sql("update departures set vbl_stay_ended_at = :at where id = :id")
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    public void startDetention(UUID id, String ground, Instant at, Instant ends) {
        jdbc.sql(
                        "update departures set detention_ground = :ground, detention_started_at = :at, detention_ends = :ends, "
                                + "detention_extended = false, detention_extension_reason = null, released_at = null where id = :id")
                .param("ground", ground)
                .param("at", ts(at))
                .param("ends", ts(ends))
                .param("id", id)
                .update();
    }

    public void extendDetention(UUID id, String reason, Instant ends) {
        jdbc.sql("update departures set detention_extended = true, detention_extension_reason = :reason, "
                        + "detention_ends = :ends where id = :id")
                .param("reason", reason)
                .param("ends", ts(ends))
                .param("id", id)
                .update();
    }

    public void release(UUID id, Instant at) {
        jdbc.sql("update departures set released_at = :at where id = :id")
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    public void close(UUID id, String outcome, Instant at) {
        jdbc.sql("update departures set outcome = :outcome, outcome_at = :at where id = :id")
                .param("outcome", outcome)
                .param("at", ts(at))
                .param("id", id)
                .update();
    }

    /** Departures that ended from {@code from} (inclusive) until {@code to} (exclusive), per outcome; every outcome present. */
    public Map<DepartureOutcome, Long> countOutcomes(Instant from, Instant to) {
        Map<DepartureOutcome, Long> counts = new EnumMap<>(DepartureOutcome.class);
        for (DepartureOutcome outcome : DepartureOutcome.values()) {
            counts.put(outcome, 0L);
        }
        jdbc.sql("select outcome, count(*) as n from departures where outcome is not null and outcome_at >= :from "
                        + "and outcome_at < :to group by outcome")
                .param("from", ts(from))
                .param("to", ts(to))
                .query((rs, row) -> Map.entry(DepartureOutcome.valueOf(rs.getString("outcome")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

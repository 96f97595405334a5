package nl.asylumchain.casefile.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/** The {@code cases} and {@code family_members} tables. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;
    private final String nextVNumberSql;

    public CaseRepository(JdbcClient jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
        this.nextVNumberSql =
                "PostgreSQL".equals(product) ? "select nextval('v_number_seq')" : "select next value for v_number_seq";
    }

    /** The next V-number: ten digits, unique because a database sequence hands it out. */
    public String nextVNumber() {
        long next = jdbc.sql(nextVNumberSql).query(Long.class).single();
        return String.format("%010d", next);
    }

    public void insert(CaseRecord c) {
        jdbc.sql("""
                insert into cases (case_id, v_number, family_name, given_names, birth_date, sex, nationality,
                    application_type, arrival_location, arrival_date, unaccompanied_minor,
                    temporary_protection_ukraine, returned_after_dublin, status, stage, created_at, updated_at)
                values (:caseId, :vNumber, :familyName, :givenNames, :birthDate, :sex, :nationality,
                    :applicationType, :arrivalLocation, :arrivalDate, :unaccompaniedMinor,
                    :temporaryProtectionUkraine, :returnedAfterDublin, :status, :stage, :createdAt, :updatedAt)
                """)
                .param("caseId", c.caseId())
                .param("vNumber", c.vNumber())
                .param("familyName", c.familyName())
                .param("givenNames", c.givenNames())
                .param("birthDate", c.birthDate())
                .param("sex", c.sex())
                .param("nationality", c.nationality())
                .param("applicationType", c.applicationType())
                .param("arrivalLocation", c.arrivalLocation())
                .param("arrivalDate", c.arrivalDate())
                .param("unaccompaniedMinor", c.unaccompaniedMinor())
                .param("temporaryProtectionUkraine", c.temporaryProtectionUkraine())
                .param("returnedAfterDublin", c.returnedAfterDublin())
                .param("status", c.status())
                .param("stage", c.stage())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .param("updatedAt", Timestamp.from(c.updatedAt()))
                .update();
    }

    /**
     * Locks the case's row until the transaction ends: changes that count what the case holds (its family members)
     * then run one after the other, and none counts without seeing the other's row.
     */
    public void lock(UUID caseId) {
        jdbc.sql("select case_id from cases where case_id = :caseId for update")
                .param("caseId", caseId)
                .query(UUID.class)
                .optional();
    }

    public void insertFamilyMember(UUID id, UUID caseId, String relation, LocalDate birthDate) {
        jdbc.sql(
                        "insert into family_members (id, case_id, relation, birth_date) values (:id, :caseId, :relation, :birthDate)")
                .param("id", id)
                .param("caseId", caseId)
                .param("relation", relation)
                .param("birthDate", birthDate)
                .update();
    }

    public Optional<CaseRecord> findById(UUID caseId) {
        return jdbc.sql("select * from cases where case_id = :caseId")
                .param("caseId", caseId)
                .query(CaseRepository::map)
                .optional();
    }

    public Optional<CaseRecord> findByVNumber(String vNumber) {
        return jdbc.sql("select * from cases where v_number = :vNumber")
                .param("vNumber", vNumber)
                .query(CaseRepository::map)
                .optional();
    }

    /**
     * What decides which organisations work on a case: where it arrived, its kind, whether the person is an
     * unaccompanied minor, and the milestones it reached. One query on the primary key (or the unique V-number) and
     * the milestones' case index; nothing of the person.
     */
    public Optional<WorkFacts> workFacts(UUID caseId) {
        return workFacts("c.case_id = :key", caseId);
    }

    public Optional<WorkFacts> workFactsByVNumber(String vNumber) {
        return workFacts("c.v_number = :key", vNumber);
    }

    private Optional<WorkFacts> workFacts(String condition, Object key) {
        record Row(UUID caseId, String arrivalLocation, String applicationType, boolean minor, MilestoneRecord m) {}
        List<Row> rows = jdbc.sql("""
                select c.case_id, c.arrival_location, c.application_type, c.unaccompanied_minor, m.milestone,
                    m.reached_at
                from cases c left join case_milestones m on m.case_id = c.case_id
                where %s
                order by m.reached_at, m.id
                """.formatted(condition))
                .param("key", key)
                .query((rs, i) -> new Row(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("arrival_location"),
                        rs.getString("application_type"),
                        rs.getBoolean("unaccompanied_minor"),
                        rs.getString("milestone") == null
                                ? null
                                : new MilestoneRecord(
                                        rs.getString("milestone"),
                                        rs.getTimestamp("reached_at").toInstant())))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        // one row per milestone (or one without): the case's columns repeat, the milestones add up in their order
        List<MilestoneRecord> timeline =
                rows.stream().map(Row::m).filter(Objects::nonNull).toList();
        Row first = rows.get(0);
        return Optional.of(new WorkFacts(
                first.caseId(),
                first.arrivalLocation(),
                first.applicationType(),
                first.minor(),
                timeline.stream().map(MilestoneRecord::milestone).collect(Collectors.toCollection(TreeSet::new)),
                timeline));
    }

    /**
     * The facts that decide who works on a case; {@code timeline} is its milestones in the order reached (as
     * {@link #milestones(UUID)} reads them), so that a case file read does not ask for them twice.
     */
    public record WorkFacts(
            UUID caseId,
            String arrivalLocation,
            String applicationType,
            boolean unaccompaniedMinor,
            Set<String> milestones,
            List<MilestoneRecord> timeline) {}

    /** A registration a user made earlier with this key: the case and the hash of the request it answered. */
    public record IdempotentRegistration(CaseRecord caseRecord, String requestHash) {}

    /** Keys are the sending user's own: another user's identical key finds nothing. */
    public Optional<IdempotentRegistration> findByIdempotencyKey(String userId, String key) {
        return jdbc.sql("""
                select c.*, k.request_hash from case_idempotency_keys k join cases c on c.case_id = k.case_id
                where k.user_id = :userId and k.idempotency_key = :key
                """)
                .param("userId", userId)
                .param("key", key)
                .query((rs, row) -> new IdempotentRegistration(map(rs, row), rs.getString("request_hash")))
                .optional();
    }

    /** Fails with a duplicate key when the same user registered with the same key at the same moment. */
    public void insertIdempotencyKey(String userId, String key, UUID caseId, String requestHash, Instant at) {
        jdbc.sql("""
                insert into case_idempotency_keys (user_id, idempotency_key, case_id, request_hash, created_at)
                values (:userId, :key, :caseId, :requestHash, :createdAt)
                """)
                .param("userId", userId)
                .param("key", key)
                .param("caseId", caseId)
                .param("requestHash", requestHash)
                .param("createdAt", Timestamp.from(at))
                .update();
    }

    public List<FamilyMemberRecord> familyMembers(UUID caseId) {
        return jdbc.sql(
                        "select id, relation, birth_date, linked_case_id from family_members where case_id = :caseId order by birth_date, id")
                .param("caseId", caseId)
                .query(CaseRepository::mapFamilyMember)
                .list();
    }

    /** Whether a child of this person's family arrived as a linked case (theirs, or of the sponsor they joined). */
    public boolean hasChildInTheCountry(UUID caseId) {
        // two lookups on the indexes of case_id and linked_case_id: "case_id = ? or case_id in (...)" in one
        // condition made both H2 and PostgreSQL read every family member for every case. Two scalar subqueries,
        // not a union: H2 keeps no union parsed and parsed it again at every call (docs/forecast.md, "Eighth round")
        return jdbc.sql("""
                select exists (select 1 from family_members where relation = 'CHILD' and linked_case_id is not null
                               and case_id = :caseId)
                    or exists (select 1 from family_members c join family_members f on f.case_id = c.case_id
                               where f.linked_case_id = :caseId and c.relation = 'CHILD'
                               and c.linked_case_id is not null)
                """).param("caseId", caseId).query(Boolean.class).single();
    }

    public Optional<FamilyMemberRecord> familyMember(UUID caseId, UUID familyMemberId) {
        return jdbc.sql(
                        "select id, relation, birth_date, linked_case_id from family_members where case_id = :caseId and id = :id")
                .param("caseId", caseId)
                .param("id", familyMemberId)
                .query(CaseRepository::mapFamilyMember)
                .optional();
    }

    /** Links a family member to the case opened on their arrival; false when they already have one. */
    public boolean linkFamilyMember(UUID familyMemberId, UUID linkedCaseId, UUID sponsorCaseId) {
        int updated = jdbc.sql(
                        "update family_members set linked_case_id = :linked where id = :id and linked_case_id is null")
                .param("linked", linkedCaseId)
                .param("id", familyMemberId)
                .update();
        jdbc.sql("update cases set sponsor_case_id = :sponsor where case_id = :linked")
                .param("sponsor", sponsorCaseId)
                .param("linked", linkedCaseId)
                .update();
        return updated == 1;
    }

    /** Cases linked through family reunification, both ways: the sponsor of this case, the family members of it. */
    public List<LinkedCaseRecord> linkedCases(UUID caseId) {
        // the sponsor first, then the family members by v-number; two statements, not a union, which H2 would
        // parse again at every call (docs/forecast.md, "Eighth round")
        List<LinkedCaseRecord> linked = new ArrayList<>(jdbc.sql("""
                        select s.case_id, s.v_number, s.status, 'SPONSOR' as link, f.id as family_member_id, f.relation
                        from cases c join cases s on s.case_id = c.sponsor_case_id
                            left join family_members f on f.linked_case_id = c.case_id
                        where c.case_id = :caseId
                        """)
                .param("caseId", caseId)
                .query(CaseRepository::mapLinkedCase)
                .list());
        linked.addAll(jdbc.sql("""
                        select m.case_id, m.v_number, m.status, 'FAMILY_MEMBER' as link, f.id as family_member_id,
                            f.relation
                        from family_members f join cases m on m.case_id = f.linked_case_id
                        where f.case_id = :caseId
                        order by m.v_number
                        """)
                .param("caseId", caseId)
                .query(CaseRepository::mapLinkedCase)
                .list());
        return linked;
    }

    private static LinkedCaseRecord mapLinkedCase(ResultSet rs, int row) throws SQLException {
        return new LinkedCaseRecord(
                rs.getObject("case_id", UUID.class),
                rs.getString("v_number"),
                rs.getString("status"),
                rs.getString("link"),
                rs.getObject("family_member_id", UUID.class),
                rs.getString("relation"));
    }

    private static FamilyMemberRecord mapFamilyMember(ResultSet rs, int row) throws SQLException {
        return new FamilyMemberRecord(
                rs.getObject("id", UUID.class),
                rs.getString("relation"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getObject("linked_case_id", UUID.class));
    }

    /**
     * Moves the case to a stage; a case already in that stage and status (the registration stage, which the intake
     * wrote with the row) is left as it is. True when the row changed.
     */
    public boolean updateStage(UUID caseId, String stage, String status, Instant now) {
        return jdbc.sql("""
                update cases set stage = :stage, status = :status, updated_at = :now
                where case_id = :caseId and (stage <> :stage or status <> :status)
                """)
                        .param("stage", stage)
                        .param("status", status)
                        .param("now", Timestamp.from(now))
                        .param("caseId", caseId)
                        .update()
                == 1;
    }

    /** Closes an open case; false when it was closed already (or does not exist). */
    public boolean close(UUID caseId, String outcome, String status, Instant now) {
        return jdbc.sql("""
                update cases set outcome = :outcome, status = :status, updated_at = :now
                where case_id = :caseId and status <> :status
                """)
                        .param("outcome", outcome)
                        .param("status", status)
                        .param("now", Timestamp.from(now))
                        .param("caseId", caseId)
                        .update()
                == 1;
    }

    /** The date the application was signed at I&R: from then on it counts (the decision period, the lead times). */
    public void updateApplicationSignedOn(UUID caseId, LocalDate signedOn, Instant now) {
        jdbc.sql("update cases set application_signed_on = :signedOn, updated_at = :now where case_id = :caseId")
                .param("signedOn", signedOn)
                .param("now", Timestamp.from(now))
                .param("caseId", caseId)
                .update();
    }

    public boolean exists(UUID caseId) {
        return jdbc.sql("select count(*) from cases where case_id = :caseId")
                        .param("caseId", caseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void updateTrack(UUID caseId, int track, String reason, Instant now) {
        jdbc.sql("update cases set track = :track, track_reason = :reason, updated_at = :now where case_id = :caseId")
                .param("track", track)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("caseId", caseId)
                .update();
    }

    public void updateDecision(UUID caseId, String outcome, Instant now) {
        jdbc.sql("update cases set decision_outcome = :outcome, updated_at = :now where case_id = :caseId")
                .param("outcome", outcome)
                .param("now", Timestamp.from(now))
                .param("caseId", caseId)
                .update();
    }

    public void insertMilestone(UUID id, UUID caseId, String milestone, Instant at) {
        jdbc.sql(
                        "insert into case_milestones (id, case_id, milestone, reached_at) values (:id, :caseId, :milestone, :at)")
                .param("id", id)
                .param("caseId", caseId)
                .param("milestone", milestone)
                .param("at", Timestamp.from(at))
                .update();
    }

    public List<MilestoneRecord> milestones(UUID caseId) {
        return jdbc.sql(
                        "select milestone, reached_at from case_milestones where case_id = :caseId order by reached_at, id")
                .param("caseId", caseId)
                .query((rs, i) -> new MilestoneRecord(
                        rs.getString("milestone"), rs.getTimestamp("reached_at").toInstant()))
                .list();
    }

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(
                rs.getObject("case_id", UUID.class),
                rs.getString("v_number"),
                rs.getString("family_name"),
                rs.getString("given_names"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getString("sex"),
                rs.getString("nationality"),
                rs.getString("application_type"),
                rs.getString("arrival_location"),
                rs.getObject("arrival_date", LocalDate.class),
                rs.getObject("application_signed_on", LocalDate.class),
                rs.getBoolean("unaccompanied_minor"),
                rs.getBoolean("temporary_protection_ukraine"),
                rs.getBoolean("returned_after_dublin"),
                rs.getString("status"),
                rs.getString("stage"),
                rs.getString("outcome"),
                (Integer) rs.getObject("track", Integer.class),
                rs.getString("track_reason"),
                rs.getString("decision_outcome"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    public record MilestoneRecord(String milestone, Instant reachedAt) {}

    public record FamilyMemberRecord(UUID id, String relation, LocalDate birthDate, UUID linkedCaseId) {}

    public record LinkedCaseRecord(
            UUID caseId, String vNumber, String status, String link, UUID familyMemberId, String relation) {}
}

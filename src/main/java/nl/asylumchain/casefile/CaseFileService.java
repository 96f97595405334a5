package nl.asylumchain.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.CaseFile.PersonSummary;
import nl.asylumchain.casefile.CaseFile.TimelineEntry;
import nl.asylumchain.casefile.persistence.CaseRecord;
import nl.asylumchain.casefile.persistence.CaseRepository;
import nl.asylumchain.casefile.process.CaseProcessEngine;
import nl.asylumchain.casefile.process.CaseProcessEngine.ChainStart;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.FieldError;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;

/** Registers asylum cases, keeps their status and stage, and answers what a case looks like now. */
@Service
public class CaseFileService {

    /** Nobody applies at 130; a birth date that far back is a typing error. */
    private static final int OLDEST_AGE = 130;

    private final CaseRepository cases;
    private final CaseProcessEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final TransactionTemplate transactions;

    private final List<CaseFileSection> sections;
    private final AccessLog accessLog;

    CaseFileService(CaseRepository cases, CaseProcessEngine engine, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager, List<CaseFileSection> sections, AccessLog accessLog) {
        this.sections = List.copyOf(sections);
        this.accessLog = accessLog;
        this.transactions = new TransactionTemplate(transactionManager);
        this.cases = cases;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a case and starts its chain in one transaction: either both the row and the process exist, or
     * neither. With an idempotency key, a repeat of the same request by the same user returns the first case and
     * starts nothing; the same key from another user registers that user's own case.
     */
    public RegisteredCase register(NewCase application, IdempotencyKey idempotencyKey) {
        try {
            return transactions.execute(status -> registerOnce(application, idempotencyKey));
        } catch (DuplicateKeyException raced) {
            // a parallel request of the same user with the same key won; its case is the first case
            return transactions.execute(status -> earlierRegistration(idempotencyKey, hash(application)))
                .orElseThrow(() -> raced);
        }
    }

    private RegisteredCase registerOnce(NewCase application, IdempotencyKey idempotencyKey) {
        String requestHash = hash(application);
        Optional<RegisteredCase> earlier = earlierRegistration(idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        checkDates(application);

        UUID caseId = UUID.randomUUID();
        Instant now = clock.instant();
        String vNumber = cases.nextVNumber();
        NewCase.Person person = application.person();
        CaseStatus status = CaseStatus.of(Stage.REGISTRATION);
        cases.insert(new CaseRecord(caseId, vNumber, person.familyName().strip(),
                person.givenNames() == null ? null : person.givenNames().strip(), person.birthDate(),
                person.sex().name(), person.nationality(), application.applicationType().name(),
                application.arrival().location().name(), application.arrival().date(),
                application.unaccompaniedMinor(), application.temporaryProtectionUkraine(),
                application.returnedAfterDublin(), status.name(),
                Stage.REGISTRATION.name(), null, null, null, null, now, now));
        if (idempotencyKey != null) {
            cases.insertIdempotencyKey(idempotencyKey.userId(), idempotencyKey.key(), caseId, requestHash, now);
        }
        for (NewCase.FamilyMemberAbroad member : application.familyMembersAbroad()) {
            cases.insertFamilyMember(UUID.randomUUID(), caseId, member.relation().name(), member.birthDate());
        }
        engine.start(new ChainStart(caseId, application.applicationType().name(),
                application.arrival().location().name(), person.nationality(), application.unaccompaniedMinor(),
                application.temporaryProtectionUkraine(), application.returnedAfterDublin(),
                application.familyMembersAbroad().size(),
                application.arrival().date(), ageOn(person.birthDate(), application.arrival().date())));
        reachMilestone(caseId, Milestone.REGISTERED);
        events.publishEvent(new CaseRegistered(caseId, application.applicationType(),
                application.arrival().location(), application.unaccompaniedMinor()));
        return new RegisteredCase(caseId, vNumber, status, true);
    }

    /** A case file as a reader may see it, and what the need-to-know table gave them. */
    public record Read(CaseFile caseFile, NeedToKnow.Access access) {
    }

    /**
     * The case file as this reader may see it ({@link NeedToKnow}), logged in the access log with what it showed
     * ({@code channel} names where it was read, e.g. {@code case file}). A case the reader's groups do not work on
     * is not found, like one that does not exist; a reader whose groups read no case files at all is refused.
     */
    @Transactional
    public Read read(UUID caseId, Accessor reader, String channel) {
        return read(cases.workFacts(caseId), reader, channel, "No case with id " + caseId);
    }

    /** As {@link #read(UUID, Accessor, String)}, found by V-number: a V-number of a case not worked on is unknown. */
    @Transactional
    public Read readByVNumber(String vNumber, Accessor reader, String channel) {
        return read(cases.workFactsByVNumber(vNumber), reader, channel, "No case with V-number " + vNumber);
    }

    /**
     * The case id of a V-number, for a reader whose groups work on the case (the case view's search): the same 403
     * and 404 as a read, and no access-log row, since it shows nothing but the id.
     */
    @Transactional(readOnly = true)
    public UUID caseIdByVNumber(String vNumber, Accessor reader) {
        String notFound = "No case with V-number " + vNumber;
        CaseRepository.WorkFacts facts = cases.workFactsByVNumber(vNumber).orElse(null);
        access(facts, reader, notFound);
        return facts.caseId();
    }

    /** What this reader may see of the case (the case view's diagrams ask it); 403 and 404 as for a read. */
    @Transactional(readOnly = true)
    public NeedToKnow.Access access(UUID caseId, Accessor reader) {
        return access(cases.workFacts(caseId).orElse(null), reader, "No case with id " + caseId);
    }

    private NeedToKnow.Access access(CaseRepository.WorkFacts facts, Accessor reader, String notFound) {
        if (!NeedToKnow.readsCaseFiles(reader.groups())) {
            throw new AccessDeniedException("Your groups read no case files");
        }
        if (facts == null) {
            throw new NotFoundException(notFound);
        }
        NeedToKnow.Access access = NeedToKnow.access(reader.groups(), new NeedToKnow.CaseFacts(
                ArrivalLocation.valueOf(facts.arrivalLocation()), ApplicationType.valueOf(facts.applicationType()),
                facts.unaccompaniedMinor(), facts.milestones().stream().map(Milestone::valueOf)
                        .collect(Collectors.toSet())));
        if (!access.granted()) {
            throw new NotFoundException(notFound);
        }
        return access;
    }

    private Read read(Optional<CaseRepository.WorkFacts> found, Accessor reader, String channel, String notFound) {
        NeedToKnow.Access access = access(found.orElse(null), reader, notFound);
        CaseRepository.WorkFacts facts = found.orElseThrow();
        CaseRecord record = cases.findById(facts.caseId()).orElseThrow(() -> new NotFoundException(notFound));
        CaseFile file = toCaseFile(record, access, reader.groups());
        accessLog.read(reader, access.groups(), record.caseId(), channel + " " + access.parts());
        return new Read(file, access);
    }

    /** The whole case file, for the chain's own steps (no reader, no access log); never hand it to a user. */
    @Transactional(readOnly = true)
    public CaseFile caseFile(UUID caseId) {
        return cases.findById(caseId).map(c -> toCaseFile(c, EVERYTHING, Set.of()))
                .orElseThrow(() -> new NotFoundException("No case with id " + caseId));
    }

    /**
     * Records that a case reached a milestone and tells the chain, within the current transaction. A milestone
     * may be reached more than once (a second decision after an annulment); each time is a timeline row.
     */
    @Transactional
    public void reachMilestone(UUID caseId, Milestone milestone) {
        Instant now = clock.instant();
        cases.insertMilestone(UUID.randomUUID(), caseId, milestone.name(), now);
        events.publishEvent(new MilestoneReached(caseId, milestone, now));
    }

    /** Called by the main process when a case enters a stage. */
    @Transactional
    public void enterStage(UUID caseId, Stage stage) {
        cases.updateStage(caseId, stage.name(), CaseStatus.of(stage).name(), clock.instant());
        events.publishEvent(new StageEntered(caseId, stage));
    }

    /** Called by the main process when a case reaches an end state. */
    @Transactional
    public void close(UUID caseId, CaseOutcome outcome) {
        CaseRecord record = cases.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Closing an unknown case " + caseId));
        Instant now = clock.instant();
        cases.close(caseId, outcome.name(), CaseStatus.CLOSED.name(), now);
        reachMilestone(caseId, Milestone.CLOSED);
        events.publishEvent(new CaseClosed(caseId, outcome, Duration.between(record.createdAt(), now)));
    }

    /**
     * A family member's own case (opened on their arrival, linked to the sponsor's, without a chain process of its
     * own) ends when they are housed: CLOSED with outcome PERMIT_HOLDER_HOUSED, like the sponsor's. The chain's
     * closed-case counter is left alone: the member did not come in through intake but as an arrival
     * ({@code asylum.family.members.arrived}). Just before the housing step commits, so that reception has
     * recorded the move out as HOUSED first.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    public void closeHousedFamilyMember(MilestoneReached reached) {
        if (reached.milestone() != Milestone.HOUSED) {
            return;
        }
        boolean familyMember = linkedCases(reached.caseId()).stream()
                .anyMatch(link -> link.link() == CaseFile.LinkRole.SPONSOR);
        boolean open = cases.findById(reached.caseId()).map(c -> !CaseStatus.CLOSED.name().equals(c.status()))
                .orElse(false);
        if (familyMember && open) {
            cases.close(reached.caseId(), CaseOutcome.PERMIT_HOLDER_HOUSED.name(), CaseStatus.CLOSED.name(),
                    clock.instant());
            reachMilestone(reached.caseId(), Milestone.CLOSED);
        }
    }

    /** Registration tells the case file which track (spoor) the case is in and why. */
    @Transactional
    public void recordTrack(UUID caseId, int track, String reason) {
        cases.updateTrack(caseId, track, reason, clock.instant());
    }

    /** The IND tells the case file the outcome of its latest decision. */
    @Transactional
    public void recordDecision(UUID caseId, String outcome) {
        cases.updateDecision(caseId, outcome, clock.instant());
    }

    /** Whether a case with this id exists. */
    @Transactional(readOnly = true)
    public boolean exists(UUID caseId) {
        return cases.findById(caseId).isPresent();
    }

    /**
     * What reception needs to place a person (no names): birth date, where they arrived, whether they came as an
     * unaccompanied minor, and whether they are in the country as a family with children (a child of theirs, or of
     * the sponsor they joined, arrived as a linked case).
     */
    public record PlacementFacts(LocalDate birthDate, ArrivalLocation arrivalLocation, boolean unaccompaniedMinor,
            boolean familyWithChildren) {
    }

    @Transactional(readOnly = true)
    public Optional<PlacementFacts> placementFacts(UUID caseId) {
        return cases.findById(caseId).map(c -> new PlacementFacts(c.birthDate(),
                ArrivalLocation.valueOf(c.arrivalLocation()), c.unaccompaniedMinor(),
                cases.hasChildInTheCountry(caseId)));
    }

    /**
     * Whether the applicant applied for asylum as an unaccompanied minor (under 18 on arrival, without a parent):
     * the fact family reunification needs to know whether their parents may join them.
     */
    @Transactional(readOnly = true)
    public boolean appliedAsUnaccompaniedMinor(UUID caseId) {
        return cases.findById(caseId).map(CaseRecord::unaccompaniedMinor)
                .orElseThrow(() -> new NotFoundException("No case with id " + caseId));
    }

    private Optional<RegisteredCase> earlierRegistration(IdempotencyKey idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return cases.findByIdempotencyKey(idempotencyKey.userId(), idempotencyKey.key()).map(registration -> {
            CaseRecord earlier = registration.caseRecord();
            if (!registration.requestHash().equals(requestHash)) {
                throw new InvalidRequestException("Idempotency-Key",
                    "was used before for a different application; use a new key for a new application");
            }
            return new RegisteredCase(earlier.caseId(), earlier.vNumber(), CaseStatus.valueOf(earlier.status()),
                false);
        });
    }

    /** Rules between fields that the field annotations cannot see. */
    private void checkDates(NewCase application) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate birthDate = application.person().birthDate();
        LocalDate arrivalDate = application.arrival().date();
        LocalDate today = LocalDate.now(clock);
        if (birthDate.isBefore(today.minusYears(OLDEST_AGE))) {
            errors.add(new FieldError("person.birthDate", "must be less than " + OLDEST_AGE + " years ago"));
        }
        if (arrivalDate.isBefore(birthDate)) {
            errors.add(new FieldError("arrival.date", "must not be before the birth date"));
        }
        if (application.unaccompaniedMinor() && ageOn(birthDate, arrivalDate) >= 18) {
            errors.add(new FieldError("unaccompaniedMinor",
                "an unaccompanied minor must be under 18 on the arrival date"));
        }
        if (application.applicationType() == ApplicationType.FAMILY_REUNIFICATION) {
            errors.add(new FieldError("applicationType",
                "must be FIRST, REPEAT or RESETTLEMENT; a family reunification case opens when the family member arrives"));
        }
        if (application.arrival().location() == ArrivalLocation.ZEVENAAR) {
            errors.add(new FieldError("arrival.location",
                "must be TER_APEL, BUDEL or SCHIPHOL; IND Zevenaar receives only arriving family members"));
        }
        List<NewCase.FamilyMemberAbroad> family = application.familyMembersAbroad();
        for (int i = 0; i < family.size(); i++) {
            if (family.get(i).birthDate().isBefore(today.minusYears(OLDEST_AGE))) {
                errors.add(new FieldError("familyMembersAbroad[" + i + "].birthDate",
                    "must be less than " + OLDEST_AGE + " years ago"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * Adds a family member abroad to an existing case (reported after intake). The main process, if it has not
     * yet passed the permit, sees the new count; a case with a permit starts their family reunification through
     * {@link FamilyMemberAdded}, which is published in this transaction.
     */
    @Transactional
    public FamilyMember addFamilyMember(UUID caseId, NewCase.FamilyMemberAbroad member) {
        if (!exists(caseId)) {
            throw new NotFoundException("No case with id " + caseId);
        }
        if (member.birthDate().isBefore(LocalDate.now(clock).minusYears(OLDEST_AGE))) {
            throw new InvalidRequestException("birthDate", "must be less than " + OLDEST_AGE + " years ago");
        }
        UUID id = UUID.randomUUID();
        // parallel additions would each count the members without the other's new row: one at a time per case
        cases.lock(caseId);
        cases.insertFamilyMember(id, caseId, member.relation().name(), member.birthDate());
        engine.familyMembersAbroadChanged(caseId, cases.familyMembers(caseId).size());
        events.publishEvent(new FamilyMemberAdded(caseId, id, member.relation()));
        return new FamilyMember(id, member.relation(), member.birthDate());
    }

    /** The family members abroad recorded on a case (at intake or later). */
    @Transactional(readOnly = true)
    public List<FamilyMember> familyMembers(UUID caseId) {
        return cases.familyMembers(caseId).stream()
                .map(f -> new FamilyMember(f.id(), Relation.valueOf(f.relation()), f.birthDate())).toList();
    }

    /** When the case's (latest) asylum permit was granted, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Instant> permitGrantedAt(UUID caseId) {
        return cases.milestones(caseId).stream()
                .filter(m -> Milestone.PERMIT_GRANTED.name().equals(m.milestone()))
                .map(CaseRepository.MilestoneRecord::reachedAt).reduce((first, later) -> later);
    }

    /**
     * Opens the case of a family member who arrived through family reunification: own case id and V-number, a
     * derived permit (status PERMIT_GRANTED), linked to the sponsor's case both ways, milestone REGISTERED so that
     * reception places them. Conflict when the family member already has a case.
     */
    @Transactional
    public RegisteredCase registerLinkedCase(NewLinkedCase arrival) {
        CaseRepository.FamilyMemberRecord member = cases.familyMember(arrival.sponsorCaseId(),
                arrival.familyMemberId()).orElseThrow(() -> new InvalidRequestException("familyMemberId",
                        "is not a family member of case " + arrival.sponsorCaseId()));
        if (member.linkedCaseId() != null) {
            throw new ConflictException("Family member " + arrival.familyMemberId() + " already has case "
                    + member.linkedCaseId());
        }
        UUID caseId = UUID.randomUUID();
        Instant now = clock.instant();
        String vNumber = cases.nextVNumber();
        CaseStatus status = CaseStatus.PERMIT_GRANTED;
        cases.insert(new CaseRecord(caseId, vNumber, arrival.familyName().strip(),
                arrival.givenNames() == null ? null : arrival.givenNames().strip(), member.birthDate(),
                arrival.sex().name(), arrival.nationality(), ApplicationType.FAMILY_REUNIFICATION.name(),
                ArrivalLocation.ZEVENAAR.name(), LocalDate.now(clock), false, false, false, status.name(),
                Stage.FAMILY_REUNIFICATION.name(), null, null, null, null, now, now));
        cases.updateDecision(caseId, "PERMIT_GRANTED", now);
        if (!cases.linkFamilyMember(arrival.familyMemberId(), caseId, arrival.sponsorCaseId())) {
            throw new ConflictException("Family member " + arrival.familyMemberId() + " already has a case");
        }
        reachMilestone(caseId, Milestone.REGISTERED);
        return new RegisteredCase(caseId, vNumber, status, true);
    }

    /**
     * The cases linked to this one through family reunification: its {@code SPONSOR}, or the {@code FAMILY_MEMBER}s
     * who arrived. What reception and housing need to keep a household together.
     */
    @Transactional(readOnly = true)
    public List<CaseFile.LinkedCase> linkedCases(UUID caseId) {
        return cases.linkedCases(caseId).stream()
                .map(l -> new CaseFile.LinkedCase(l.caseId(), l.vNumber(), CaseFile.LinkRole.valueOf(l.link()),
                        l.familyMemberId(), l.relation() == null ? null : Relation.valueOf(l.relation()),
                        CaseStatus.valueOf(l.status())))
                .toList();
    }

    private static int ageOn(LocalDate birthDate, LocalDate date) {
        return Math.max(0, Period.between(birthDate, date).getYears());
    }

    /** The chain's own reads (no reader): every part. */
    private static final NeedToKnow.Access EVERYTHING = new NeedToKnow.Access(Set.of(),
            EnumSet.allOf(CaseFilePart.class));

    /** Builds only the parts the access gives: what a reader may not see is neither queried nor shown. */
    private CaseFile toCaseFile(CaseRecord c, NeedToKnow.Access access, Set<String> readerGroups) {
        CaseStatus status = CaseStatus.valueOf(c.status());
        boolean open = status != CaseStatus.CLOSED;
        boolean name = access.sees(CaseFilePart.NAME);
        boolean identity = access.sees(CaseFilePart.IDENTITY);
        boolean application = access.sees(CaseFilePart.APPLICATION);
        boolean progress = access.sees(CaseFilePart.PROGRESS);
        boolean track = access.sees(CaseFilePart.TRACK);
        boolean family = access.sees(CaseFilePart.FAMILY);
        return new CaseFile(c.caseId(), c.vNumber(),
                name || identity ? new PersonSummary(name ? c.familyName() : null, name ? c.givenNames() : null,
                        identity ? c.birthDate() : null, identity ? Sex.valueOf(c.sex()) : null,
                        identity ? c.nationality() : null) : null,
                application ? ApplicationType.valueOf(c.applicationType()) : null,
                application ? ArrivalLocation.valueOf(c.arrivalLocation()) : null,
                application ? c.arrivalDate() : null,
                application ? c.unaccompaniedMinor() : null,
                application ? c.temporaryProtectionUkraine() : null,
                application ? c.returnedAfterDublin() : null,
                progress ? status : null,
                !progress ? null : open ? engine.currentStages(c.caseId()) : List.of(),
                progress && c.outcome() != null ? CaseOutcome.valueOf(c.outcome()) : null,
                track ? c.track() : null, track ? c.trackReason() : null,
                access.sees(CaseFilePart.DECISION_OUTCOME) ? c.decisionOutcome() : null,
                family ? familyMembers(c.caseId()) : null,
                family ? linkedCases(c.caseId()) : null,
                open ? openTasks(c.caseId(), access, readerGroups) : tasksShown(access) ? List.of() : null,
                progress ? cases.milestones(c.caseId()).stream()
                        .map(m -> new TimelineEntry(Milestone.valueOf(m.milestone()), m.reachedAt())).toList() : null,
                sectionsOf(c.caseId(), access), application ? c.createdAt() : null, progress ? c.updatedAt() : null);
    }

    private static boolean tasksShown(NeedToKnow.Access access) {
        return access.sees(CaseFilePart.ALL_TASKS) || access.sees(CaseFilePart.OWN_TASKS);
    }

    /** All open tasks, or those of the reader's own groups, or none (null: the part is absent). */
    private List<CaseFile.OpenTask> openTasks(UUID caseId, NeedToKnow.Access access, Set<String> readerGroups) {
        if (access.sees(CaseFilePart.ALL_TASKS)) {
            return engine.openTasks(caseId);
        }
        if (access.sees(CaseFilePart.OWN_TASKS)) {
            return engine.openTasks(caseId).stream()
                    .filter(task -> task.candidateGroups().stream().anyMatch(readerGroups::contains)).toList();
        }
        return null;
    }

    /** The sections the access gives, by the table's part for each; null when it gives no section at all. */
    private Map<String, Object> sectionsOf(UUID caseId, NeedToKnow.Access access) {
        boolean anySection = access.parts().stream().anyMatch(part -> part.sectionName().isPresent());
        if (!anySection) {
            return null;
        }
        Map<String, Object> result = new TreeMap<>();
        for (CaseFileSection section : sections) {
            if (CaseFilePart.ofSection(section.name()).filter(access::sees).isPresent()) {
                section.of(caseId).ifPresent(content -> result.put(section.name(), content));
            }
        }
        return result;
    }

    private static String hash(NewCase application) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(application.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package nl.asylumchain.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.CaseFile.PersonSummary;
import nl.asylumchain.casefile.CaseFile.TimelineEntry;
import nl.asylumchain.casefile.persistence.CaseRecord;
import nl.asylumchain.casefile.persistence.CaseRepository;
import nl.asylumchain.platform.NotFoundException;

/**
 * The case file as it is read: by a handler (only the parts their groups need, logged in the access log), by
 * V-number, and in narrow queries for the chain's own steps, each answering one fact (the links of a household,
 * what reception places on, when the permit came) without building the whole case file.
 */
@Service
public class CaseFiles {

    private final CaseRepository cases;
    private final ChainProcesses chain;
    private final List<CaseFileSection> sections;
    private final AccessLog accessLog;

    CaseFiles(CaseRepository cases, ChainProcesses chain, List<CaseFileSection> sections, AccessLog accessLog) {
        this.cases = cases;
        this.chain = chain;
        this.sections = List.copyOf(sections);
        this.accessLog = accessLog;
    }

    /** A case file as a reader may see it, and what the need-to-know table gave them. */
    public record Read(CaseFile caseFile, NeedToKnow.Access access) {}

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
        NeedToKnow.Access access = NeedToKnow.access(
                reader.groups(),
                new NeedToKnow.CaseFacts(
                        ArrivalLocation.valueOf(facts.arrivalLocation()),
                                ApplicationType.valueOf(facts.applicationType()),
                        facts.unaccompaniedMinor(),
                                facts.milestones().stream()
                                        .map(Milestone::valueOf)
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
        CaseFile file = toCaseFile(record, access, reader.groups(), facts.timeline());
        accessLog.read(reader, access.groups(), record.caseId(), channel + " " + access.parts());
        return new Read(file, access);
    }

    /** The whole case file, for the chain's own steps (no reader, no access log); never hand it to a user. */
    @Transactional(readOnly = true)
    public CaseFile caseFile(UUID caseId) {
        return cases.findById(caseId)
                .map(c -> toCaseFile(c, EVERYTHING, Set.of(), cases.milestones(caseId)))
                .orElseThrow(() -> new NotFoundException("No case with id " + caseId));
    }

    /** Whether a case with this id exists. */
    @Transactional(readOnly = true)
    public boolean exists(UUID caseId) {
        return cases.exists(caseId);
    }

    /**
     * What reception needs to place a person (no names): birth date, where they arrived, whether they came as an
     * unaccompanied minor, and whether they are in the country as a family with children (a child of theirs, or of
     * the sponsor they joined, arrived as a linked case).
     */
    public record PlacementFacts(
            LocalDate birthDate,
            ArrivalLocation arrivalLocation,
            boolean unaccompaniedMinor,
            boolean familyWithChildren) {}

    @Transactional(readOnly = true)
    public Optional<PlacementFacts> placementFacts(UUID caseId) {
        return cases.findById(caseId)
                .map(c -> new PlacementFacts(
                        c.birthDate(),
                        ArrivalLocation.valueOf(c.arrivalLocation()),
                        c.unaccompaniedMinor(),
                        cases.hasChildInTheCountry(caseId)));
    }

    /**
     * Whether the applicant applied for asylum as an unaccompanied minor (under 18 on arrival, without a parent):
     * the fact family reunification needs to know whether their parents may join them.
     */
    @Transactional(readOnly = true)
    public boolean appliedAsUnaccompaniedMinor(UUID caseId) {
        return cases.findById(caseId)
                .map(CaseRecord::unaccompaniedMinor)
                .orElseThrow(() -> new NotFoundException("No case with id " + caseId));
    }

    /** The family members abroad recorded on a case (at intake or later). */
    @Transactional(readOnly = true)
    public List<FamilyMember> familyMembers(UUID caseId) {
        return cases.familyMembers(caseId).stream()
                .map(f -> new FamilyMember(f.id(), Relation.valueOf(f.relation()), f.birthDate()))
                .toList();
    }

    /** When the case's (latest) asylum permit was granted, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Instant> permitGrantedAt(UUID caseId) {
        return cases.milestones(caseId).stream()
                .filter(m -> Milestone.PERMIT_GRANTED.name().equals(m.milestone()))
                .map(CaseRepository.MilestoneRecord::reachedAt)
                .reduce((first, later) -> later);
    }

    /**
     * The cases linked to this one through family reunification: its {@code SPONSOR}, or the {@code FAMILY_MEMBER}s
     * who arrived. What reception and housing need to keep a household together.
     */
    @Transactional(readOnly = true)
    public List<CaseFile.LinkedCase> linkedCases(UUID caseId) {
        return cases.linkedCases(caseId).stream()
                .map(l -> new CaseFile.LinkedCase(
                        l.caseId(),
                        l.vNumber(),
                        CaseFile.LinkRole.valueOf(l.link()),
                        l.familyMemberId(),
                        l.relation() == null ? null : Relation.valueOf(l.relation()),
                        CaseStatus.valueOf(l.status())))
                .toList();
    }

    /** The chain's own reads (no reader): every part. */
    private static final NeedToKnow.Access EVERYTHING =
            new NeedToKnow.Access(Set.of(), EnumSet.allOf(CaseFilePart.class));

    /** Builds only the parts the access gives: what a reader may not see is neither queried nor shown. */
    private CaseFile toCaseFile(
            CaseRecord c,
            NeedToKnow.Access access,
            Set<String> readerGroups,
            List<CaseRepository.MilestoneRecord> milestones) {
        CaseStatus status = CaseStatus.valueOf(c.status());
        boolean open = status != CaseStatus.CLOSED;
        boolean name = access.sees(CaseFilePart.NAME);
        boolean identity = access.sees(CaseFilePart.IDENTITY);
        boolean application = access.sees(CaseFilePart.APPLICATION);
        boolean progress = access.sees(CaseFilePart.PROGRESS);
        boolean track = access.sees(CaseFilePart.TRACK);
        boolean family = access.sees(CaseFilePart.FAMILY);
        return new CaseFile(
                c.caseId(),
                c.vNumber(),
                name || identity
                        ? new PersonSummary(
                                name ? c.familyName() : null,
                                name ? c.givenNames() : null,
                                identity ? c.birthDate() : null,
                                identity ? Sex.valueOf(c.sex()) : null,
                                identity ? c.nationality() : null)
                        : null,
                application ? ApplicationType.valueOf(c.applicationType()) : null,
                application ? ArrivalLocation.valueOf(c.arrivalLocation()) : null,
                application ? c.arrivalDate() : null,
                application ? c.applicationSignedOn() : null,
                application ? c.unaccompaniedMinor() : null,
                application ? c.temporaryProtectionUkraine() : null,
                application ? c.returnedAfterDublin() : null,
                progress ? status : null,
                !progress ? null : open ? chain.currentStages(c.caseId()) : List.of(),
                progress && c.outcome() != null ? CaseOutcome.valueOf(c.outcome()) : null,
                track ? c.track() : null,
                track ? c.trackReason() : null,
                access.sees(CaseFilePart.DECISION_OUTCOME) ? c.decisionOutcome() : null,
                family ? familyMembers(c.caseId()) : null,
                family ? linkedCases(c.caseId()) : null,
                open ? openTasks(c.caseId(), access, readerGroups) : tasksShown(access) ? List.of() : null,
                progress
                        ? milestones.stream()
                                .map(m -> new TimelineEntry(Milestone.valueOf(m.milestone()), m.reachedAt()))
                                .toList()
                        : null,
                sectionsOf(c.caseId(), access),
                application ? c.createdAt() : null,
                progress ? c.updatedAt() : null);
    }

    private static boolean tasksShown(NeedToKnow.Access access) {
        return access.sees(CaseFilePart.ALL_TASKS) || access.sees(CaseFilePart.OWN_TASKS);
    }

    /** All open tasks, or those of the reader's own groups, or none (null: the part is absent). */
    private List<CaseFile.OpenTask> openTasks(UUID caseId, NeedToKnow.Access access, Set<String> readerGroups) {
        if (access.sees(CaseFilePart.ALL_TASKS)) {
            return chain.openTasks(caseId);
        }
        if (access.sees(CaseFilePart.OWN_TASKS)) {
            return chain.openTasks(caseId).stream()
                    .filter(task -> task.candidateGroups().stream().anyMatch(readerGroups::contains))
                    .toList();
        }
        return null;
    }

    /** The sections the access gives, by the table's part for each; null when it gives no section at all. */
    private Map<String, Object> sectionsOf(UUID caseId, NeedToKnow.Access access) {
        boolean anySection =
                access.parts().stream().anyMatch(part -> part.sectionName().isPresent());
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
}

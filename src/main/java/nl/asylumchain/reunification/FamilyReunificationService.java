package nl.asylumchain.reunification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.CaseFile.FamilyMember;
import nl.asylumchain.casefile.CaseFiles;
import nl.asylumchain.casefile.CaseIntake;
import nl.asylumchain.casefile.NewLinkedCase;
import nl.asylumchain.casefile.RegisteredCase;
import nl.asylumchain.casefile.Relation;
import nl.asylumchain.platform.ConflictException;
import nl.asylumchain.platform.InvalidRequestException;
import nl.asylumchain.platform.NotFoundException;
import nl.asylumchain.platform.ProcessMessages;
import nl.asylumchain.reunification.persistence.ReunificationRepository;
import nl.asylumchain.reunification.persistence.ReunificationRepository.ReunificationRecord;

/**
 * Family reunification (nareis) of permit holders: one application per family member, from the window after the
 * sponsor's permit to the family member's arrival (a new case, linked to the sponsor's), a refusal, a missed
 * window or an unused mvv. Every step is recorded here; the models only route.
 */
@Service
@EnableConfigurationProperties(ReunificationProperties.class)
public class FamilyReunificationService {

    /** The message the per-member application process waits for after the mvv. */
    public static final String FAMILY_ARRIVED_MESSAGE = "FamilyArrived";

    private final ReunificationRepository applications;
    private final CaseFiles caseFile;
    private final CaseIntake intake;
    private final ProcessMessages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReunificationProperties terms;

    FamilyReunificationService(
            ReunificationRepository applications,
            CaseFiles caseFile,
            CaseIntake intake,
            ProcessMessages messages,
            ApplicationEventPublisher events,
            Clock clock,
            ReunificationProperties terms) {
        this.applications = applications;
        this.caseFile = caseFile;
        this.intake = intake;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.terms = terms;
    }

    public ReunificationProperties terms() {
        return terms;
    }

    /** The applications a sponsor's process opened now, and when their window closes. */
    public record Opening(List<UUID> familyMemberIds, Instant applicationWindowEnd) {}

    /**
     * Opens an application for every family member of the case that has none yet. The window runs from the
     * (latest) permit; without one recorded, from now.
     */
    @Transactional
    public Opening open(UUID sponsorCaseId) {
        Instant now = clock.instant();
        Instant windowEnd = plus(caseFile.permitGrantedAt(sponsorCaseId).orElse(now), terms.applicationWindow());
        Set<UUID> open = applications.ofSponsor(sponsorCaseId).stream()
                .map(ReunificationRecord::familyMemberId)
                .collect(Collectors.toSet());
        List<UUID> opened = new ArrayList<>();
        for (FamilyMember member : caseFile.familyMembers(sponsorCaseId)) {
            if (!open.contains(member.id())) {
                applications.open(member.id(), sponsorCaseId, member.relation().name(), windowEnd, now);
                opened.add(member.id());
            }
        }
        return new Opening(List.copyOf(opened), windowEnd);
    }

    /**
     * What the eligibility rule (DMN reunificationEligibility) reads, as it stood on the application date: the
     * relation, whether a spouse's or partner's relation existed before the sponsor entered, the family member's
     * age on that date and whether the sponsor applied for asylum as an unaccompanied minor.
     */
    public record Application(
            Instant decisionDeadline,
            Relation relation,
            Boolean relationBeforeEntry,
            int ageAtApplication,
            boolean sponsorUnaccompaniedMinor) {}

    /**
     * The application arrived within the window: records it with the facts the eligibility rule needs and returns
     * them with the decision deadline. For a spouse or partner the registering handler must say whether the
     * relation existed before the sponsor entered (400 naming relationBeforeEntry otherwise); for a child or a
     * parent that question does not apply and is not kept.
     */
    @Transactional
    public Application applied(UUID familyMemberId, Boolean relationBeforeEntry) {
        ReunificationRecord application = application(familyMemberId);
        Relation relation = Relation.valueOf(application.relation());
        boolean partner = relation == Relation.SPOUSE || relation == Relation.PARTNER;
        if (partner && relationBeforeEntry == null) {
            throw new InvalidRequestException(
                    "relationBeforeEntry",
                    "is required for a spouse or partner: did the relation exist before the sponsor entered?");
        }
        FamilyMember member = caseFile.familyMembers(application.sponsorCaseId()).stream()
                .filter(m -> m.id().equals(familyMemberId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No family member " + familyMemberId));
        Instant now = clock.instant();
        int age = Period.between(member.birthDate(), LocalDate.ofInstant(now, clock.getZone()))
                .getYears();
        Instant deadline = plus(now, terms.decisionPeriod());
        applications.applied(familyMemberId, now, deadline);
        Boolean before = partner ? relationBeforeEntry : null;
        applications.eligibilityFacts(familyMemberId, before, age);
        return new Application(
                deadline, relation, before, age, caseFile.appliedAsUnaccompaniedMinor(application.sponsorCaseId()));
    }

    /**
     * The relation is not one the family reunification covers (DMN reunificationEligibility): the application is
     * refused with the rule that says so, which the case file shows and a later arrival is refused with.
     */
    @Transactional
    public void refusedAsIneligible(UUID familyMemberId, String eligibilityRule) {
        ReunificationRecord application = application(familyMemberId);
        applications.refusedAsIneligible(familyMemberId, eligibilityRule, clock.instant());
        events.publishEvent(
                new ReunificationDecided(application.sponsorCaseId(), familyMemberId, ReunificationOutcome.REJECTED));
    }

    @Transactional
    public void evidenceAssessed(UUID familyMemberId, String evidenceType) {
        applications.evidenceAssessed(familyMemberId, evidenceType, clock.instant());
    }

    /** The outcome of a DNA test or an identifying interview at the embassy. */
    @Transactional
    public void evidenceResearched(UUID familyMemberId, String outcome) {
        applications.evidenceResearched(familyMemberId, outcome, clock.instant());
    }

    /** The decision period passed and is extended once; returns the new deadline. */
    @Transactional
    public Instant decisionPeriodExtended(UUID familyMemberId) {
        ReunificationRecord application = application(familyMemberId);
        Instant deadline = plus(application.decisionDeadline(), terms.decisionExtension());
        applications.decisionPeriodExtended(familyMemberId, deadline, clock.instant());
        return deadline;
    }

    @Transactional
    public void decided(UUID familyMemberId, boolean granted) {
        ReunificationRecord application = application(familyMemberId);
        if (granted) {
            applications.granted(familyMemberId, clock.instant());
        } else {
            applications.refused(familyMemberId, clock.instant());
        }
        events.publishEvent(new ReunificationDecided(
                application.sponsorCaseId(),
                familyMemberId,
                granted ? ReunificationOutcome.GRANTED : ReunificationOutcome.REJECTED));
    }

    /** The mvv is issued on a grant; returns until when it is valid. */
    @Transactional
    public Instant mvvIssued(UUID familyMemberId) {
        Instant now = clock.instant();
        Instant validUntil = plus(now, terms.mvvValidity());
        applications.mvvIssued(familyMemberId, validUntil, now);
        return validUntil;
    }

    @Transactional
    public void mvvExpired(UUID familyMemberId) {
        applications.mvvExpired(familyMemberId, clock.instant());
    }

    @Transactional
    public void windowMissed(UUID familyMemberId) {
        ReunificationRecord application = application(familyMemberId);
        applications.windowMissed(familyMemberId, clock.instant());
        events.publishEvent(new ReunificationDecided(
                application.sponsorCaseId(), familyMemberId, ReunificationOutcome.WINDOW_MISSED));
    }

    /**
     * A family member arrived on their mvv: their application process ends, and they get an own case linked to
     * the sponsor's (milestone REGISTERED, so that reception places them). 400 when the id is not a family member
     * of the case, 409 when their application is not waiting for an arrival; either way nothing changes.
     */
    @Transactional
    public RegisteredCase arrived(UUID sponsorCaseId, FamilyArrival arrival) {
        if (caseFile.familyMembers(sponsorCaseId).stream().noneMatch(m -> m.id().equals(arrival.familyMemberId()))) {
            throw new InvalidRequestException("familyMemberId", "is not a family member of case " + sponsorCaseId);
        }
        applications
                .find(arrival.familyMemberId())
                .map(ReunificationRecord::eligibilityRule)
                .filter(rule -> !rule.isEmpty())
                .ifPresent(rule -> {
                    throw new ConflictException("Family member " + arrival.familyMemberId()
                            + " was refused family reunification under rule " + rule
                            + " (DMN reunificationEligibility); no mvv, no arrival");
                });
        messages.correlate(
                sponsorCaseId,
                FAMILY_ARRIVED_MESSAGE,
                Map.of("familyMemberId", arrival.familyMemberId().toString()),
                Map.of());
        RegisteredCase linked = intake.registerLinkedCase(new NewLinkedCase(
                sponsorCaseId,
                arrival.familyMemberId(),
                arrival.familyName(),
                arrival.givenNames(),
                arrival.sex(),
                arrival.nationality()));
        applications.arrived(arrival.familyMemberId(), linked.caseId(), clock.instant());
        events.publishEvent(new FamilyMemberArrived(sponsorCaseId, arrival.familyMemberId(), linked.caseId()));
        return linked;
    }

    private ReunificationRecord application(UUID familyMemberId) {
        return applications
                .find(familyMemberId)
                .orElseThrow(
                        () -> new NotFoundException("No family reunification for family member " + familyMemberId));
    }

    private Instant plus(Instant from, Period period) {
        return from.atZone(clock.getZone()).plus(period).toInstant();
    }
}

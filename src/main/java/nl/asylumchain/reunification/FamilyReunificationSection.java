package nl.asylumchain.reunification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFileSection;
import nl.asylumchain.reunification.persistence.ReunificationRepository;
import nl.asylumchain.reunification.persistence.ReunificationRepository.ReunificationRecord;
import nl.asylumchain.reunification.process.FamilyReunificationApplicationModel;
import nl.asylumchain.reunification.process.FamilyReunificationModel;

/**
 * {@code sections.familyReunification} of a sponsor's case: each family member's application with its status,
 * window, the facts of the eligibility rule and, for a refused relation, the rule (eligibilityRule), evidence,
 * decision (deadline), mvv, arrival and linked case. Family members recorded before the permit
 * have no application yet; the case file lists them under {@code familyMembersAbroad}.
 */
@Component
class FamilyReunificationSection implements CaseFileSection {

    private final ReunificationRepository applications;

    FamilyReunificationSection(ReunificationRepository applications) {
        this.applications = applications;
    }

    record Section(List<MemberApplication> members) {}

    record MemberApplication(
            UUID familyMemberId,
            String relation,
            ReunificationStatus status,
            Instant applicationWindowEnds,
            Instant appliedAt,
            String evidenceType,
            String evidenceOutcome,
            Instant decisionDeadline,
            boolean decisionPeriodExtended,
            String decision,
            Instant decidedAt,
            Instant mvvValidUntil,
            Instant arrivedAt,
            UUID linkedCaseId,
            Instant endedAt,
            Boolean relationBeforeEntry,
            Integer ageAtApplication,
            String eligibilityRule) {}

    @Override
    public Set<String> processKeys() {
        return Set.of(FamilyReunificationModel.PROCESS_KEY, FamilyReunificationApplicationModel.PROCESS_KEY);
    }

    @Override
    public String name() {
        return "familyReunification";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        List<ReunificationRecord> rows = applications.ofSponsor(caseId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section(rows.stream()
                .map(r -> new MemberApplication(
                        r.familyMemberId(),
                        r.relation(),
                        ReunificationStatus.valueOf(r.status()),
                        r.windowEndsAt(),
                        r.appliedAt(),
                        r.evidenceType(),
                        r.evidenceOutcome(),
                        r.decisionDeadline(),
                        r.decisionPeriodExtended(),
                        r.decision(),
                        r.decidedAt(),
                        r.mvvValidUntil(),
                        r.arrivedAt(),
                        r.linkedCaseId(),
                        r.endedAt(),
                        r.relationBeforeEntry(),
                        r.ageAtApplication(),
                        r.eligibilityRule()))
                .toList()));
    }
}

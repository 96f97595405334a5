package nl.asylumchain.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case as a handler sees it: who, where in the chain, what is open. A reader gets only the parts the need-to-know
 * table gives their groups ({@link NeedToKnow}); the others are null, and so absent from the JSON.
 */
public record CaseFile(
        UUID caseId,
        String vNumber,
        PersonSummary person,
        ApplicationType applicationType,
        ArrivalLocation arrivalLocation,
        LocalDate reportedOn,
        LocalDate applicationSignedOn,
        Boolean unaccompaniedMinor,
        Boolean temporaryProtectionUkraine,
        Boolean returnedAfterDublin,
        CaseStatus status,
        List<Stage> currentStages,
        CaseOutcome outcome,
        Integer track,
        String trackReason,
        String decisionOutcome,
        List<FamilyMember> familyMembersAbroad,
        List<LinkedCase> linkedCases,
        List<OpenTask> openTasks,
        List<TimelineEntry> milestones,
        Map<String, Object> sections,
        Instant registeredAt,
        Instant updatedAt) {

    public record PersonSummary(
            String familyName, String givenNames, LocalDate birthDate, Sex sex, String nationality) {}

    public record FamilyMember(UUID id, Relation relation, LocalDate birthDate) {}

    /**
     * A case linked through family reunification, seen from this case: its {@code SPONSOR} (this case is a
     * family member's), or a {@code FAMILY_MEMBER} who arrived (this case is the sponsor's).
     */
    public record LinkedCase(
            UUID caseId, String vNumber, LinkRole link, UUID familyMemberId, Relation relation, CaseStatus status) {}

    public enum LinkRole {
        SPONSOR,
        FAMILY_MEMBER
    }

    public record TimelineEntry(Milestone milestone, Instant reachedAt) {}

    public record OpenTask(
            String id,
            String name,
            String taskDefinitionKey,
            List<String> candidateGroups,
            String assignee,
            Instant dueDate,
            int priority) {}
}

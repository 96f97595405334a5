package nl.asylumchain.casefile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parts of a case file that the need-to-know table ({@link NeedToKnow}) hands out per group. A part a reader
 * may not see is absent from the answer, not empty. The case id and V-number are always there: they are how the
 * reader found the case.
 */
public enum CaseFilePart {
    NAME("person.familyName, person.givenNames"),
    IDENTITY("person.birthDate, person.sex, person.nationality"),
    APPLICATION(
            "applicationType, arrivalLocation, reportedOn, applicationSignedOn, unaccompaniedMinor, temporaryProtectionUkraine,"
                    + " returnedAfterDublin, registeredAt"),
    PROGRESS("status, currentStages, outcome, milestones, updatedAt"),
    TRACK("track, trackReason (the IND's track assignment and why)"),
    DECISION_OUTCOME("decisionOutcome (what the IND decided, without its reasons)"),
    FAMILY("familyMembersAbroad, linkedCases (the household)"),
    OWN_TASKS("openTasks for which one of the reader's groups is a candidate"),
    ALL_TASKS("openTasks of every organisation"),
    PROCESS_HISTORY("case view: the engine's steps (tasks, events, automatic steps, stages) and the diagrams of"
            + " every process of the case; without it, those of the main process (with PROGRESS) and of the processes"
            + " of the sections the reader sees"),
    REGISTRATION_SECTION("sections.registration: the track assignments with who, when and why", "registration"),
    DECISION_SECTION("sections.decision: deadline, extensions, holds, VA and priority reasons, appeal", "decision"),
    RECEPTION_SECTION("sections.reception: where the person stays and every move", "reception"),
    HOUSING_SECTION("sections.housing: link, municipality, offer, move, late steps", "housing"),
    FAMILY_REUNIFICATION_SECTION(
            "sections.familyReunification: each family member's application", "familyReunification"),
    DEPARTURE_SECTION("sections.departure: hand-over to DT&V, route, detention, reports", "departure");

    private final String content;
    private final String sectionName;

    CaseFilePart(String content) {
        this(content, null);
    }

    CaseFilePart(String content, String sectionName) {
        this.content = content;
        this.sectionName = sectionName;
    }

    /** What the part holds, in the words of the API's field names. */
    public String content() {
        return content;
    }

    /** The key under {@code sections} when this part is a module's section ({@link CaseFileSection#name()}). */
    public Optional<String> sectionName() {
        return Optional.ofNullable(sectionName);
    }

    /** The part of the section with this name; empty for a section the table does not know (shown to nobody). */
    public static Optional<CaseFilePart> ofSection(String name) {
        return Arrays.stream(values())
                .filter(part -> name.equals(part.sectionName))
                .findFirst();
    }
}

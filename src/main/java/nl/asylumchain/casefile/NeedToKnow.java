package nl.asylumchain.casefile;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import nl.asylumchain.platform.Groups;

import static nl.asylumchain.casefile.CaseFilePart.ALL_TASKS;
import static nl.asylumchain.casefile.CaseFilePart.APPLICATION;
import static nl.asylumchain.casefile.CaseFilePart.DECISION_OUTCOME;
import static nl.asylumchain.casefile.CaseFilePart.DEPARTURE_SECTION;
import static nl.asylumchain.casefile.CaseFilePart.FAMILY;
import static nl.asylumchain.casefile.CaseFilePart.FAMILY_REUNIFICATION_SECTION;
import static nl.asylumchain.casefile.CaseFilePart.HOUSING_SECTION;
import static nl.asylumchain.casefile.CaseFilePart.IDENTITY;
import static nl.asylumchain.casefile.CaseFilePart.NAME;
import static nl.asylumchain.casefile.CaseFilePart.OWN_TASKS;
import static nl.asylumchain.casefile.CaseFilePart.PROGRESS;
import static nl.asylumchain.casefile.CaseFilePart.RECEPTION_SECTION;

/**
 * Who sees which case files, and which parts of them: the one need-to-know table of the chain (docs/need-to-know.md
 * shows the same table; a test keeps the two equal). A group reads a case only when its organisation has (had) work
 * on it ({@link Cases}); otherwise the case does not exist for it (404). A reader in several groups sees the union of
 * the parts of those groups that work on the case.
 */
public final class NeedToKnow {

    /** The facts of a case that decide which organisations work on it: one narrow, indexed query. */
    public record CaseFacts(
            ArrivalLocation arrivalLocation,
            ApplicationType applicationType,
            boolean unaccompaniedMinor,
            Set<Milestone> milestones) {}

    /** Which cases a group works on, as a rule on the case's facts, with the words the docs use for it. */
    public enum Cases {
        EVERY_CASE("every case", facts -> true),
        ARRIVED_AT_TER_APEL_OR_BUDEL(
                "cases that arrived at Ter Apel or Budel (the police does their I&R, as"
                        + " identificationAuthority.dmn decides)",
                facts -> facts.arrivalLocation() == ArrivalLocation.TER_APEL
                        || facts.arrivalLocation() == ArrivalLocation.BUDEL),
        ARRIVED_AT_SCHIPHOL(
                "cases that arrived at Schiphol (KMar does their I&R)",
                facts -> facts.arrivalLocation() == ArrivalLocation.SCHIPHOL),
        IN_RECEPTION(
                "cases that reached REGISTERED (every registered person is placed by COA)",
                facts -> facts.milestones().contains(Milestone.REGISTERED)),
        UNACCOMPANIED_MINORS("cases of unaccompanied minors (Nidos is their guardian)", CaseFacts::unaccompaniedMinor),
        PERMIT_HOLDERS_AND_ARRIVED_FAMILY(
                "cases that reached PERMIT_GRANTED (a sponsor may apply) and the cases of"
                        + " family members who arrived through nareis",
                facts -> facts.milestones().contains(Milestone.PERMIT_GRANTED)
                        || facts.applicationType() == ApplicationType.FAMILY_REUNIFICATION),
        LINKED_TO_A_MUNICIPALITY(
                "cases that reached MUNICIPALITY_LINKED (housing work)",
                facts -> facts.milestones().contains(Milestone.MUNICIPALITY_LINKED)),
        HANDED_TO_DTV(
                "cases that reached REJECTION_FINAL, REJECTION_ENFORCEABLE or DUBLIN_CLAIM_ACCEPTED"
                        + " (handed to DT&V)",
                facts -> facts.milestones().contains(Milestone.REJECTION_FINAL)
                        || facts.milestones().contains(Milestone.REJECTION_ENFORCEABLE)
                        || facts.milestones().contains(Milestone.DUBLIN_CLAIM_ACCEPTED)),
        NONE("no case", facts -> false);

        private final String description;
        private final Predicate<CaseFacts> rule;

        Cases(String description, Predicate<CaseFacts> rule) {
            this.description = description;
            this.rule = rule;
        }

        public String description() {
            return description;
        }

        boolean worksOn(CaseFacts facts) {
            return rule.test(facts);
        }
    }

    /** A row of the table. */
    public record Row(Cases cases, Set<CaseFilePart> parts) {}

    private static final Set<CaseFilePart> REGISTRATION = EnumSet.of(NAME, IDENTITY, APPLICATION, OWN_TASKS);
    private static final Set<CaseFilePart> EVERYTHING = EnumSet.allOf(CaseFilePart.class);

    /** Group → the cases it works on and the parts it sees of them. In the order of the docs table. */
    public static final Map<String, Row> TABLE;

    static {
        Map<String, Row> table = new LinkedHashMap<>();
        table.put(Groups.POLICE_AVIM, new Row(Cases.ARRIVED_AT_TER_APEL_OR_BUDEL, REGISTRATION));
        table.put(Groups.KMAR, new Row(Cases.ARRIVED_AT_SCHIPHOL, REGISTRATION));
        table.put(Groups.IND_REGISTRATION, new Row(Cases.EVERY_CASE, EVERYTHING));
        table.put(Groups.IND_DECISION, new Row(Cases.EVERY_CASE, EVERYTHING));
        table.put(Groups.IND_DUBLIN, new Row(Cases.EVERY_CASE, EVERYTHING));
        // nareis needs the sponsor, the household and the permit, not the asylum account or the decision's reasons
        table.put(
                Groups.IND_REUNIFICATION,
                new Row(
                        Cases.PERMIT_HOLDERS_AND_ARRIVED_FAMILY,
                        EnumSet.of(
                                NAME,
                                IDENTITY,
                                APPLICATION,
                                PROGRESS,
                                DECISION_OUTCOME,
                                FAMILY,
                                FAMILY_REUNIFICATION_SECTION,
                                OWN_TASKS)));
        table.put(
                Groups.COA,
                new Row(
                        Cases.IN_RECEPTION,
                        EnumSet.of(
                                NAME,
                                IDENTITY,
                                APPLICATION,
                                PROGRESS,
                                DECISION_OUTCOME,
                                FAMILY,
                                RECEPTION_SECTION,
                                HOUSING_SECTION,
                                OWN_TASKS)));
        table.put(
                Groups.NIDOS,
                new Row(
                        Cases.UNACCOMPANIED_MINORS,
                        EnumSet.of(
                                NAME,
                                IDENTITY,
                                APPLICATION,
                                PROGRESS,
                                DECISION_OUTCOME,
                                FAMILY,
                                RECEPTION_SECTION,
                                OWN_TASKS)));
        table.put(
                Groups.MUNICIPALITY,
                new Row(Cases.LINKED_TO_A_MUNICIPALITY, EnumSet.of(NAME, FAMILY, HOUSING_SECTION, OWN_TASKS)));
        table.put(
                Groups.DTV,
                new Row(
                        Cases.HANDED_TO_DTV,
                        EnumSet.of(NAME, IDENTITY, PROGRESS, DECISION_OUTCOME, FAMILY, DEPARTURE_SECTION, OWN_TASKS)));
        table.put(Groups.IND_TEAM_LEAD, new Row(Cases.EVERY_CASE, EVERYTHING));
        table.put(Groups.PROCESS_DESIGNER, new Row(Cases.NONE, EnumSet.noneOf(CaseFilePart.class)));
        // planners see the chain's figures in forecasts, never a case
        table.put(Groups.PLANNER, new Row(Cases.NONE, EnumSet.noneOf(CaseFilePart.class)));
        table.put(Groups.PRIVACY_OFFICER, new Row(Cases.NONE, EnumSet.noneOf(CaseFilePart.class)));
        table.put(Groups.CAMUNDA_ADMIN, new Row(Cases.EVERY_CASE, EVERYTHING));
        TABLE = Collections.unmodifiableMap(table);
        if (!table.keySet().containsAll(Groups.ALL)) {
            throw new IllegalStateException("The need-to-know table has no row for some group of " + Groups.ALL);
        }
        if (table.values().stream()
                .anyMatch(row -> row.parts().containsAll(EnumSet.of(ALL_TASKS, OWN_TASKS))
                        != row.parts().contains(ALL_TASKS))) {
            throw new IllegalStateException("A group that sees all tasks sees its own too");
        }
    }

    /** What a reader in these groups may see of a case with these facts: the groups that let them, and the parts. */
    public record Access(Set<String> groups, Set<CaseFilePart> parts) {

        public boolean granted() {
            return !groups.isEmpty();
        }

        public boolean sees(CaseFilePart part) {
            return parts.contains(part);
        }
    }

    public static Access access(Collection<String> readerGroups, CaseFacts facts) {
        Set<String> used = new TreeSet<>();
        Set<CaseFilePart> parts = EnumSet.noneOf(CaseFilePart.class);
        for (String group : readerGroups) {
            Row row = TABLE.get(group);
            if (row != null && !row.parts().isEmpty() && row.cases().worksOn(facts)) {
                used.add(group);
                parts.addAll(row.parts());
            }
        }
        return new Access(used, parts);
    }

    /** Whether any of these groups reads case files at all; a group that never does gets 403, not 404. */
    public static boolean readsCaseFiles(Collection<String> readerGroups) {
        return readerGroups.stream()
                .map(TABLE::get)
                .anyMatch(row ->
                        row != null && row.cases() != Cases.NONE && !row.parts().isEmpty());
    }

    private NeedToKnow() {}
}

package nl.asylumchain.decision.process;

import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.platform.Groups;
import nl.asylumchain.platform.TasklistFilter;
import nl.asylumchain.platform.TasklistFilter.Column;

import static nl.asylumchain.platform.TasklistFilter.CASE;

/** The Tasklist filters of the IND decision: the tracks, the deadlines, the team lead and the Dublin unit. */
@Component
class DecisionTasklistFilters implements TasklistFilter.Source {

    private static final Column TRACK = new Column("track", "Spoor");
    private static final Column TRACK_REASON = new Column("trackReason", "Reden spoor");
    private static final Column NATIONALITY = new Column("nationality", "Nationaliteit");
    // indDecision keeps the statutory deadline as decisionDueDate; the deadline watch (decisionDeadline) as deadlineAt
    private static final Column DECISION_DEADLINE = new Column("decisionDueDate", "Beslistermijn");
    private static final Column DEADLINE_AT = new Column("deadlineAt", "Beslistermijn");

    private static final List<String> DECIDERS = List.of(Groups.IND_DECISION, Groups.IND_TEAM_LEAD);

    @Override
    public List<TasklistFilter> filters() {
        return List.of(
                new TasklistFilter(
                        "IND – Spoor 4 op prioriteit",
                        DECIDERS,
                        0,
                        "Algemene asielprocedure (spoor 4), hoogste prioriteit eerst",
                        q -> q.taskCandidateGroup(Groups.IND_DECISION).processVariableValueEquals("track", 4),
                        List.of(CASE, NATIONALITY, TRACK_REASON, DECISION_DEADLINE)),
                new TasklistFilter(
                        "IND – Spoor 2 (versneld)",
                        DECIDERS,
                        1,
                        "Veilig land van herkomst of bescherming in een lidstaat: beslissen binnen 8 dagen",
                        q -> q.taskCandidateGroup(Groups.IND_DECISION).processVariableValueEquals("track", 2),
                        List.of(CASE, NATIONALITY, TRACK_REASON, DECISION_DEADLINE)),
                new TasklistFilter(
                        "IND – Termijn verloopt binnen 4 weken",
                        DECIDERS,
                        2,
                        "Taken van IND Beslissen met een vervaldatum binnen 4 weken (of al verlopen)",
                        q -> q.taskCandidateGroup(Groups.IND_DECISION)
                                .dueBeforeExpression("${dateTime().plusWeeks(4)}"),
                        List.of(CASE, TRACK, NATIONALITY, DECISION_DEADLINE)),
                new TasklistFilter(
                        "IND – Beslissen: alle taken",
                        DECIDERS,
                        3,
                        "Alle taken van IND Beslissen",
                        q -> q.taskCandidateGroup(Groups.IND_DECISION),
                        List.of(CASE, TRACK, NATIONALITY, DECISION_DEADLINE)),
                new TasklistFilter(
                        "IND – Teamleider: alle taken",
                        List.of(Groups.IND_TEAM_LEAD),
                        4,
                        "Taken voor teamleiders: termijnen, verlengingen, aanhoudingen",
                        q -> q.taskCandidateGroup(Groups.IND_TEAM_LEAD),
                        // these tasks live in the deadline watch, which carries the case and its deadline only
                        List.of(CASE, DEADLINE_AT)),
                new TasklistFilter(
                        "Dublin – Claims indienen",
                        List.of(Groups.IND_DUBLIN),
                        0,
                        "Spoor 1: claim bij de verantwoordelijke lidstaat indienen",
                        q -> q.taskCandidateGroup(Groups.IND_DUBLIN)
                                .taskDefinitionKey(IndDecisionModel.ACTIVITY_SUBMIT_DUBLIN_CLAIM),
                        List.of(CASE, NATIONALITY, TRACK_REASON)),
                // waiting itself is no task; these are the Dublin unit's tasks on cases whose claim has gone out
                new TasklistFilter(
                        "Dublin – wacht op antwoord",
                        List.of(Groups.IND_DUBLIN),
                        1,
                        "Taken in zaken waarvan de claim is ingediend (antwoord lidstaat, overdracht)",
                        q -> q.taskCandidateGroup(Groups.IND_DUBLIN).processVariableValueLike("claimType", "%"),
                        List.of(CASE, NATIONALITY, TRACK_REASON)),
                new TasklistFilter(
                        "Dublin – alle taken",
                        List.of(Groups.IND_DUBLIN),
                        2,
                        "Alle taken van de Dublin-unit",
                        q -> q.taskCandidateGroup(Groups.IND_DUBLIN),
                        List.of(CASE, NATIONALITY, TRACK_REASON)));
    }
}

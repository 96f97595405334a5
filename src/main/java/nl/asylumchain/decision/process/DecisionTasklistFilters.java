package nl.asylumchain.decision.process;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionPeriods;
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

    /** The row of DMN decisionPeriods whose warning the deadline filter looks ahead by: the general procedure. */
    static final int WARNING_TRACK = 4;

    static final String WARNING_PROCEDURE = "AA";

    static final String DEADLINE_FILTER_PREFIX = "IND – Termijn verloopt binnen ";

    private final DecisionPeriods periods;

    DecisionTasklistFilters(DecisionPeriods periods) {
        this.periods = periods;
    }

    /**
     * How far ahead the deadline filter looks: the team lead's warning {@code warningBefore} of DMN decisionPeriods,
     * the one place the period is written, so that the filter lists what the deadline watch warns about.
     */
    Period warningWindow() {
        return periods.periods(WARNING_TRACK, WARNING_PROCEDURE).warningBefore();
    }

    @Override
    public List<TasklistFilter> filters() {
        Period window = warningWindow();
        String within = inDutch(window);
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
                        DEADLINE_FILTER_PREFIX + within,
                        DECIDERS,
                        2,
                        "Taken van IND Beslissen met een vervaldatum binnen " + within + " (of al verlopen)",
                        q -> q.taskCandidateGroup(Groups.IND_DECISION).dueBeforeExpression(dueWithin(window)),
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

    /** The filter's due-date criterion: now plus the period, in the date arithmetic filters may use. */
    static String dueWithin(Period period) {
        StringBuilder expression = new StringBuilder("${dateTime()");
        if (period.getYears() != 0) {
            expression.append(".plusYears(").append(period.getYears()).append(')');
        }
        if (period.getMonths() != 0) {
            expression.append(".plusMonths(").append(period.getMonths()).append(')');
        }
        if (period.getDays() != 0) {
            expression.append(".plusDays(").append(period.getDays()).append(')');
        }
        return expression.append('}').toString();
    }

    /** The period as the filter's Dutch name says it: {@code P4W} is "4 weken", {@code P1M10D} "1 maand en 10 dagen". */
    static String inDutch(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + " jaar");
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " maand" : " maanden"));
        }
        int days = period.getDays();
        if (days != 0 && days % 7 == 0) {
            parts.add(days / 7 + (days == 7 ? " week" : " weken"));
        } else if (days != 0) {
            parts.add(days + (days == 1 ? " dag" : " dagen"));
        }
        return parts.isEmpty() ? "0 dagen" : String.join(" en ", parts);
    }
}

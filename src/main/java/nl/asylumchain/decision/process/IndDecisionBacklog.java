package nl.asylumchain.decision.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.decision.IndTracks;
import nl.asylumchain.decision.PolicyHoldService;
import nl.asylumchain.platform.BacklogFigures;

/**
 * The IND procedure's backlog. Open cases from this module's own process {@code indDecision}, each in exactly one
 * stage:
 * <ul>
 * <li>{@code appeal}: in the call activity {@code Activity_Appeal}, from the rejection until it is final (no appeal
 * in the window, or the court upholds it) or annulled;</li>
 * <li>{@code va}: referred to the extended procedure (variable {@code procedure} = {@code VA}, set by the referral
 * and kept until the decision), not in appeal;</li>
 * <li>{@code ind_track_1/2/4}: the others by the variable {@code track} (a Dublin case whose claim was refused keeps
 * track 1 in the general procedure).</li>
 * </ul>
 * A case on a policy hold stays in its stage. The deadline figures come from this module's tables: holds, deadlines
 * with their extensions and time on hold, notices of default.
 */
@Component
class IndDecisionBacklog implements BacklogFigures {

    static final Series VA = Series.openCases("va");
    static final Series APPEAL = Series.openCases("appeal");
    static final Series ON_HOLD = Series.untagged("asylum.cases.on.hold", "Cases whose decision is on hold");
    static final Series PAST_DEADLINE = Series.untagged(
            "asylum.cases.past.decision.deadline", "Open cases without a decision past the decision deadline");
    static final Series PENALTY_EXPOSED =
            Series.untagged("asylum.cases.penalty.exposed", "Cases exposed to penalty payments (dwangsom)");

    private final RuntimeService runtime;
    private final DecisionDeadlineService deadlines;
    private final PolicyHoldService holds;

    IndDecisionBacklog(RuntimeService runtime, DecisionDeadlineService deadlines, PolicyHoldService holds) {
        this.runtime = runtime;
        this.deadlines = deadlines;
        this.holds = holds;
    }

    static Series track(int track) {
        return Series.openCases("ind_track_" + track);
    }

    @Override
    public List<Series> series() {
        List<Series> series = new ArrayList<>();
        IndTracks.DECIDED.forEach(track -> series.add(track(track)));
        series.addAll(List.of(VA, APPEAL, ON_HOLD, PAST_DEADLINE, PENALTY_EXPOSED));
        return series;
    }

    @Override
    public Map<Series, Long> count(Instant now) {
        Map<Series, Long> counted = new HashMap<>();
        long va = 0;
        long appeal = 0;
        for (int track : IndTracks.DECIDED) {
            long all = indDecision(track).count();
            long inAppeal = indDecision(track)
                    .activityIdIn(IndDecisionModel.ACTIVITY_APPEAL)
                    .count();
            long inVa = inVa(track).count()
                    - inVa(track).activityIdIn(IndDecisionModel.ACTIVITY_APPEAL).count();
            counted.put(track(track), all - inAppeal - inVa);
            va += inVa;
            appeal += inAppeal;
        }
        counted.put(VA, va);
        counted.put(APPEAL, appeal);
        counted.put(ON_HOLD, (long) holds.casesOnHold());
        counted.put(PAST_DEADLINE, (long) deadlines.casesPastDeadline());
        counted.put(PENALTY_EXPOSED, (long) deadlines.casesExposedToPenalty());
        return counted;
    }

    private ProcessInstanceQuery inVa(int track) {
        return indDecision(track)
                .variableValueEquals(IndDecisionModel.VARIABLE_PROCEDURE, IndDecisionModel.PROCEDURE_VA);
    }

    private ProcessInstanceQuery indDecision(int track) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(IndDecisionModel.PROCESS_KEY)
                .variableValueEquals(IndDecisionModel.VARIABLE_TRACK, track);
    }
}

package nl.asylumchain.decision.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.asylumchain.decision.DecisionDeadlineService;
import nl.asylumchain.decision.IndTracks;
import nl.asylumchain.decision.PolicyHoldService;
import nl.asylumchain.decision.persistence.IndBacklogRepository;
import nl.asylumchain.decision.persistence.IndBacklogRepository.TrackBacklog;
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
 * A case on a policy hold stays in its stage. The stages are counted in one statement over the engine's runtime tables
 * ({@link IndBacklogRepository}); the deadline figures come from this module's tables: holds, deadlines with their
 * extensions and time on hold, notices of default.
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

    private final IndBacklogRepository backlog;
    private final DecisionDeadlineService deadlines;
    private final PolicyHoldService holds;

    IndDecisionBacklog(IndBacklogRepository backlog, DecisionDeadlineService deadlines, PolicyHoldService holds) {
        this.backlog = backlog;
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
        Map<Long, TrackBacklog> perTrack = new HashMap<>();
        for (TrackBacklog row : backlog.openPerTrack(
                IndDecisionModel.PROCESS_KEY,
                IndDecisionModel.VARIABLE_TRACK,
                IndDecisionModel.ACTIVITY_APPEAL,
                IndDecisionModel.VARIABLE_PROCEDURE,
                IndDecisionModel.PROCEDURE_VA)) {
            perTrack.put(row.track(), row);
        }
        long va = 0;
        long appeal = 0;
        for (int track : IndTracks.DECIDED) {
            TrackBacklog row = perTrack.getOrDefault((long) track, new TrackBacklog(track, 0, 0, 0, 0));
            long inAppeal = row.inAppeal();
            // referred to the VA and not in appeal
            long inVa = row.inVa() - row.inVaAndAppeal();
            counted.put(track(track), row.openCases() - inAppeal - inVa);
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
}

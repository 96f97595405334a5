package nl.asylumchain.decision;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.asylumchain.casefile.CaseFileSection;
import nl.asylumchain.decision.process.AppealModel;
import nl.asylumchain.decision.process.DecisionDeadlineModel;
import nl.asylumchain.decision.process.IndDecisionModel;
import nl.asylumchain.decision.process.PolicyHoldModel;

/** {@code sections.decision} of {@code GET /api/cases/{caseId}}: deadline, extensions, hold, penalty, priority. */
@Component
class DecisionSectionProvider implements CaseFileSection {

    private final DecisionDeadlineService deadlines;
    private final PolicyHoldService holds;
    private final AppealService appeals;

    DecisionSectionProvider(DecisionDeadlineService deadlines, PolicyHoldService holds, AppealService appeals) {
        this.deadlines = deadlines;
        this.holds = holds;
        this.appeals = appeals;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(
                IndDecisionModel.PROCESS_KEY,
                AppealModel.PROCESS_KEY,
                DecisionDeadlineModel.PROCESS_KEY,
                PolicyHoldModel.PROCESS_KEY);
    }

    @Override
    public String name() {
        return "decision";
    }

    @Override
    public Optional<Object> of(UUID caseId) {
        return deadlines
                .section(
                        caseId,
                        () -> holds.daysOnHoldNow(caseId),
                        () -> holds.onHold(caseId),
                        () -> appeals.latest(caseId).orElse(null))
                .map(section -> section);
    }
}

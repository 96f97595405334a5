package nl.asylumchain.reunification.process;

import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * For applications still running on a version of {@code familyReunificationApplication} deployed before each step
 * had its own listener: those versions say {@code ${reunificationSteps.record(execution, 'APPLIED')}}, and a running
 * instance resolves its expression when it reaches the step, on the version it started on. This bean hands each
 * of those step names to the listener that now serves the element. The current model never names it; it can go
 * when no instance of such a version runs any more (Cockpit: the process definition versions with instances).
 */
@Component("reunificationSteps")
public class ReunificationStepsOfEarlierModels {

    private final Map<String, Consumer<DelegateExecution>> steps;

    ReunificationStepsOfEarlierModels(
            RegisterApplicationListener registerApplication,
            NotEligibleListener notEligible,
            RegularRouteListener regularRoute,
            AssessReunificationListener assessReunification,
            DnaTestListener dnaTest,
            EmbassyInterviewListener embassyInterview,
            DecideReunificationListener decideReunification,
            ExtendDecisionPeriodListener extendDecisionPeriod,
            MvvIssuedListener mvvIssued,
            MvvUnusedListener mvvUnused) {
        steps = Map.of(
                "APPLIED", registerApplication::record,
                "NOT_ELIGIBLE", notEligible::notify,
                "WINDOW_MISSED", regularRoute::notify,
                "EVIDENCE_ASSESSED", assessReunification::record,
                "DNA_TEST", dnaTest::record,
                "EMBASSY_INTERVIEW", embassyInterview::record,
                "DECIDED", decideReunification::record,
                "DECISION_PERIOD_EXTENDED", extendDecisionPeriod::record,
                "MVV_ISSUED", mvvIssued::notify,
                "MVV_EXPIRED", mvvUnused::notify);
    }

    /** The step an earlier model names; an unknown name fails the step (an incident), as it always did. */
    public void record(DelegateExecution execution, String step) {
        Consumer<DelegateExecution> listener = steps.get(step);
        if (listener == null) {
            throw new IllegalArgumentException("Unknown family reunification step " + step);
        }
        listener.accept(execution);
    }
}

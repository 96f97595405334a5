package nl.asylumchain.reunification.process;

import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Stand-ins for the step listeners of {@code familyReunificationApplication} in process tests without Spring. */
public final class ReunificationStepMocks {

    /** The listener bean of each element, and the step it records. */
    static final Map<String, String> STEPS = Map.of(
            "registerApplicationListener", "APPLIED",
            "notEligibleListener", "NOT_ELIGIBLE",
            "regularRouteListener", "WINDOW_MISSED",
            "assessReunificationListener", "EVIDENCE_ASSESSED",
            "dnaTestListener", "DNA_TEST",
            "embassyInterviewListener", "EMBASSY_INTERVIEW",
            "decideReunificationListener", "DECIDED",
            "extendDecisionPeriodListener", "DECISION_PERIOD_EXTENDED",
            "mvvIssuedListener", "MVV_ISSUED",
            "mvvUnusedListener", "MVV_EXPIRED");

    private ReunificationStepMocks() {}

    /** Registers every listener; each hands the execution and its step to {@code recorder}. */
    public static void register(BiConsumer<DelegateExecution, String> recorder) {
        STEPS.forEach((bean, step) -> Mocks.register(bean, new Step(step, recorder)));
    }

    private record Step(String step, BiConsumer<DelegateExecution, String> recorder)
            implements TaskListener, ExecutionListener {

        @Override
        public void notify(DelegateTask task) {
            recorder.accept(task.getExecution(), step);
        }

        @Override
        public void notify(DelegateExecution execution) {
            recorder.accept(execution, step);
        }
    }
}

package nl.asylumchain.departure.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.test.mock.Mocks;

import nl.asylumchain.departure.InMemoryDepartureService;

/**
 * Registers the real delegates of {@code departure.bpmn} (on an in-memory departure service) and a recording
 * {@code milestones} bean with {@link Mocks}, for process path tests that run the departure model.
 */
public final class DepartureProcessBeans {

    /** Stands in for the case file's milestone bean: records each milestone reached. */
    public static final class Milestones {
        public final List<String> reached = new java.util.ArrayList<>();

        public void reach(DelegateExecution execution, String milestone) {
            reached.add(milestone);
        }
    }

    private DepartureProcessBeans() {}

    public static void register(InMemoryDepartureService departures, Milestones milestones) {
        Mocks.register("milestones", milestones);
        Mocks.register("recordHandOverDelegate", new RecordHandOverDelegate(departures));
        Mocks.register("recordInterviewDelegate", new RecordInterviewDelegate(departures));
        Mocks.register("recordTransferPlanDelegate", new RecordTransferPlanDelegate(departures));
        Mocks.register("recordReportDelegate", new RecordReportDelegate(departures));
        Mocks.register("extendTransferDeadlineDelegate", new ExtendTransferDeadlineDelegate(departures));
        Mocks.register("recordResponsibilityDelegate", new RecordResponsibilityDelegate(departures));
        Mocks.register("endVblStayDelegate", new EndVblStayDelegate(departures));
        Mocks.register("startDetentionDelegate", new StartDetentionDelegate(departures));
        Mocks.register("extendDetentionDelegate", new ExtendDetentionDelegate(departures));
        Mocks.register("releaseFromDetentionDelegate", new ReleaseFromDetentionDelegate(departures));
        Mocks.register("departureOutcomeListener", new DepartureOutcomeListener(departures));
        Mocks.register("suspendDepartureDelegate", new SuspendDepartureDelegate(departures));
        Mocks.register("closeSuspendedDepartureDelegate", new CloseSuspendedDepartureDelegate(departures));
    }
}

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
        Mocks.register("recordHandOverDelegate", new DepartureDelegates.RecordHandOver(departures));
        Mocks.register("recordInterviewDelegate", new DepartureDelegates.RecordInterview(departures));
        Mocks.register("recordTransferPlanDelegate", new DepartureDelegates.RecordTransferPlan(departures));
        Mocks.register("recordReportDelegate", new DepartureDelegates.RecordReport(departures));
        Mocks.register("extendTransferDeadlineDelegate", new DepartureDelegates.ExtendTransferDeadline(departures));
        Mocks.register("recordResponsibilityDelegate", new DepartureDelegates.RecordResponsibility(departures));
        Mocks.register("endVblStayDelegate", new DepartureDelegates.EndVblStay(departures));
        Mocks.register("startDetentionDelegate", new DepartureDelegates.StartDetention(departures));
        Mocks.register("extendDetentionDelegate", new DepartureDelegates.ExtendDetention(departures));
        Mocks.register("releaseFromDetentionDelegate", new DepartureDelegates.ReleaseFromDetention(departures));
        Mocks.register("departureOutcomeListener", new DepartureDelegates.OutcomeListener(departures));
        Mocks.register("suspendDepartureDelegate", new DepartureDelegates.SuspendDeparture(departures));
        Mocks.register("closeSuspendedDepartureDelegate", new DepartureDelegates.CloseSuspendedDeparture(departures));
    }
}

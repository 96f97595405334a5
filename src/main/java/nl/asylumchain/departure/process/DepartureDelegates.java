package nl.asylumchain.departure.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.asylumchain.departure.DepartureOutcome;
import nl.asylumchain.departure.DepartureRoute;
import nl.asylumchain.departure.DepartureService;
import nl.asylumchain.departure.DepartureService.HandOver;
import nl.asylumchain.departure.TransferCircumstance;
import nl.asylumchain.platform.FormDate;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The thin delegates of {@code departure.bpmn}: each reads the typed variables of its step, calls
 * {@link DepartureService} and writes back what the model routes and waits on.
 */
final class DepartureDelegates {

    private DepartureDelegates() {}

    static UUID caseId(DelegateExecution execution) {
        return UUID.fromString(execution.getProcessBusinessKey());
    }

    static boolean flag(DelegateExecution execution, String name) {
        return Boolean.TRUE.equals(execution.getVariable(name));
    }

    static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    /**
     * Opschorting vertrek vastleggen (in {@code asylumCase}, after interim relief interrupted the departure): DT&V's
     * record shows the departure suspended until the ruling.
     */
    @Component("suspendDepartureDelegate")
    static class SuspendDeparture implements JavaDelegate {
        private final DepartureService departures;

        SuspendDeparture(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            departures.suspend(caseId(execution));
        }
    }

    /** Vertrek sluiten na vernietiging (in {@code asylumCase}): the suspended departure ends without an outcome. */
    @Component("closeSuspendedDepartureDelegate")
    static class CloseSuspendedDeparture implements JavaDelegate {
        private final DepartureService departures;

        CloseSuspendedDeparture(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            departures.closeAfterAnnulment(caseId(execution));
        }
    }

    /** Overdracht vastleggen: starts the clocks and the variables the branches wait on. */
    @Component("recordHandOverDelegate")
    static class RecordHandOver implements JavaDelegate {
        private final DepartureService departures;

        RecordHandOver(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            HandOver handOver = departures.handOver(
                    caseId(execution),
                    (String) execution.getVariable("indOutcome"),
                    (String) execution.getVariable("departurePeriod"),
                    instant(execution.getVariable("dublinAcceptedOn")),
                    instant(execution.getVariable("transferPeriodFrom")));
            execution.setVariable("departurePeriodEnds", Date.from(handOver.departurePeriodEnds()));
            execution.setVariable(
                    "transferDeadline",
                    handOver.transferDeadline() == null ? null : Date.from(handOver.transferDeadline()));
            execution.setVariable("missedReportLimit", handOver.missedReportLimit());
            execution.setVariable("missedReportsInARow", 0);
            execution.setVariable(
                    "interviewInterval", departures.rules().interviewInterval().toString());
            execution.setVariable(
                    "vblMaximumStay", departures.rules().vblMaximumStay().toString());
            execution.setVariable("familyWithMinorChildren", false);
            execution.setVariable("departed", false);
            execution.setVariable("proposeDetention", false);
        }
    }

    /** Gesprek en route vastleggen: the interview's facts and the route the DMN chose. */
    @Component("recordInterviewDelegate")
    static class RecordInterview implements JavaDelegate {
        private final DepartureService departures;

        RecordInterview(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            @SuppressWarnings("unchecked")
            Map<String, Object> decision = (Map<String, Object>) execution.getVariable("routeDecision");
            DepartureRoute route = DepartureRoute.valueOf((String) decision.get("departureRoute"));
            departures.recordInterview(
                    caseId(execution),
                    flag(execution, "willingToLeave"),
                    flag(execution, "travelDocumentPresent"),
                    flag(execution, "familyWithMinorChildren"),
                    route);
            execution.setVariable("departureRoute", route.name());
            execution.setVariable("departed", false);
        }
    }

    /** Meldtijd Dublinoverdracht vastleggen: the transfer date from the form, and the 48 hours to show up. */
    @Component("recordTransferPlanDelegate")
    static class RecordTransferPlan implements JavaDelegate {
        private final DepartureService departures;

        RecordTransferPlan(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            LocalDate date = FormDate.of(execution.getVariable("transferDate"))
                    .orElseThrow(() -> new InvalidRequestException("transferDate", "must be a date (yyyy-MM-dd)"));
            execution.setVariable("transferReportBy", Date.from(departures.planTransfer(caseId(execution), date)));
        }
    }

    @Component("recordReportDelegate")
    static class RecordReport implements JavaDelegate {
        private final DepartureService departures;

        RecordReport(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            boolean reported = Boolean.TRUE.equals(execution.getVariableLocal("reported"));
            execution.setVariable("missedReportsInARow", departures.recordReport(caseId(execution), reported));
        }
    }

    @Component("extendTransferDeadlineDelegate")
    static class ExtendTransferDeadline implements JavaDelegate {
        private final DepartureService departures;

        ExtendTransferDeadline(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            TransferCircumstance circumstance =
                    TransferCircumstance.valueOf((String) execution.getVariableLocal("circumstance"));
            execution.setVariable(
                    "transferDeadline", Date.from(departures.extendTransferDeadline(caseId(execution), circumstance)));
        }
    }

    @Component("recordResponsibilityDelegate")
    static class RecordResponsibility implements JavaDelegate {
        private final DepartureService departures;

        RecordResponsibility(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            departures.assumeResponsibility(caseId(execution));
            execution.setVariable("track", 4);
            execution.setVariable("trackReason", DepartureService.DUBLIN_TRANSFER_DEADLINE_PASSED);
        }
    }

    @Component("endVblStayDelegate")
    static class EndVblStay implements JavaDelegate {
        private final DepartureService departures;

        EndVblStay(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            departures.endVblStay(caseId(execution));
        }
    }

    @Component("startDetentionDelegate")
    static class StartDetention implements JavaDelegate {
        private final DepartureService departures;

        StartDetention(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Instant ends =
                    departures.startDetention(caseId(execution), (String) execution.getVariable("detentionGround"));
            execution.setVariable("detentionEnds", Date.from(ends));
            execution.setVariable("extendDetention", false);
        }
    }

    @Component("extendDetentionDelegate")
    static class ExtendDetention implements JavaDelegate {
        private final DepartureService departures;

        ExtendDetention(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Instant ends =
                    departures.extendDetention(caseId(execution), (String) execution.getVariable("extensionReason"));
            execution.setVariable("detentionEnds", Date.from(ends));
        }
    }

    @Component("releaseFromDetentionDelegate")
    static class ReleaseFromDetention implements JavaDelegate {
        private final DepartureService departures;

        ReleaseFromDetention(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void execute(DelegateExecution execution) {
            departures.releaseFromDetention(caseId(execution));
            execution.setVariable("proposeDetention", false);
        }
    }

    /** On each outcome end event: records the outcome and hands it to the main process. */
    @Component("departureOutcomeListener")
    static class OutcomeListener implements ExecutionListener {
        private final DepartureService departures;

        OutcomeListener(DepartureService departures) {
            this.departures = departures;
        }

        @Override
        public void notify(DelegateExecution execution) {
            DepartureOutcome outcome = DepartureModel.OUTCOMES.get(execution.getCurrentActivityId());
            if (outcome == null) {
                throw new IllegalStateException("No outcome for end event " + execution.getCurrentActivityId());
            }
            departures.close(caseId(execution), outcome);
            execution.setVariable("departureOutcome", outcome.name());
        }
    }
}

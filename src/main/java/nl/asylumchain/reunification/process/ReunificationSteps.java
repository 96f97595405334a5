package nl.asylumchain.reunification.process;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.asylumchain.reunification.FamilyReunificationService;
import nl.asylumchain.reunification.FamilyReunificationService.Application;

/**
 * Records each step of a family member's application where the model shows it, readable in Camunda Modeler: on
 * a completed user task {@code <camunda:taskListener event="complete"
 * expression="${reunificationSteps.record(task.execution, 'APPLIED')}"/>} (a task cancelled by its boundary timer
 * records nothing), on an event {@code <camunda:executionListener event="start"
 * expression="${reunificationSteps.record(execution, 'MVV_ISSUED')}"/>}.
 * Reads the member's id and the form values that routing already needs; writes the dates the timers use.
 */
@Component("reunificationSteps")
public class ReunificationSteps {

    private final FamilyReunificationService reunification;

    ReunificationSteps(FamilyReunificationService reunification) {
        this.reunification = reunification;
    }

    public void record(DelegateExecution execution, String step) {
        UUID member = UUID.fromString((String) execution.getVariable("familyMemberId"));
        switch (step) {
            case "APPLIED" ->
                applied(execution, reunification.applied(member, (Boolean)
                        execution.getVariable("relationBeforeEntry")));
            case "NOT_ELIGIBLE" -> reunification.refusedAsIneligible(member, eligibilityRule(execution));
            case "EVIDENCE_ASSESSED" ->
                reunification.evidenceAssessed(member, (String) execution.getVariable("evidenceType"));
            case "DNA_TEST", "EMBASSY_INTERVIEW" ->
                reunification.evidenceResearched(member, (String) execution.getVariable("evidenceOutcome"));
            case "DECISION_PERIOD_EXTENDED" ->
                extended(execution, Date.from(reunification.decisionPeriodExtended(member)));
            case "DECIDED" ->
                reunification.decided(member, "GRANT".equals(execution.getVariable("reunificationOutcome")));
            case "MVV_ISSUED" -> reunification.mvvIssued(member);
            case "MVV_EXPIRED" -> reunification.mvvExpired(member);
            case "WINDOW_MISSED" -> reunification.windowMissed(member);
            default -> throw new IllegalArgumentException("Unknown family reunification step " + step);
        }
    }

    /** The decision deadline for the timers, and the facts DMN reunificationEligibility reads next. */
    private static void applied(DelegateExecution execution, Application application) {
        execution.setVariable("decisionDeadline", Date.from(application.decisionDeadline()));
        execution.setVariable("relation", application.relation().name());
        execution.setVariable("relationBeforeEntry", application.relationBeforeEntry());
        execution.setVariable("ageAtApplication", application.ageAtApplication());
        execution.setVariable("sponsorUnaccompaniedMinor", application.sponsorUnaccompaniedMinor());
    }

    @SuppressWarnings("unchecked")
    private static String eligibilityRule(DelegateExecution execution) {
        Map<String, Object> eligibility = (Map<String, Object>) execution.getVariable("reunificationEligibility");
        return (String) eligibility.get("eligibilityRule");
    }

    /** The open decision task shows the extended deadline as its due date. */
    private static void extended(DelegateExecution execution, Date deadline) {
        execution.setVariable("decisionDeadline", deadline);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task decision : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(FamilyReunificationApplicationModel.ACTIVITY_DECIDE_REUNIFICATION)
                .list()) {
            decision.setDueDate(deadline);
            tasks.saveTask(decision);
        }
    }
}

package nl.asylumchain.decision.process;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The decision module's bridge to the engine: the deadline watch and the release of held cases. */
@Component
public class DecisionProcesses {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    DecisionProcesses(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /**
     * Starts watching a case's decision deadline, or moves the watch's timers to new dates (after an extension or
     * a hold) by recalculating them from the new variables.
     */
    public void watchDeadline(UUID caseId, Instant warningAt, Instant deadlineAt) {
        ProcessInstance watch = deadlineWatch(caseId);
        if (watch == null) {
            runtimeService.startProcessInstanceByKey(DecisionDeadlineModel.PROCESS_KEY, caseId.toString(),
                    Variables.createVariables()
                            .putValue("caseId", caseId.toString())
                            .putValue("deadlineWarningAt", Date.from(warningAt))
                            .putValue("deadlineAt", Date.from(deadlineAt)));
            return;
        }
        runtimeService.setVariable(watch.getId(), "deadlineWarningAt", Date.from(warningAt));
        runtimeService.setVariable(watch.getId(), "deadlineAt", Date.from(deadlineAt));
        for (Job timer : managementService.createJobQuery().processInstanceId(watch.getId()).timers().list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }

    /** The decision is taken: the watch (and any open escalation task) ends. */
    public void stopWatchingDeadline(UUID caseId) {
        ProcessInstance watch = deadlineWatch(caseId);
        if (watch != null) {
            runtimeService.deleteProcessInstance(watch.getId(), "decision taken", true, true);
        }
    }

    /** A hold was lifted: the case goes on from where it was parked. */
    public void releaseFromHold(UUID caseId) {
        runtimeService.createMessageCorrelation(PolicyHoldModel.MESSAGE_POLICY_HOLD_RELEASED)
                .processInstanceBusinessKey(caseId.toString()).correlateAll();
    }

    private ProcessInstance deadlineWatch(UUID caseId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(DecisionDeadlineModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId.toString()).active().singleResult();
    }
}

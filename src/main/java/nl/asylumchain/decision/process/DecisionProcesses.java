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

import nl.asylumchain.decision.DecisionEngine;

/** The decision module's bridge to the engine: the deadline watch and the release of held cases. */
@Component
class DecisionProcesses implements DecisionEngine {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    DecisionProcesses(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** Moves the timers of a running watch by recalculating them from the new variables. */
    @Override
    public void watchDeadline(UUID caseId, Instant warningAt, Instant deadlineAt) {
        ProcessInstance watch = deadlineWatch(caseId);
        if (watch == null) {
            runtimeService.startProcessInstanceByKey(
                    DecisionDeadlineModel.PROCESS_KEY,
                    caseId.toString(),
                    Variables.createVariables()
                            .putValue("caseId", caseId.toString())
                            .putValue("deadlineWarningAt", Date.from(warningAt))
                            .putValue("deadlineAt", Date.from(deadlineAt)));
            return;
        }
        runtimeService.setVariable(watch.getId(), "deadlineWarningAt", Date.from(warningAt));
        runtimeService.setVariable(watch.getId(), "deadlineAt", Date.from(deadlineAt));
        for (Job timer : managementService
                .createJobQuery()
                .processInstanceId(watch.getId())
                .timers()
                .list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }

    @Override
    public void stopWatchingDeadline(UUID caseId) {
        ProcessInstance watch = deadlineWatch(caseId);
        if (watch != null) {
            runtimeService.deleteProcessInstance(watch.getId(), "decision taken", true, true);
        }
    }

    @Override
    public void releaseFromHold(UUID caseId) {
        runtimeService
                .createMessageCorrelation(PolicyHoldModel.MESSAGE_POLICY_HOLD_RELEASED)
                .processInstanceBusinessKey(caseId.toString())
                .correlateAll();
    }

    private ProcessInstance deadlineWatch(UUID caseId) {
        return runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(DecisionDeadlineModel.PROCESS_KEY)
                .processInstanceBusinessKey(caseId.toString())
                .active()
                .singleResult();
    }
}

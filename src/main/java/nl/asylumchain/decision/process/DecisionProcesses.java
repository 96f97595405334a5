package nl.asylumchain.decision.process;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
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

    private final String watchByBusinessKey;

    DecisionProcesses(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.watchByBusinessKey = "select RES.* from " + managementService.getTableName(ExecutionEntity.class)
                + " RES inner join " + managementService.getTableName(ProcessDefinitionEntity.class)
                + " P on RES.PROC_DEF_ID_ = P.ID_"
                + " where RES.BUSINESS_KEY_ = #{businessKey} and RES.PARENT_ID_ is null and P.KEY_ = #{key}"
                + " and RES.SUSPENSION_STATE_ = 1";
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

    /**
     * The case's running watch, found at every deadline change and decision. A native query: the engine's process
     * instance query builds its text from dozens of optional conditions each time, which cost several times the
     * lookup itself (docs/forecast.md, "Eighth round"); this is the same lookup (process instances of the watch's
     * definition key, by business key, not suspended) through the index of the business key.
     */
    private ProcessInstance deadlineWatch(UUID caseId) {
        return runtimeService
                .createNativeProcessInstanceQuery()
                .sql(watchByBusinessKey)
                .parameter("businessKey", caseId.toString())
                .parameter("key", DecisionDeadlineModel.PROCESS_KEY)
                .singleResult();
    }
}

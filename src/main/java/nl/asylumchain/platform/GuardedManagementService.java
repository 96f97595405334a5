package nl.asylumchain.platform;

import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Checks the right to run a job before the engine runs it. The engine checks it inside the job's own execution,
 * where a refusal counts as a failed attempt: an unauthorized {@code POST /job/{id}/execute} answered 403 and still
 * used up a retry, so any user could stall a case's timer and raise an incident. Here the same check (UPDATE on
 * the instance or UPDATE_INSTANCE on its definition, which only administrators hold) runs first, in a command of its
 * own, and a refusal leaves the job as it was.
 */
class GuardedManagementService extends ManagementServiceImpl {

    GuardedManagementService(ProcessEngineConfigurationImpl configuration) {
        super(configuration);
    }

    @Override
    public void executeJob(String jobId) {
        commandExecutor.execute(commandContext -> {
            JobEntity job =
                    jobId == null ? null : commandContext.getJobManager().findJobById(jobId);
            if (job != null) {
                for (CommandChecker checker :
                        commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkUpdateJob(job);
                }
            }
            return null;
        });
        super.executeJob(jobId);
    }
}

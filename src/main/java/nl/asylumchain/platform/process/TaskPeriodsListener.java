package nl.asylumchain.platform.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Notes at a process's start which version of DMN {@code taskPeriods} is in force: the variable
 * {@value TaskPeriods#VARIABLE} (that version's id), from which {@link TaskPeriods} answers
 * {@code camunda:dueDate="${periods.Activity_MainInterview}"} and {@code ${priorities.…}}, so the numbers stay in one
 * table a designer can change and a running case keeps those it started with. Registered on the process as
 * {@code <camunda:executionListener delegateExpression="${taskPeriodsListener}" event="start"/>}; the engine needs no
 * Spring bean for it, so the process path tests register it as it is.
 */
@Component(TaskPeriodsListener.BEAN)
public class TaskPeriodsListener implements ExecutionListener {

    public static final String BEAN = "taskPeriodsListener";

    @Override
    public void notify(DelegateExecution execution) {
        // the latest version, as a business rule task takes it (one query; the forecast's engine remembers it)
        DecisionDefinition table = Context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(TaskPeriods.DECISION);
        execution.setVariable(TaskPeriods.VARIABLE, table.getId());
    }
}

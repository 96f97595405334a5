package nl.asylumchain.platform;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runtime defence behind the gate: an expression that got into the engine some other way (an old deployment, a
 * row written to the database) is evaluated by the engine's own expression manager, which reaches variables,
 * {@code execution.getVariable}, the allow-listed beans and methods, and nothing else.
 */
@ChainTestContext
class ModelExpressionRuntimeTest {

    static final String PROBE = "expressionRuntimeProbe";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    String executionId;

    @BeforeEach
    void anExecutionWaitingInAProbeProcess() {
        if (repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(PROBE)
                        .count()
                == 0) {
            repositoryService
                    .createDeployment()
                    .name(PROBE)
                    .addString("probe.bpmn", ProbeModels.process(PROBE, "receiveTask", ""))
                    .deploy();
        }
        executionId = runtimeService
                .startProcessInstanceByKey(
                        PROBE, "case-42", Map.of("colour", "blue", "casePriority", Map.of("priority", 50)))
                .getId();
    }

    @Test
    void getClassOnATextDoesNotResolve() {
        assertThatThrownBy(() -> evaluate("${''.getClass()}")).hasMessageContaining("getClass");
    }

    @Test
    void reflectionThroughGetClassDoesNotResolve() {
        assertThatThrownBy(() -> evaluate("${''.getClass().forName('java.lang.Runtime')}"))
                .hasMessageContaining("getClass");
    }

    @Test
    void aSpringBeanNotOnTheListDoesNotResolve() {
        assertThatThrownBy(() -> evaluate("${dataSource}")).hasMessageContaining("dataSource");
        assertThatThrownBy(() -> evaluate("${identityService}")).hasMessageContaining("identityService");
    }

    @Test
    void engineServicesBehindTheExecutionDoNotResolve() {
        assertThatThrownBy(() -> evaluate("${execution.processEngineServices}"))
                .hasMessageContaining("processEngineServices");
        assertThatThrownBy(() -> evaluate("${execution.getProcessEngine()}")).hasMessageContaining("getProcessEngine");
        assertThatThrownBy(() -> evaluate("${execution['processEngine']}")).hasMessageContaining("processEngine");
    }

    @Test
    void aMethodOfAnAllowListedBeanThatIsNotListedDoesNotResolve() {
        assertThatThrownBy(() -> evaluate("${milestones.getClass()}")).hasMessageContaining("getClass");
        assertThatThrownBy(() -> evaluate("${reunificationSteps.hashCode()}")).hasMessageContaining("hashCode");
    }

    @Test
    void noFunctionsAreOfferedBeyondTheFewTaskFiltersUse() {
        assertThat(ModelExpressionManager.FILTER_FUNCTIONS)
                .containsExactlyInAnyOrder("currentUser", "currentUserGroups", "now", "dateTime");
    }

    @Test
    void aDueDateFilterMayDoDateArithmeticButNothingElseOnTheDate() {
        assertThat(evaluate("${dateTime().plusWeeks(4)}")).isNotNull();
        assertThatThrownBy(() -> evaluate("${dateTime().getClass()}")).hasMessageContaining("getClass");
        assertThatThrownBy(() -> evaluate("${dateTime().plusWeeks(4).getChronology()}"))
                .hasMessageContaining("getChronology");
    }

    @Test
    void whatModelsUseStillResolves() {
        assertThat(evaluate("${colour == 'blue'}")).isEqualTo(true);
        assertThat(evaluate("${execution.getVariable('colour')}")).isEqualTo("blue");
        assertThat(evaluate("${execution.hasVariable('shape')}")).isEqualTo(false);
        assertThat(evaluate("${casePriority.priority}")).isEqualTo(50);
        assertThat(evaluate("#{execution.processBusinessKey}")).isEqualTo("case-42");
        assertThat(evaluate("${recordTrackDelegate}")).isNotNull();
    }

    /** As the engine evaluates an expression of a model: its expression manager, in a command, on an execution. */
    private Object evaluate(String expression) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        ExpressionManager expressions = configuration.getExpressionManager();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            ExecutionEntity execution = commandContext.getExecutionManager().findExecutionById(executionId);
            return expressions.createExpression(expression).getValue(execution);
        });
    }
}

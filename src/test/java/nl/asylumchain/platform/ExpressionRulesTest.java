package nl.asylumchain.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What an expression in a model may do, decided on the engine's JUEL tree. */
class ExpressionRulesTest {

    final ExpressionRules rules = new ExpressionRules(modelBeans());

    static ModelBeans modelBeans() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("dataSource", new Object());
        ModelBeans.HELPERS.keySet().forEach(helper -> beans.registerSingleton(helper, new Object()));
        return new ModelBeans(beans, ModelBeans.HELPERS);
    }

    @Test
    void theExpressionsOurModelsUseAreAllowed() {
        for (String expression : new String[] {
            "${track == 2}",
            "${!departed && proposeDetention}",
            "${casePriority.priority}",
            "${execution.getVariable('housingKind') == 'TEMPORARY'}",
            "${milestones.reach(execution, 'PROCEDURE_STARTED')}",
            "${reunificationHelper}",
            "#{execution.processBusinessKey}",
            "${missedReportsInARow >= missedReportLimit}",
            "${familyMembersAbroad > 0}",
            "P${days}D",
            "${list[0].name}"
        }) {
            assertThat(rules.refusals(expression)).as(expression).isEmpty();
        }
    }

    @Test
    void aMethodOnALiteralIsRefused() {
        assertThat(rules.refusals("${''.getClass().forName('java.lang.Runtime')}"))
                .anySatisfy(reason -> assertThat(reason).contains("'getClass'"))
                .anySatisfy(reason -> assertThat(reason).contains("'forName'"));
    }

    @Test
    void aMethodOnAVariableIsRefused() {
        assertThat(rules.refusals("${caseId.getClass()}"))
                .singleElement()
                .asString()
                .contains("'getClass'");
    }

    @Test
    void aSpringBeanNotOnTheListIsRefusedWhereverItAppears() {
        assertThat(rules.refusals("${dataSource}")).singleElement().asString().contains("'dataSource'");
        assertThat(rules.refusals("${milestones.reach(execution, dataSource)}"))
                .singleElement()
                .asString()
                .contains("'dataSource'");
    }

    @Test
    void aHelperMethodNotOnTheListIsRefused() {
        assertThat(rules.refusals("${milestones.toString()}"))
                .singleElement()
                .asString()
                .contains("'toString'");
        assertThat(rules.refusals("${milestones.caseFile}"))
                .singleElement()
                .asString()
                .contains("'caseFile'");
    }

    @Test
    void theEngineBehindExecutionAndTaskIsRefused() {
        assertThat(rules.refusals("${execution.processEngineServices}")).isNotEmpty();
        assertThat(rules.refusals("${execution['processEngine']}")).isNotEmpty();
        assertThat(rules.refusals("${execution.getProcessEngine()}")).isNotEmpty();
        assertThat(rules.refusals("${task.execution.processEngineServices}")).isNotEmpty();
        assertThat(rules.refusals("${task.execution.getVariable('x')}")).isEmpty();
    }

    @Test
    void functionsAndComputedMethodNamesAreRefused() {
        assertThat(rules.refusals("${now()}")).singleElement().asString().contains("function 'now'");
        assertThat(rules.refusals("${milestones['reach'](execution, 'X')}")).isNotEmpty();
    }

    @Test
    void textThatIsNoExpressionIsRefused() {
        assertThat(rules.refusals("${track ==}")).singleElement().asString().contains("not a valid expression");
    }
}

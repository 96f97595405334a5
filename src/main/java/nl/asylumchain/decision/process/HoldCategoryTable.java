package nl.asylumchain.decision.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.stereotype.Component;

import nl.asylumchain.decision.HoldCategories;
import nl.asylumchain.platform.ParsedFeelCache;

/**
 * DMN {@code holdCategory} (in the dmn/nationalityGroups.dmn DRD, requiring {@code nationalityGroups}): which
 * policy-hold categories a case belongs to, from its routing facts, and which categories exist at all (the output
 * values the table declares). A designer adds a category in the table, or a nationality to a group column it reads;
 * nothing here names one. Read as the engine deployed it (the latest version), without the acting user's
 * authorizations: a team lead placing a hold or a handler completing a task need no rights on decision definitions
 * for this rule to apply to them.
 */
@Component
class HoldCategoryTable implements HoldCategories {

    public static final String DECISION_KEY = HoldCategories.DECISION_KEY;
    /** The DRD file: Camunda 7 resolves a required decision only within the file it is deployed in. */
    public static final String MODEL_RESOURCE = "dmn/nationalityGroups.dmn";
    /** The output column holding a category. */
    public static final String OUTPUT_CATEGORY = "category";
    /** DMN holdMoratorium (same DRD file): is a category's hold a decision moratorium? */
    public static final String MORATORIUM_KEY = "holdMoratorium";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final ProcessEngineConfigurationImpl engine;
    // whether a category is a moratorium is asked by the gauges' background refresh for every category, every time:
    // on a bare DMN engine, so that a refresh writes no decision history (the engine's own DMN engine would, each time)
    private final DmnEngine withoutHistory = ParsedFeelCache.dmnEngine();

    HoldCategoryTable(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public Set<String> declared() {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> {
                    String id = latest(context).getId();
                    return declaredIn(engine.getRepositoryService().getDmnModelInstance(id));
                }));
    }

    @Override
    public boolean moratorium(String category) {
        return engine.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> {
                    DecisionDefinitionEntity table = (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
                            .getDeploymentCache()
                            .findDeployedLatestDecisionDefinitionByKey(MORATORIUM_KEY);
                    Object result = withoutHistory
                            .evaluateDecisionTable(
                                    table, Variables.createVariables().putValue("category", category))
                            .getSingleEntry();
                    return Boolean.TRUE.equals(result);
                }));
    }

    /**
     * The categories the case of this execution or task belongs to, evaluated on its variables; inside an engine
     * command (a delegate, a task completion).
     */
    List<String> of(VariableScope facts) {
        CommandContext context = Context.getCommandContext();
        DecisionDefinitionEntity decision = context.runWithoutAuthorization(() -> latest(context));
        VariableMap variables = Variables.createVariables();
        // every input of the table and of the decisions it requires named, missing facts as null, so that a rule on
        // another fact simply does not match; an input a required decision produces (countryReassessment) is
        // overwritten by that decision's result when the engine evaluates the tree
        for (DmnDecision node : tree(decision, new LinkedHashSet<>())) {
            if (node.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
                for (DmnDecisionTableInputImpl input : table.getInputs()) {
                    String name = input.getExpression().getExpression();
                    variables.putValue(name, facts.getVariable(name));
                }
            }
        }
        return engine.getDmnEngine().evaluateDecisionTable(decision, variables).collectEntries(OUTPUT_CATEGORY).stream()
                .map(String::valueOf)
                .toList();
    }

    private static Set<DmnDecision> tree(DmnDecision decision, Set<DmnDecision> visited) {
        if (visited.add(decision)) {
            for (DmnDecision required : decision.getRequiredDecisions()) {
                tree(required, visited);
            }
        }
        return visited;
    }

    private static DecisionDefinitionEntity latest(CommandContext context) {
        return (DecisionDefinitionEntity) context.getProcessEngineConfiguration()
                .getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(DECISION_KEY);
    }

    /** The output values of the category column, in the table's order. */
    static Set<String> declaredIn(DmnModelInstance model) {
        Decision decision = model.getModelElementById(DECISION_KEY);
        Set<String> categories = new LinkedHashSet<>();
        if (decision != null && decision.getExpression() instanceof DecisionTable table) {
            for (Output output : table.getOutputs()) {
                if (OUTPUT_CATEGORY.equals(output.getName()) && output.getOutputValues() != null) {
                    Matcher quoted =
                            QUOTED.matcher(output.getOutputValues().getText().getTextContent());
                    while (quoted.find()) {
                        categories.add(quoted.group(1));
                    }
                }
            }
        }
        return Set.copyOf(categories);
    }
}

package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may do, checked on the tree the engine's own JUEL parser builds (not on the text):
 * read variables and the maps and lists in them, name an allow-listed bean, call an allow-listed helper method,
 * read {@code task.execution} and call {@code getVariable}/{@code hasVariable} on {@code execution} or {@code task}.
 * Anything else (a method on a literal or a variable, {@code getClass}, a property of {@code execution} or of a
 * bean, a function, a Spring bean that is not on the list) is a reason to refuse the model.
 */
final class ExpressionRules {

    // the features of the engine's expression factory (JEE6 profile), so the tree is the one the engine evaluates
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final ModelBeans modelBeans;

    ExpressionRules(ModelBeans modelBeans) {
        this.modelBeans = modelBeans;
    }

    /** Whether the engine reads this text as an expression rather than as plain text. */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why this expression may not be in a model; empty when it may. */
    List<String> refusals(String expression) {
        Node root;
        try {
            root = PARSER.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            return List.of("'" + expression + "' is not a valid expression");
        }
        Set<String> reasons = new LinkedHashSet<>();
        check(root, reasons);
        return new ArrayList<>(reasons);
    }

    private void check(Node node, Set<String> reasons) {
        if (node instanceof AstFunction function) {
            reasons.add("calls the function '" + function.getName() + "'; models call no functions");
        } else if (node instanceof AstIdentifier identifier) {
            if (modelBeans.isForbiddenBean(identifier.getName())) {
                reasons.add("names the bean '" + identifier.getName() + "', which is not on the models' allow-list");
            }
        } else if (node instanceof AstMethod method) {
            checkCall(method, reasons);
            return;
        } else if (node instanceof AstDot || node instanceof AstBracket) {
            checkRead(node, reasons);
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            check(node.getChild(i), reasons);
        }
    }

    private void checkCall(AstMethod method, Set<String> reasons) {
        Node property = method.getChild(0);
        Node target = property.getChild(0);
        String name = property instanceof AstDot dot ? dotName(dot) : null;
        if (name == null) {
            reasons.add("calls a method whose name is computed");
        } else if (!callAllowed(target, name)) {
            reasons.add("calls '" + name + "' on " + describe(target) + ", which is not on the models' allow-list");
        }
        check(target, reasons);
        check(method.getChild(1), reasons);
    }

    private boolean callAllowed(Node target, String name) {
        if (target instanceof AstIdentifier identifier) {
            String root = identifier.getName();
            if (ModelBeans.EXECUTION.equals(root) || ModelBeans.TASK.equals(root)) {
                return ModelBeans.SCOPE_METHODS.contains(name);
            }
            return modelBeans.allowsCall(root, name);
        }
        return isTaskExecution(target) && ModelBeans.SCOPE_METHODS.contains(name);
    }

    private void checkRead(Node read, Set<String> reasons) {
        if (isTaskExecution(read) || isExecutionProperty(read)) {
            return;
        }
        Node target = read.getChild(0);
        String root = rootName(target);
        String what = read instanceof AstDot dot ? "'" + dotName(dot) + "'" : "an element";
        if (root == null) {
            reasons.add("reads " + what + " of " + describe(target) + "; models read properties of variables only");
        } else if (ModelBeans.EXECUTION.equals(root) || ModelBeans.TASK.equals(root)) {
            reasons.add("reads " + what + " of " + root + "; models read only task.execution, execution."
                    + String.join(", execution.", ModelBeans.EXECUTION_PROPERTIES)
                    + " and call getVariable/hasVariable");
        } else if (modelBeans.allows(root) || modelBeans.isForbiddenBean(root)) {
            reasons.add("reads " + what + " of the bean '" + root + "'; models call only its listed methods");
        }
    }

    private static boolean isTaskExecution(Node node) {
        return node instanceof AstDot dot
                && ModelBeans.EXECUTION.equals(dotName(dot))
                && dot.getChild(0) instanceof AstIdentifier identifier
                && ModelBeans.TASK.equals(identifier.getName());
    }

    /** {@code execution.processBusinessKey} or {@code task.execution.processBusinessKey}. */
    private static boolean isExecutionProperty(Node node) {
        if (!(node instanceof AstDot dot) || !ModelBeans.EXECUTION_PROPERTIES.contains(dotName(dot))) {
            return false;
        }
        Node target = dot.getChild(0);
        return target instanceof AstIdentifier identifier && ModelBeans.EXECUTION.equals(identifier.getName())
                || isTaskExecution(target);
    }

    /** The variable or bean a chain such as {@code a.b['c']} starts from; null when it starts from something else. */
    private static String rootName(Node node) {
        if (node instanceof AstIdentifier identifier) {
            return identifier.getName();
        }
        if (node instanceof AstDot || node instanceof AstBracket || node instanceof AstNested) {
            return rootName(node.getChild(0));
        }
        return null;
    }

    private static String describe(Node target) {
        if (target instanceof AstIdentifier identifier) {
            return "'" + identifier.getName() + "'";
        }
        if (target instanceof AstString) {
            return "a text literal";
        }
        return "the result of another expression";
    }

    /** AstDot keeps its property name to itself; its {@code toString()} is ". name" in every JUEL version. */
    private static String dotName(AstDot dot) {
        return dot.toString().substring(2);
    }
}

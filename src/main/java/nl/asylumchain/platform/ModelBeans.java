package nl.asylumchain.platform;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * The beans a model may name in an expression, and the methods it may call: the one allow-list for the deployment
 * gate ({@link ModelGate}) and for the expression resolver at runtime ({@link ModelExpressionManager}).
 *
 * <ul>
 *   <li><b>Delegates</b> are derived, so that a new delegate needs no second edit: every bean that is a
 *   {@link JavaDelegate}, {@link ExecutionListener} or {@link TaskListener} and is declared in a module's
 *   {@code process} package ({@code nl.asylumchain.<module>.process}). A model names them whole, as in
 *   {@code camunda:delegateExpression="${recordTrackDelegate}"}; it calls no method on them.</li>
 *   <li><b>Helpers</b> are listed by hand in {@link #HELPERS}: beans whose methods a model calls in an
 *   expression, with those methods.</li>
 *   <li>On the engine's own {@code execution} and {@code task} a model may call {@link #SCOPE_METHODS}, read
 *   {@code task.execution} and {@link #EXECUTION_PROPERTIES}; nothing else (no
 *   {@code execution.processEngineServices}).</li>
 * </ul>
 * Every other Spring bean is unknown to models, whatever its name. The list is written to the log at start-up
 * and described in docs/models-to-production.md.
 */
final class ModelBeans {

    /** Helper beans and the methods models call on them. Add a line here, and a use in a model. */
    static final Map<String, Set<String>> HELPERS = Map.of(
            // casefile: <camunda:executionListener expression="${milestones.reach(execution, 'PERMIT_GRANTED')}"/>
            "milestones", Set.of("reach"),
            // reunification: ${reunificationSteps.record(task.execution, 'APPLIED')} in versions of
            // familyReunificationApplication deployed before each step had its own listener (still running)
            "reunificationSteps", Set.of("record"));

    /**
     * Helper calls that only versions of a model deployed earlier make, and that running instances of those versions
     * still resolve when they reach the step: kept on {@link #HELPERS} until no such instance runs. No current model
     * calls them.
     */
    static final Set<String> CALLED_BY_EARLIER_MODELS_ONLY = Set.of("reunificationSteps.record");

    /** What a model may call on {@code execution} or {@code task}: reading its variables. */
    static final Set<String> SCOPE_METHODS = Set.of("getVariable", "hasVariable");

    /**
     * What a model may read of {@code execution}: the case id, which call activities hand on to their stage as
     * {@code <camunda:in businessKey="#{execution.processBusinessKey}"/>}.
     */
    static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey");

    /** The engine's names for the current execution and task in an expression. */
    static final String EXECUTION = "execution";

    static final String TASK = "task";

    private static final Pattern PROCESS_PACKAGE = Pattern.compile("nl\\.asylumchain\\.[a-z]+\\.process(\\..+)?");

    private static final Class<?>[] DELEGATE_TYPES = {JavaDelegate.class, ExecutionListener.class, TaskListener.class};

    private final ConfigurableListableBeanFactory beanFactory;
    private final Map<String, Set<String>> helpers;
    private volatile SortedSet<String> delegates;

    ModelBeans(ConfigurableListableBeanFactory beanFactory, Map<String, Set<String>> helpers) {
        this.beanFactory = beanFactory;
        this.helpers = Map.copyOf(helpers);
    }

    /**
     * The delegate beans, read from the bean definitions without creating a bean: the engine parses the models
     * while the application context is still starting.
     */
    SortedSet<String> delegates() {
        SortedSet<String> found = delegates;
        if (found == null) {
            found = new TreeSet<>();
            for (Class<?> type : DELEGATE_TYPES) {
                for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                    if (PROCESS_PACKAGE.matcher(declaringPackage(name)).matches()) {
                        found.add(name);
                    }
                }
            }
            delegates = found;
        }
        return found;
    }

    /** The package of the class that declares the bean: its own class, or the configuration with its method. */
    private String declaringPackage(String name) {
        BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
        String className = definition.getBeanClassName();
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                className = factoryMethod.getDeclaringClassName();
            }
        }
        return className == null ? "" : ClassUtils.getPackageName(className);
    }

    /** Whether a model may name this bean at all. */
    boolean allows(String beanName) {
        return helpers.containsKey(beanName) || delegates().contains(beanName);
    }

    /** Whether a model may call this method on this helper bean. */
    boolean allowsCall(String beanName, String method) {
        return helpers.getOrDefault(beanName, Set.of()).contains(method);
    }

    /** Whether a bean of this name exists that models may not use: named in a model, it is refused. */
    boolean isForbiddenBean(String name) {
        return !allows(name) && beanFactory.containsBean(name);
    }

    /** The allowed bean, or null when the name is not on the list. */
    Object bean(String name) {
        return allows(name) ? beanFactory.getBean(name) : null;
    }

    /** The helper name of this object, when it is an allow-listed helper bean; null otherwise. */
    String helperNameOf(Object candidate) {
        for (String name : helpers.keySet()) {
            if (beanFactory.containsBean(name) && beanFactory.getBean(name) == candidate) {
                return name;
            }
        }
        return null;
    }

    /** The list as people read it, for the log and the docs. */
    String describe() {
        SortedSet<String> calls = new TreeSet<>();
        helpers.forEach((bean, methods) -> methods.forEach(method -> calls.add(bean + "." + method + "(...)")));
        return "delegates " + delegates() + "; helper calls " + calls + "; on execution and task: "
                + new TreeSet<>(SCOPE_METHODS) + ", task.execution and execution."
                + new TreeSet<>(EXECUTION_PROPERTIES);
    }
}

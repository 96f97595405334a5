package nl.asylumchain.platform;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.joda.time.DateTime;

import nl.asylumchain.platform.process.ReadOnlyResolver;
import nl.asylumchain.platform.process.TaskPeriods;

/**
 * The engine's expression manager with a resolver chain that knows only what models are offered: process variables
 * (and maps, lists and arrays in them, read-only), the task periods and priorities of DMN {@code taskPeriods}
 * ({@link TaskPeriods}), {@code execution} and {@code task}, and the beans and methods of
 * {@link ModelBeans}. Spring's and Camunda's default chains end in a {@code BeanELResolver} over any object, which
 * lets {@code ${''.getClass().forName(...)}} or {@code ${execution.processEngineServices...}} reach anything; this
 * chain has none, so a property or method not resolved here is an error at runtime, even for a model that got into
 * the database some other way than through the gate. Of the engine's functions only those Tasklist's filters need
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()}: "Mijn taken" is
 * {@code assignee = ${currentUser()}}) resolve; they return the acting user's id and groups or the time, nothing to call further. The
 * gate refuses every function in a model, so models still get none.
 */
final class ModelExpressionManager extends JuelExpressionManager {

    private final ModelBeans modelBeans;

    /** {@code periods} and {@code priorities} from DMN {@code taskPeriods}, kept per engine. */
    private final TaskPeriods taskPeriods = new TaskPeriods();

    ModelExpressionManager(ModelBeans modelBeans) {
        this.modelBeans = modelBeans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        // after the variables: a process started before 4 December 2026 has its own copies of the two maps
        resolver.add(taskPeriods.resolver());
        resolver.add(new AllowListedBeans(modelBeans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new AllowListedMembers(modelBeans));
        return resolver;
    }

    /** The engine's functions that task filters use; see above. */
    static final Set<String> FILTER_FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

    /**
     * Date arithmetic on what {@code dateTime()} returns, as a filter's due-date criterion needs
     * ({@code ${dateTime().plusWeeks(4)}}): Joda's {@code DateTime} is an immutable value, and these methods only
     * make another one.
     */
    static final Pattern DATE_ARITHMETIC = Pattern.compile("(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes)");

    private final Map<String, Method> filterFunctions = new ConcurrentHashMap<>();

    /** The engine registers its functions on every expression manager; only the filters' few are kept. */
    @Override
    public void addFunction(String name, Method function) {
        if (FILTER_FUNCTIONS.contains(name)) {
            filterFunctions.put(name, function);
        }
    }

    @Override
    protected FunctionMapper createFunctionMapper() {
        return new FunctionMapper() {
            @Override
            public Method resolveFunction(String prefix, String localName) {
                return prefix == null || prefix.isEmpty() ? filterFunctions.get(localName) : null;
            }
        };
    }

    /** An evaluation context over a variable scope, as the engine makes one for an execution or a task. */
    ELContext contextFor(VariableScope scope) {
        return createElContext(scope);
    }

    /** An evaluation context over plain variables, as the DMN engine makes one. */
    ELContext contextFor(VariableContext variables) {
        return createElContext(variables);
    }

    /** Root names that are allow-listed beans (after the variables, which come first as in Camunda's chain). */
    static final class AllowListedBeans extends ReadOnlyResolver {

        private final ModelBeans modelBeans;

        AllowListedBeans(ModelBeans modelBeans) {
            this.modelBeans = modelBeans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name) {
                Object bean = modelBeans.bean(name);
                if (bean != null) {
                    context.setPropertyResolved(true);
                    return bean;
                }
            }
            return null;
        }
    }

    /**
     * The members models may use on objects: {@code task.execution}, {@code execution.processBusinessKey}, the
     * variable readers on {@code execution} and
     * {@code task}, and the listed methods of helper beans. Everything else stays unresolved, which JUEL reports as
     * an unknown property or method.
     */
    static final class AllowListedMembers extends ReadOnlyResolver {

        private final ModelBeans modelBeans;
        // invokes only after the checks below, on a helper bean with a listed method
        private final BeanELResolver helperInvoker = new BeanELResolver(true);

        AllowListedMembers(ModelBeans modelBeans) {
            this.modelBeans = modelBeans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base instanceof DelegateTask task && "execution".equals(property)) {
                context.setPropertyResolved(true);
                return task.getExecution();
            }
            if (base instanceof DelegateExecution execution
                    && property instanceof String name
                    && ModelBeans.EXECUTION_PROPERTIES.contains(name)) {
                context.setPropertyResolved(true);
                return execution.getProcessBusinessKey();
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null || !(method instanceof String name)) {
                return null;
            }
            if (base instanceof VariableScope scope
                    && ModelBeans.SCOPE_METHODS.contains(name)
                    && params != null
                    && params.length == 1
                    && params[0] instanceof String variable) {
                context.setPropertyResolved(true);
                return "getVariable".equals(name) ? scope.getVariable(variable) : scope.hasVariable(variable);
            }
            if (base instanceof DateTime && DATE_ARITHMETIC.matcher(name).matches()) {
                return helperInvoker.invoke(context, base, name, paramTypes, params);
            }
            String helper = modelBeans.helperNameOf(base);
            if (helper != null && modelBeans.allowsCall(helper, name)) {
                return helperInvoker.invoke(context, base, name, paramTypes, params);
            }
            return null;
        }
    }
}

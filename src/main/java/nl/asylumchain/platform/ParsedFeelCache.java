package nl.asylumchain.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * The DMN engine's FEEL engine, parsing each expression once. Camunda's FEEL integration parses an expression's text
 * again on every evaluation (every input entry of every rule of every table, each time a table is evaluated): in a
 * forecast that was a fifth of the run, in the live engine's timer jobs a seventh of their CPU. The parsed form is
 * immutable and is evaluated exactly as the engine evaluates it after its own parse, with the same variables and the
 * same error for a failed evaluation or parse (a text that does not parse is not cached and fails every time). The
 * process engine gets it through {@link #installIn} (the live engine and the forecast's), the modules' bare DMN
 * engines through {@link #dmnEngine}.
 */
public final class ParsedFeelCache implements FeelEngineFactory {

    /** More distinct texts than the deployed tables hold means something generates them: stop caching. */
    private static final int MAX_ENTRIES = 20_000;

    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

    ParsedFeelCache(Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
        this.functionProviders = functionProviders;
    }

    /** Sets the engine's DMN engine to parse each FEEL text once (call it in a plugin's {@code preInit}). */
    public static void installIn(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() == null
                ? (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                : configuration.getDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new ParsedFeelCache(configuration::getDmnFeelCustomFunctionProviders));
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** A bare DMN engine (no history, no process engine) that parses each FEEL text once. */
    public static DmnEngine dmnEngine() {
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new ParsedFeelCache(List::of));
        return dmn.buildEngine();
    }

    @Override
    public FeelEngine createInstance() {
        List<FeelCustomFunctionProvider> providers = functionProviders.get();
        return new Engine(providers == null ? List.of() : providers);
    }

    static final class Engine extends ScalaFeelEngine {

        private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
        private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

        Engine(List<FeelCustomFunctionProvider> providers) {
            super(providers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            return (T) value(feelEngine.eval(parsed, context(new ContextVariableWrapper(variableContext))));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(
                String expression, String inputVariable, VariableContext variableContext) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            // the unary tests find the value under test through the name of the input variable
            VariableProvider variables =
                    new WithInputName(INPUT_VARIABLE_NAME, inputVariable, new ContextVariableWrapper(variableContext));
            return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, context(variables))));
        }

        private static ParsedExpression parsed(
                Map<String, ParsedExpression> cache,
                String text,
                Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
            ParsedExpression parsed = cache.get(text);
            if (parsed != null) {
                return parsed;
            }
            parsed = (ParsedExpression) value(parse.apply(text));
            if (cache.size() < MAX_ENTRIES) {
                cache.put(text, parsed);
            }
            return parsed;
        }

        private static Object value(Either<org.camunda.feel.FeelEngine.Failure, ?> result) {
            if (result instanceof Left<org.camunda.feel.FeelEngine.Failure, ?> failure) {
                throw LOGGER.evaluationException(failure.value().message());
            }
            return result.toOption().get();
        }

        private static CustomContext context(VariableProvider variables) {
            return new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return variables;
                }
            };
        }
    }

    /** The context's variables plus, under {@code key}, the name of the input under test. */
    private record WithInputName(String key, String inputVariable, VariableProvider variables)
            implements VariableProvider {

        @Override
        public Option<Object> getVariable(String name) {
            return key.equals(name) ? Option.apply(inputVariable) : variables.getVariable(name);
        }

        @Override
        public Iterable<String> keys() {
            return variables.keys().toList().$colon$colon(key);
        }
    }
}

package nl.asylumchain.platform;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forecast's FEEL engine parses a text once and then answers exactly as Camunda's does on every evaluation: the
 * same unary-test verdicts and expression values, evaluated again with other variables, and the same refusal of a
 * text that does not parse, every time.
 */
class ParsedFeelCacheTest {

    private final FeelEngine camunda = new ScalaFeelEngine(List.of());
    private final FeelEngine cached = new ParsedFeelCache(List::of).createInstance();

    @Test
    void aParsedUnaryTestGivesCamundasVerdictForEveryInput() {
        List<String> tests = List.of("[1..5]", "> 3", "\"SYR\",\"AFG\"", "not(\"MAR\")", "-", "null", "[\"a\",\"b\"]");
        List<Object> inputs = List.of(0, 3, 5, 6, "SYR", "MAR", "x");
        for (String test : tests) {
            for (Object input : inputs) {
                VariableContext variables =
                        Variables.createVariables().putValue("track", input).asVariableContext();
                assertThat(verdict(cached, test, variables))
                        .as("%s for %s", test, input)
                        .isEqualTo(verdict(camunda, test, variables));
            }
        }
    }

    @Test
    void aParsedExpressionIsEvaluatedAgainWithEachCallsVariables() {
        for (int days : new int[] {1, 8, 42}) {
            VariableContext variables = Variables.createVariables()
                    .putValue("days", days)
                    .putValue("granted", days > 7)
                    .asVariableContext();
            for (String expression :
                    List.of("days * 2 + 1", "if granted then \"P6M\" else \"P8D\"", "string(days) + \" dagen\"")) {
                Object expected = camunda.evaluateSimpleExpression(expression, variables);
                assertThat((Object) cached.evaluateSimpleExpression(expression, variables))
                        .as("%s with days=%d", expression, days)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aTextThatDoesNotParseIsRefusedEveryTimeAsCamundaRefusesIt() {
        VariableContext variables = Variables.fromMap(Map.of("x", 1)).asVariableContext();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> camunda.evaluateSimpleExpression("x +* 2", variables))
                    .isInstanceOf(FeelException.class);
            assertThatThrownBy(() -> cached.evaluateSimpleExpression("x +* 2", variables))
                    .isInstanceOf(FeelException.class);
            assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests("[1..", "x", variables))
                    .isInstanceOf(FeelException.class);
        }
    }

    private static Object verdict(FeelEngine engine, String test, VariableContext variables) {
        try {
            return engine.evaluateSimpleUnaryTests(test, "track", variables);
        } catch (FeelException e) {
            return "refused";
        }
    }
}

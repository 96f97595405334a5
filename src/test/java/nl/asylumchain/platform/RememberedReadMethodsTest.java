package nl.asylumchain.platform;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.ExpressionEvaluator;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * OGNL with the remembered read methods answers every kind of property as OGNL's own object accessor does: a bean
 * getter, an {@code is} getter, a method that is no getter (as the engine's mappings read
 * {@code authCheck.shouldPerformAuthorizationCheck}), a public field, a nested path, and a missing property.
 */
class RememberedReadMethodsTest {

    public static class Sample {
        public String field = "f";
        private final boolean flag;

        Sample(boolean flag) {
            this.flag = flag;
        }

        public String getName() {
            return "n";
        }

        public boolean isFlag() {
            return flag;
        }

        public boolean shouldDoIt() {
            return !flag;
        }

        public Sample getSelf() {
            return this;
        }

        public List<String> getItems() {
            return List.of("a", "b");
        }
    }

    private static final List<String> EXPRESSIONS = List.of(
            "name", "flag", "shouldDoIt", "field", "self.self.name", "items.size > 1", "self.flag && !shouldDoIt");

    @BeforeAll
    static void install() {
        RememberedReadMethods.install();
    }

    @AfterAll
    static void uninstall() {
        OgnlRuntime.setPropertyAccessor(Object.class, new ObjectPropertyAccessor());
    }

    @Test
    void everyKindOfPropertyReadsAsOgnlsOwnAccessorReadsIt() {
        for (boolean flag : new boolean[] {true, false}) {
            Sample sample = new Sample(flag);
            for (String expression : EXPRESSIONS) {
                Object remembered = value(expression, sample);
                OgnlRuntime.setPropertyAccessor(Object.class, new ObjectPropertyAccessor());
                Object own;
                try {
                    own = value(expression, sample);
                } finally {
                    RememberedReadMethods.install();
                }
                assertThat(remembered).as(expression + " with flag " + flag).isEqualTo(own);
            }
        }
    }

    @Test
    void aMethodThatIsNoGetterIsFoundOnceAndStillAnswersForEachObject() {
        RememberedReadMethods accessor = new RememberedReadMethods();
        assertThat(accessor.readMethod(Sample.class, "shouldDoIt"))
                .isSameAs(accessor.readMethod(Sample.class, "shouldDoIt"))
                .isNotNull();
        assertThat(accessor.readMethod(Sample.class, "nothing")).isNull();
        ExpressionEvaluator evaluator = new ExpressionEvaluator();
        assertThat(evaluator.evaluateBoolean("shouldDoIt", new Sample(false))).isTrue();
        assertThat(evaluator.evaluateBoolean("shouldDoIt", new Sample(true))).isFalse();
    }

    @Test
    void aPropertyThatDoesNotExistIsRefusedAsBefore() {
        Throwable remembered = catchThrowable(() -> value("nothing", new Sample(true)));
        OgnlRuntime.setPropertyAccessor(Object.class, new ObjectPropertyAccessor());
        Throwable own;
        try {
            own = catchThrowable(() -> value("nothing", new Sample(true)));
        } finally {
            RememberedReadMethods.install();
        }
        assertThat(own).isNotNull();
        assertThat(remembered).isNotNull().hasSameClassAs(own).hasMessage(own.getMessage());
    }

    /** The engine's own parameter objects, as its mappings read them. */
    @Test
    void theEnginesAuthorizationCheckReadsAsItsMethodsSay() {
        AuthorizationCheck check = new AuthorizationCheck();
        check.setAuthorizationCheckEnabled(true);
        ListQueryParameterObject parameter = new ListQueryParameterObject(Map.of("executionId", "e"), 0, 10);
        parameter.setAuthCheck(check);
        assertThat(value("authCheck.shouldPerformAuthorizatioCheck", parameter))
                .isEqualTo(check.shouldPerformAuthorizatioCheck());
        assertThat(value("authCheck.isAuthorizationCheckEnabled", parameter)).isEqualTo(true);
        assertThat(value("parameter.executionId", parameter)).isEqualTo("e");
        assertThat(value("maxResults", parameter)).isEqualTo(10);
    }

    /** As MyBatis evaluates a mapping's expression. */
    private static Object value(String expression, Object root) {
        return OgnlCache.getValue(expression, root);
    }
}

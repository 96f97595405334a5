package nl.asylumchain.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.asylumchain.ChainTestContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list and the models agree: every bean a model names is on it, every delegate on it is used by a model
 * (an unused one is dead code or a renamed model), and every listed helper method is called by a model.
 */
@ChainTestContext
class ModelBeansTest {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\.(\\w+)\\(");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

    @Autowired
    ModelBeans modelBeans;

    final Set<String> delegatesNamed = new TreeSet<>();
    final Set<String> helperCalls = new TreeSet<>();

    @BeforeEach
    void readTheModels() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                String model = Files.readString(file);
                DELEGATE.matcher(model).results().forEach(match -> delegatesNamed.add(match.group(1)));
                Matcher expressions = EXPRESSION.matcher(model);
                while (expressions.find()) {
                    Matcher call = CALL.matcher(expressions.group());
                    while (call.find()) {
                        if (!Set.of("execution", "task").contains(call.group(1))) {
                            helperCalls.add(call.group(1) + "." + call.group(2));
                        }
                    }
                }
            }
        }
        assertThat(delegatesNamed).hasSizeGreaterThan(20);
    }

    @Test
    void everyDelegateAModelNamesIsOnTheListAndEveryListedDelegateIsUsed() {
        assertThat(modelBeans.delegates()).containsExactlyInAnyOrderElementsOf(delegatesNamed);
    }

    @Test
    void everyHelperMethodAModelCallsIsOnTheListAndEveryListedOneIsCalled() {
        Set<String> listed = new TreeSet<>();
        ModelBeans.HELPERS.forEach((bean, methods) -> methods.forEach(method -> listed.add(bean + "." + method)));
        listed.removeAll(ModelBeans.CALLED_BY_EARLIER_MODELS_ONLY);
        assertThat(helperCalls).containsExactlyInAnyOrderElementsOf(listed);
        for (String call : helperCalls) {
            String[] parts = call.split("\\.");
            assertThat(modelBeans.allowsCall(parts[0], parts[1])).as(call).isTrue();
        }
    }

    @Test
    void theListNamesOnlyBeansThatExist() {
        for (String helper : ModelBeans.HELPERS.keySet()) {
            assertThat(modelBeans.bean(helper)).as(helper).isNotNull();
        }
        for (String delegate : modelBeans.delegates()) {
            assertThat(modelBeans.bean(delegate)).as(delegate).isNotNull();
        }
    }

    @Test
    void otherBeansOfTheApplicationAreNotOnTheList() {
        for (String bean : new String[] {
            "dataSource",
            "identityService",
            "runtimeService",
            "caseIntake",
            "caseFiles",
            "caseProgress",
            "modelBeans",
            "repositoryService"
        }) {
            assertThat(modelBeans.isForbiddenBean(bean)).as(bean).isTrue();
            assertThat(modelBeans.bean(bean)).as(bean).isNull();
        }
    }
}

package nl.asylumchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One delegate style: a package-private {@code @Component} class of its own per delegate or listener, in a module's
 * {@code process/}, that a model names whole in a {@code delegateExpression}. No nested delegate classes, no
 * {@code @Bean} lambdas, no helper that a model passes a step name to.
 */
class DelegateStyleTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.asylumchain");

    private static final DescribedPredicate<JavaClass> DELEGATES = DescribedPredicate.describe(
            "delegates and listeners of the models",
            javaClass -> javaClass.isAssignableTo(JavaDelegate.class)
                    || javaClass.isAssignableTo(ExecutionListener.class)
                    || javaClass.isAssignableTo(TaskListener.class));

    @Test
    void everyDelegateIsAPackagePrivateComponentOfItsOwnInAProcessPackage() {
        classes()
                .that(DELEGATES)
                .and()
                .resideInAPackage("nl.asylumchain.*.process")
                // the platform's task-period listener serves every model, and the shared process-test setup makes one
                .and()
                .resideOutsideOfPackage("nl.asylumchain.platform.process")
                .should()
                .beTopLevelClasses()
                .andShould()
                .beAnnotatedWith(Component.class)
                .andShould()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void noDelegateIsABeanMethod() {
        noMethods()
                .that()
                .areAnnotatedWith(Bean.class)
                .should()
                .haveRawReturnType(DELEGATES)
                .because("a lambda delegate has no class named after its element to find and test")
                .check(CLASSES);
    }

    @Test
    void theModelsRecordEachReunificationStepWithTheListenerOfItsElement() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            List<Path> naming = models.filter(model -> model.toString().endsWith(".bpmn"))
                    .filter(model -> read(model).contains("reunificationSteps"))
                    .toList();
            assertThat(naming)
                    .as("models that still pass a step name to reunificationSteps")
                    .isEmpty();
        }
    }

    private static String read(Path model) {
        try {
            return Files.readString(model);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package nl.asylumchain.platform;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call an endpoint names the groups through {@link Groups}, never as a string literal in the expression: a
 * renamed or mistyped group would otherwise lock everyone out (or nobody) without a compile error.
 */
class GroupNamesInAnnotationsTest {

    @Test
    void preAuthorizeExpressionsNameGroupsThroughTheGroupsConstants() {
        List<String> literals = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.asylumchain")) {
            type.tryGetAnnotationOfType(PreAuthorize.class).ifPresent(rule -> check(type.getName(), rule, literals));
            for (JavaMethod method : type.getMethods()) {
                method.tryGetAnnotationOfType(PreAuthorize.class)
                        .ifPresent(rule -> check(method.getFullName(), rule, literals));
            }
        }
        assertThat(literals).isEmpty();
    }

    private static void check(String where, PreAuthorize rule, List<String> literals) {
        if (rule.value().contains("'")) {
            literals.add(where + ": " + rule.value());
        }
    }
}

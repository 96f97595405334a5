package nl.asylumchain;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java names model elements only through the constants of the {@code *Model} classes in the {@code process}
 * packages. A rename in Camunda Modeler that leaves a constant behind fails here, not in production.
 */
class ModelIdsTest {

    @Test
    void everyModelConstantNamesAnElementOfItsModel() throws Exception {
        List<Class<?>> modelClasses = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.asylumchain")
                        .stream()
                        .filter(c -> c.getPackageName().endsWith(".process")
                                && c.getSimpleName().endsWith("Model"))
                        .map(JavaClass::reflect)
                        .toList();
        assertThat(modelClasses).hasSizeGreaterThanOrEqualTo(6);

        List<String> missing = new ArrayList<>();
        for (Class<?> modelClass : modelClasses) {
            String resource = (String) modelClass.getField("MODEL_RESOURCE").get(null);
            Set<String> names = namesIn(resource);
            for (Field field : modelClass.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class
                        && !field.getName().equals("MODEL_RESOURCE")) {
                    String value = (String) field.get(null);
                    if (!names.contains(value)) {
                        missing.add(modelClass.getSimpleName() + "." + field.getName() + " = " + value + " is not in "
                                + resource);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Element ids, plus message, signal and error names, which Java correlates by. */
    private static Set<String> namesIn(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Set<String> names = new HashSet<>();
        try (InputStream in = ModelIdsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Document document = factory.newDocumentBuilder().parse(in);
            NodeList all = document.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (!element.getAttribute("id").isEmpty()) {
                    names.add(element.getAttribute("id"));
                }
                String local = element.getLocalName();
                if (("message".equals(local) || "signal".equals(local) || "error".equals(local))
                        && !element.getAttribute("name").isEmpty()) {
                    names.add(element.getAttribute("name"));
                }
            }
        }
        return names;
    }
}

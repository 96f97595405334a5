package nl.asylumchain.platform;

import java.io.File;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler's task and every wait on an outside event rest on a rule: each user task and event-based gateway has a
 * name and a {@code <documentation>} that cites its legal basis (an article of a law, decree or EU instrument).
 */
class ModelLegalBasisTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /** An article reference ("art. 29", "art. 1:302", "art. 3.6a"), as every legal basis in the models is cited. */
    private static final Pattern ARTICLE = Pattern.compile("\\bart\\. \\d");

    @Test
    void everyUserTaskAndEventBasedGatewayIsNamedAndDocumentsItsLegalBasis() throws Exception {
        File[] models = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(models).isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        int checked = 0;
        for (File model : models) {
            var document = factory.newDocumentBuilder().parse(model);
            for (String kind : new String[] {"userTask", "eventBasedGateway"}) {
                NodeList elements = document.getElementsByTagNameNS(BPMN, kind);
                for (int i = 0; i < elements.getLength(); i++) {
                    Element element = (Element) elements.item(i);
                    String where = model.getName() + " " + element.getAttribute("id");
                    assertThat(element.getAttribute("name")).as(where).isNotBlank();
                    NodeList documentation = element.getElementsByTagNameNS(BPMN, "documentation");
                    assertThat(documentation.getLength())
                            .as(where + " documentation")
                            .isPositive();
                    assertThat(documentation.item(0).getTextContent())
                            .as(where + " legal basis")
                            .containsPattern(ARTICLE);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}

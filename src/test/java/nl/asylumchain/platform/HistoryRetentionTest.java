package nl.asylumchain.platform;

import java.io.File;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's history is kept per definition for its legal retention (docs/postgresql.md#history-cleanup). No
 * definition may lose its history before the access log's rows that point at it are purged (the log keeps every read
 * of personal data for {@code asylumchain.access-log.retention}, five years, the period in which claims about a case
 * lapse), and every definition says in its model which retention it has and why.
 */
class HistoryRetentionTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Pattern DAYS = Pattern.compile("P(\\d+)D");

    @Test
    void everyDefinitionKeepsItsHistoryAtLeastAsLongAsTheAccessLogAndSaysWhy() throws Exception {
        long accessLogDays = longestInDays(accessLogRetention());
        List<String> checked = new ArrayList<>();
        for (Definition definition : definitions()) {
            assertThat(days(definition))
                    .as("historyTimeToLive of " + definition.where() + " against the access log's " + accessLogDays
                            + " days")
                    .isGreaterThanOrEqualTo(accessLogDays);
            assertThat(definition.text())
                    .as("retention stated in " + definition.where())
                    .contains("Bewaartermijn historie");
            checked.add(definition.where());
        }
        assertThat(checked).as("definitions checked").hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void nidosGuardianshipKeepsItsHistoryForTheYouthCareFilesTwentyYears() throws Exception {
        Definition guardianship = definitions().stream()
                .filter(d -> d.where().endsWith(" guardianship"))
                .findFirst()
                .orElseThrow();
        // Jeugdwet art. 7.3.8: a certified institution keeps the file twenty years
        assertThat(days(guardianship)).isGreaterThanOrEqualTo(longestInDays(Period.ofYears(20)));
    }

    private record Definition(String where, String timeToLive, String text) {}

    private static long days(Definition definition) {
        Matcher days = DAYS.matcher(definition.timeToLive());
        assertThat(days.matches())
                .as("historyTimeToLive of " + definition.where() + " in days: " + definition.timeToLive())
                .isTrue();
        return Long.parseLong(days.group(1));
    }

    /** Executable processes and decisions with their time to live and their documentation. */
    private static List<Definition> definitions() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        List<Definition> definitions = new ArrayList<>();
        for (File model : files("bpmn", ".bpmn")) {
            NodeList processes = factory.newDocumentBuilder().parse(model).getElementsByTagNameNS(BPMN, "process");
            for (int i = 0; i < processes.getLength(); i++) {
                Element process = (Element) processes.item(i);
                definitions.add(new Definition(
                        model.getName() + " " + process.getAttribute("id"),
                        process.getAttributeNS(CAMUNDA, "historyTimeToLive"),
                        firstText(process, BPMN, "documentation")));
            }
        }
        for (File model : files("dmn", ".dmn")) {
            NodeList decisions = factory.newDocumentBuilder().parse(model).getElementsByTagNameNS(DMN, "decision");
            for (int i = 0; i < decisions.getLength(); i++) {
                Element decision = (Element) decisions.item(i);
                definitions.add(new Definition(
                        model.getName() + " " + decision.getAttribute("id"),
                        decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive"),
                        firstText(decision, DMN, "description")));
            }
        }
        return definitions;
    }

    private static File[] files(String directory, String suffix) {
        File[] files = new File(directory).listFiles((dir, name) -> name.endsWith(suffix));
        assertThat(files).as(directory).isNotEmpty();
        return files;
    }

    /** The element's own documentation (its first child of that name), not a nested element's. */
    private static String firstText(Element element, String namespace, String name) {
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return "";
    }

    /** The most days this period can span (leap days included), over a few decades of start dates. */
    private static long longestInDays(Period period) {
        long longest = 0;
        for (LocalDate start = LocalDate.of(2000, 1, 1); start.getYear() < 2040; start = start.plusMonths(1)) {
            longest = Math.max(longest, ChronoUnit.DAYS.between(start, start.plus(period)));
        }
        return longest;
    }

    private static Period accessLogRetention() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        return Binder.get(environment)
                .bind("asylumchain.access-log.retention", Period.class)
                .get();
    }
}

package nl.asylumchain.platform;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment gate: runs before the engine's own deployers on every deployment, whatever deploys it (the
 * application at start-up, a designer through {@code /engine-rest}, Cockpit), and refuses the whole deployment when
 * one of its resources breaks a rule. It throws the engine's {@link ParseException}, so the deploy command rolls
 * back (nothing of the deployment is stored) and the engine REST API answers 400 with each problem, the resource
 * and the element named.
 *
 * <p>Always refused (models cannot run code): script tasks and {@code camunda:script} anywhere, script conditions
 * ({@code language=...}), {@code camunda:class} and every other attribute naming a Java class, script resources,
 * connectors, HTML forms ({@code camunda:formKey}: embedded forms run script in the handler's browser), any
 * expression that leaves {@link ExpressionRules}, DMN expressions in another language than FEEL, CMMN and any
 * resource that is not a model or a Camunda Form.
 *
 * <p>Refused in a new deployment (the model lint, the facts {@code model-check.py} checks for designers):
 * an executable process without {@code camunda:historyTimeToLive}; a flow node or flow not drawn; a generated id;
 * a task, event or gateway without a label; a user task without candidate group, due date and {@code camunda:formRef};
 * a decision without a meaningful id and a name, or a table without rules. The lint is not applied again when the
 * engine reloads an older deployment into its cache, so running cases of an older version keep running.
 */
final class ModelGate implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(ModelGate.class);

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    // Camunda still reads its extension attributes under the old Activiti namespace as well
    static final Set<String> CAMUNDA = Set.of(
            "http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn", "http://camunda.org/schema/1.0/dmn");

    private static final Set<String> FLOW_NODES = Set.of(
            "startEvent",
            "endEvent",
            "intermediateCatchEvent",
            "intermediateThrowEvent",
            "boundaryEvent",
            "task",
            "userTask",
            "serviceTask",
            "sendTask",
            "receiveTask",
            "manualTask",
            "businessRuleTask",
            "scriptTask",
            "callActivity",
            "subProcess",
            "transaction",
            "adHocSubProcess",
            "exclusiveGateway",
            "parallelGateway",
            "inclusiveGateway",
            "eventBasedGateway",
            "complexGateway");

    /** Ids as Camunda Modeler generates them: a prefix, an underscore and 5-8 lower-case letters and digits. */
    private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{5,8}");

    /** Text that is read by people, never evaluated. */
    private static final Set<String> PROSE = Set.of("documentation", "text", "description");

    private final ExpressionRules expressions;

    ModelGate(ModelBeans modelBeans) {
        this.expressions = new ExpressionRules(modelBeans);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        Map<String, List<Problem>> refused = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<Problem> problems = check(resource.getName(), resource.getBytes(), deployment.isNew());
            if (!problems.isEmpty()) {
                refused.put(resource.getName(), problems);
            }
        }
        if (refused.isEmpty()) {
            return;
        }
        log.warn("Deployment '{}' refused by the model gate: {}", deployment.getName(), refused.keySet());
        throw refusal(refused);
    }

    /** The problems of one resource; empty when the gate lets it through. */
    List<Problem> check(String resourceName, byte[] bytes, boolean lint) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".form")) {
            return List.of();
        }
        boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (!bpmn && !dmn) {
            return List.of(new GateProblem(
                    resourceName + ": only BPMN and DMN models and Camunda Forms (.form) " + "may be deployed"));
        }
        Element root = read(resourceName, bytes);
        if (root == null) {
            return List.of(); // not well-formed: the engine's own parser reports it with line and column
        }
        Check check = new Check(lint);
        if (bpmn) {
            check.bpmn(root);
        } else {
            check.dmn(root);
            if (check.problems.isEmpty()) {
                return readableDecision(resourceName, bytes);
            }
        }
        return check.problems;
    }

    /**
     * Well-formed DMN the DMN engine still cannot build (a rule with too few entries, an unknown hit policy or
     * type) would fail inside the deployment with an engine error; refusing it here names the file instead.
     */
    private static List<Problem> readableDecision(String resourceName, byte[] bytes) {
        try {
            DecisionTables.ENGINE.parseDecisionRequirementsGraph(new ByteArrayInputStream(bytes));
            return List.of();
        } catch (RuntimeException unreadable) {
            String reason =
                    String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("");
            return List.of(
                    new GateProblem(resourceName + ": the decision cannot be read by the DMN engine: " + reason));
        }
    }

    /** One DMN engine for reading tables, built on first use: the gate only parses, it never evaluates. */
    private static final class DecisionTables {
        static final DmnEngine ENGINE =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    private static ParseException refusal(Map<String, List<Problem>> refused) {
        StringBuilder message = new StringBuilder("The model gate refused the deployment:");
        refused.forEach((resource, problems) -> problems.forEach(problem -> message.append("\n* ")
                .append(problem.getMessage())
                .append(" | resource ")
                .append(resource)));
        List<Map.Entry<String, List<Problem>>> entries = new ArrayList<>(refused.entrySet());
        ParseException exception = new ParseException(
                message.toString(), entries.get(0).getKey(), entries.get(0).getValue(), List.of());
        for (Map.Entry<String, List<Problem>> entry : entries.subList(1, entries.size())) {
            exception.getResorceReports().add(new ResourceReportImpl(entry.getKey(), entry.getValue(), List.of()));
        }
        return exception;
    }

    /** The engine's own XML reader (no DTDs, no external entities), namespace-aware, without schema validation. */
    private static Element read(String resourceName, byte[] bytes) {
        Parser parser = new Parser() {
            @Override
            public Parse createParse() {
                return new Parse(this) {};
            }

            @Override
            protected SAXParser getSaxParser() throws Exception {
                SAXParserFactory factory = SAXParserFactory.newInstance();
                factory.setNamespaceAware(true);
                setXxeProcessing(factory);
                return factory.newSAXParser();
            }
        };
        try {
            return parser.createParse()
                    .name(resourceName)
                    .sourceInputStream(new ByteArrayInputStream(bytes))
                    .execute()
                    .getRootElement();
        } catch (ProcessEngineException notWellFormed) {
            return null;
        }
    }

    /** One pass over one model. */
    private final class Check {

        final boolean lint;
        final List<Problem> problems = new ArrayList<>();
        final Set<String> drawn = new HashSet<>();

        Check(boolean lint) {
            this.lint = lint;
        }

        void refuse(Element at, String message) {
            String id = at.attribute("id");
            problems.add(new ProblemImpl(id == null ? message : id + ": " + message, at));
        }

        // --- BPMN ---------------------------------------------------------------------------------------------

        void bpmn(Element root) {
            collectDrawn(root);
            walkBpmn(root, root);
        }

        private void collectDrawn(Element element) {
            if (BPMNDI.equals(uri(element)) && element.attribute("bpmnElement") != null) {
                drawn.add(element.attribute("bpmnElement"));
            }
            element.elements().forEach(this::collectDrawn);
        }

        /** {@code owner}: the nearest element with an id, which the problem names. */
        private void walkBpmn(Element element, Element owner) {
            if (BPMNDI.equals(uri(element)) || uri(element).startsWith("http://www.omg.org/spec/DD/")) {
                return;
            }
            Element named = element.attribute("id") != null ? element : owner;
            String tag = element.getTagName();
            boolean camunda = CAMUNDA.contains(uri(element));
            if (BPMN.equals(uri(element)) && "scriptTask".equals(tag)) {
                refuse(named, "script tasks are not allowed; use a service task with a delegate");
            }
            if (camunda && "script".equals(tag)) {
                refuse(named, "camunda:script is not allowed; models run no scripts");
            }
            if (camunda && "connector".equals(tag)) {
                refuse(named, "camunda:connector is not allowed; use a service task with a delegate");
            }
            if (element.attribute("language") != null) {
                refuse(
                        named,
                        "a " + tag + " in the script language '" + element.attribute("language")
                                + "' is not allowed; write an expression");
            }
            checkAttributes(element, named);
            String text = element.getText().trim();
            if (!PROSE.contains(tag) && ExpressionRules.isExpression(text)) {
                checkExpression(named, prefixed(element), text);
            }
            if (lint && BPMN.equals(uri(element))) {
                lintBpmn(element, tag);
            }
            for (Element child : element.elements()) {
                walkBpmn(child, named);
            }
        }

        private void checkAttributes(Element element, Element named) {
            for (String key : element.attributes()) {
                int colon = key.lastIndexOf(':');
                String uri = colon < 0 ? "" : key.substring(0, colon);
                String attribute = key.substring(colon + 1);
                String value = element.attribute(key);
                // <camunda:executionListener class="..."> names its class in an attribute without namespace
                boolean extension = CAMUNDA.contains(uri) || uri.isEmpty() && CAMUNDA.contains(uri(element));
                if (extension && (attribute.equals("class") || attribute.endsWith("Class"))) {
                    refuse(
                            named,
                            "camunda:" + attribute + " is not allowed; models name no Java classes, "
                                    + "use camunda:delegateExpression with a delegate on the allow-list");
                } else if (extension && (attribute.equals("resource") || attribute.equals("scriptFormat"))) {
                    refuse(named, "camunda:" + attribute + " is not allowed; models run no scripts");
                } else if (CAMUNDA.contains(uri) && attribute.equals("formKey")) {
                    refuse(named, "camunda:formKey is not allowed; use a Camunda Form (camunda:formRef)");
                } else if (CAMUNDA.contains(uri) && attribute.equals("type") && !"external".equals(value)) {
                    refuse(named, "camunda:type '" + value + "' is not allowed; use a delegate");
                }
                if (ExpressionRules.isExpression(value)) {
                    String where = (extension ? "camunda:" : "") + attribute;
                    checkExpression(named, where, value);
                }
            }
        }

        private void checkExpression(Element named, String where, String expression) {
            for (String reason : expressions.refusals(expression)) {
                refuse(named, where + " " + expression + " " + reason);
            }
        }

        private String prefixed(Element element) {
            return (CAMUNDA.contains(uri(element)) ? "camunda:" : "") + element.getTagName();
        }

        private void lintBpmn(Element element, String tag) {
            String id = element.attribute("id");
            if (id != null && GENERATED_ID.matcher(id).matches()) {
                refuse(element, "generated id; give it a meaningful name (e.g. Activity_MainInterview)");
            }
            if ("process".equals(tag)
                    && "true".equals(element.attribute("isExecutable"))
                    && camundaAttribute(element, "historyTimeToLive") == null) {
                refuse(element, "executable process without camunda:historyTimeToLive");
            }
            if ("sequenceFlow".equals(tag) && !drawn.contains(id)) {
                refuse(element, "sequence flow is not drawn (no BPMNEdge)");
            }
            if (!FLOW_NODES.contains(tag)) {
                return;
            }
            if (!drawn.contains(id)) {
                refuse(element, tag + " is not drawn (no BPMNShape)");
            }
            boolean join = ("exclusiveGateway".equals(tag) || "inclusiveGateway".equals(tag))
                    && children(element, "outgoing").size() < 2;
            String label = element.attribute("name");
            if (!"parallelGateway".equals(tag) && !join && (label == null || label.isBlank())) {
                refuse(element, tag + " has no label (name)");
            }
            if ("userTask".equals(tag)) {
                if (isBlank(camundaAttribute(element, "candidateGroups"))) {
                    refuse(element, "user task without camunda:candidateGroups");
                }
                if (isBlank(camundaAttribute(element, "dueDate"))) {
                    refuse(element, "user task without camunda:dueDate");
                }
                if (isBlank(camundaAttribute(element, "formRef"))) {
                    refuse(element, "user task without a Camunda Form (camunda:formRef)");
                }
            }
        }

        // --- DMN ----------------------------------------------------------------------------------------------

        void dmn(Element root) {
            walkDmn(root, root);
        }

        private void walkDmn(Element element, Element owner) {
            if (uri(element).contains("DMNDI")
                    || uri(element).contains("/DC/")
                    || uri(element).contains("/DI/")) {
                return;
            }
            Element named = element.attribute("id") != null ? element : owner;
            String language = element.attribute("expressionLanguage");
            if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                refuse(named, "expression language '" + language + "' is not allowed; decisions are written in FEEL");
            }
            String tag = element.getTagName();
            if (lint && "decision".equals(tag)) {
                lintDecision(element);
            }
            for (Element child : element.elements()) {
                walkDmn(child, named);
            }
        }

        private void lintDecision(Element decision) {
            String id = decision.attribute("id");
            if (id == null || GENERATED_ID.matcher(id).matches() || isBlank(decision.attribute("name"))) {
                refuse(decision, "decision needs a meaningful id and a name");
            }
            List<Element> tables = children(decision, "decisionTable");
            List<Element> literals = children(decision, "literalExpression");
            if (tables.isEmpty() && literals.isEmpty()) {
                refuse(decision, "decision has neither a decision table nor a literal expression");
            }
            for (Element table : tables) {
                if (children(table, "rule").isEmpty()) {
                    refuse(decision, "decision table has no rules");
                }
            }
        }

        private String camundaAttribute(Element element, String name) {
            for (String uri : CAMUNDA) {
                String value = element.attribute(uri + ":" + name);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
    }

    /** The children with this tag, in the parent's namespace. */
    private static List<Element> children(Element parent, String tag) {
        return parent.elements().stream()
                .filter(child -> tag.equals(child.getTagName()) && uri(child).equals(uri(parent)))
                .toList();
    }

    private static String uri(Element element) {
        return element.getUri() == null ? "" : element.getUri();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A problem with a resource as a whole, not with one element. */
    record GateProblem(String message) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return null;
        }

        @Override
        public List<String> getElementIds() {
            return List.of();
        }
    }
}

package nl.asylumchain.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment gate on one resource at a time: what it refuses, and that our own models pass it. */
class ModelGateTest {

    final ModelGate gate = new ModelGate(ExpressionRulesTest.modelBeans());

    @Test
    void everyShippedModelPassesTheGateAndTheLint() throws IOException {
        try (Stream<Path> models = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("dmn")))) {
            List<Path> files = models.filter(path ->
                            path.toString().endsWith(".bpmn") || path.toString().endsWith(".dmn"))
                    .toList();
            assertThat(files).hasSizeGreaterThan(10);
            for (Path file : files) {
                assertThat(messages(check(file.toString(), Files.readString(file), true)))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void aValidProbePasses() {
        assertThat(messages(check("valid.bpmn", ProbeModels.validUserTask("gateUnitValid"), true)))
                .isEmpty();
    }

    @Test
    void aListenerClassWithoutNamespaceIsRefused() {
        String model = ProbeModels.process("gateUnitListener", "task", "", """
                <bpmn:extensionElements>
                <camunda:executionListener event="start" class="java.lang.ProcessBuilder"/>
                </bpmn:extensionElements>""", "");
        assertThat(messages(check("listener.bpmn", model, true)))
                .singleElement()
                .asString()
                .startsWith("Activity_Step: camunda:class");
    }

    @Test
    void aScriptConditionIsRefused() {
        String model = ProbeModels.process("gateUnitCondition", "task", "")
                .replace(
                        "<bpmn:sequenceFlow id=\"Flow_Out\" sourceRef=\"Activity_Step\" targetRef=\"Event_End\"/>",
                        "<bpmn:sequenceFlow id=\"Flow_Out\" sourceRef=\"Activity_Step\" targetRef=\"Event_End\">"
                                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\" "
                                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">true</bpmn:conditionExpression>"
                                + "</bpmn:sequenceFlow>");
        assertThat(messages(check("condition.bpmn", model, true)))
                .singleElement()
                .asString()
                .startsWith("Flow_Out:")
                .contains("groovy");
    }

    @Test
    void anEmbeddedHtmlFormIsRefused() {
        String model = ProbeModels.process(
                "gateUnitForm",
                "userTask",
                "camunda:candidateGroups=\"coa\" "
                        + "camunda:dueDate=\"${dueDate}\" camunda:formKey=\"embedded:deployment:form.html\"");
        assertThat(messages(check("form.bpmn", model, true)))
                .anySatisfy(message -> assertThat(message).contains("camunda:formKey"))
                .anySatisfy(message -> assertThat(message).contains("camunda:formRef"));
    }

    @Test
    void theLintRefusesWhatADesignerWouldMiss() {
        String model = ProbeModels.validUserTask("gateUnitLint")
                .replace(" camunda:historyTimeToLive=\"P30D\"", "")
                .replace(
                        "<bpmndi:BPMNEdge id=\"Edge_Out\" bpmnElement=\"Flow_Out\">",
                        "<bpmndi:BPMNEdge id=\"Edge_Out\">")
                .replace("id=\"Event_End\" name=\"Klaar\"", "id=\"Event_0x7f3k9\"")
                .replace("targetRef=\"Event_End\"", "targetRef=\"Event_0x7f3k9\"")
                .replace("camunda:dueDate=\"${dueDate}\" ", "");
        assertThat(messages(check("lint.bpmn", model, true)))
                .anySatisfy(message -> assertThat(message).contains("historyTimeToLive"))
                .anySatisfy(message -> assertThat(message).startsWith("Flow_Out: sequence flow is not drawn"))
                .anySatisfy(message -> assertThat(message).startsWith("Event_0x7f3k9: generated id"))
                .anySatisfy(message -> assertThat(message).startsWith("Event_0x7f3k9: endEvent is not drawn"))
                .anySatisfy(message -> assertThat(message).startsWith("Event_0x7f3k9: endEvent has no label"))
                .anySatisfy(message -> assertThat(message).contains("camunda:dueDate"));
    }

    @Test
    void theLintIsNotAppliedAgainWhenTheEngineReloadsAnOlderDeployment() {
        String model = ProbeModels.validUserTask("gateUnitOld").replace(" camunda:historyTimeToLive=\"P30D\"", "");
        assertThat(messages(check("old.bpmn", model, false))).isEmpty();
        String script = ProbeModels.process("gateUnitOldScript", "serviceTask", "camunda:class=\"java.io.File\"");
        assertThat(messages(check("old.bpmn", script, false))).isNotEmpty();
    }

    @Test
    void aDecisionInAnotherLanguageThanFeelIsRefused() throws IOException {
        String decision = Files.readString(Path.of("dmn/nationalityGroups.dmn"))
                .replace(
                        "<inputExpression id=\"InputExpression_CasePriority_Track\" typeRef=\"integer\">",
                        "<inputExpression id=\"InputExpression_CasePriority_Track\" typeRef=\"integer\" "
                                + "expressionLanguage=\"javascript\">");
        assertThat(messages(check("nationalityGroups.dmn", decision, true)))
                .singleElement()
                .asString()
                .startsWith("InputExpression_CasePriority_Track:")
                .contains("javascript");
    }

    @Test
    void aDecisionTableTheEngineCannotReadIsRefusedNamingTheFile() {
        // well-formed XML the DMN engine cannot build: a rule with one input entry in a table of two inputs
        String decision = table("FIRST", "<inputEntry id=\"Rule_A_In1\"><text>\"x\"</text></inputEntry>");
        assertThat(messages(check("broken.dmn", decision, false)))
                .singleElement()
                .asString()
                .startsWith("broken.dmn: the decision cannot be read by the DMN engine");
        assertThat(messages(check("fine.dmn", table("FIRST", """
                <inputEntry id="Rule_A_In1"><text>"x"</text></inputEntry>
                <inputEntry id="Rule_A_In2"><text>-</text></inputEntry>"""), false))).isEmpty();
    }

    @Test
    void aDecisionWithAnUnknownHitPolicyIsRefused() {
        String decision = table("WHATEVER", """
                <inputEntry id="Rule_A_In1"><text>"x"</text></inputEntry>
                <inputEntry id="Rule_A_In2"><text>-</text></inputEntry>""");
        assertThat(messages(check("policy.dmn", decision, false)))
                .singleElement()
                .asString()
                .startsWith("policy.dmn: the decision cannot be read by the DMN engine");
    }

    private static String table(String hitPolicy, String inputEntries) {
        return """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Probe" \
                name="Probe" namespace="http://asylumchain.nl/dmn">
                  <decision id="probe" name="Probe">
                    <decisionTable id="DecisionTable_Probe" hitPolicy="%s">
                      <input id="In1" label="A"><inputExpression id="Expr1" typeRef="string"><text>a</text>\
                </inputExpression></input>
                      <input id="In2" label="B"><inputExpression id="Expr2" typeRef="string"><text>b</text>\
                </inputExpression></input>
                      <output id="Out" label="C" name="c" typeRef="string" />
                      <rule id="Rule_A">%s<outputEntry id="Rule_A_Out"><text>"y"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(hitPolicy, inputEntries);
    }

    @Test
    void onlyModelsAndFormsMayBeDeployed() {
        assertThat(messages(check("case.cmmn", "<definitions/>", true)))
                .singleElement()
                .asString()
                .contains("only BPMN and DMN models");
        assertThat(messages(check("steal.js", "java.lang.Runtime", true))).isNotEmpty();
        assertThat(messages(check("mainInterview.form", "{}", true))).isEmpty();
    }

    private List<Problem> check(String name, String content, boolean lint) {
        return gate.check(name, content.getBytes(StandardCharsets.UTF_8), lint);
    }

    private static List<String> messages(List<Problem> problems) {
        return problems.stream().map(Problem::getMessage).toList();
    }
}

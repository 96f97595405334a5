package nl.asylumchain.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model takes its tasks' due dates and priorities, and its waiting periods, from a table or a variable, never a
 * literal: what {@code ${periods.X}} or {@code ${priorities.X}} names has a row in dmn/taskPeriods.dmn for that
 * process, and the process reads the table at its start.
 */
class TaskPeriodsModelTest {

    private static final Pattern LITERAL_DURATION = Pattern.compile("^\\s*-?P.*");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("^\\$\\{(periods|priorities)\\.([A-Za-z0-9_]+)}$");

    @Test
    void noUserTaskHasALiteralDueDateOrPriority() throws IOException {
        List<String> literals = new ArrayList<>();
        for (BpmnModelInstance model : models().values()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String due = task.getCamundaDueDate();
                String priority = task.getCamundaPriority();
                if (due != null && !due.contains("${")) {
                    literals.add(task.getId() + " dueDate=" + due);
                }
                if (priority != null && !priority.contains("${")) {
                    literals.add(task.getId() + " priority=" + priority);
                }
            }
            for (TimeDuration duration : model.getModelElementsByType(TimeDuration.class)) {
                if (LITERAL_DURATION.matcher(duration.getTextContent()).matches()) {
                    literals.add(duration.getParentElement().getParentElement().getAttributeValue("id") + " timer "
                            + duration.getTextContent());
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void everyPeriodAndPriorityAModelNamesHasARowInTheTaskPeriodsTable() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, BpmnModelInstance> file : models().entrySet()) {
            BpmnModelInstance model = file.getValue();
            Process process =
                    model.getModelElementsByType(Process.class).iterator().next();
            Map<String, Map<String, Object>> rows = rows(process.getId());
            List<String> references = new ArrayList<>();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                references.add(task.getCamundaDueDate());
                references.add(task.getCamundaPriority());
            }
            for (TimeDuration duration : model.getModelElementsByType(TimeDuration.class)) {
                references.add(duration.getTextContent().strip());
            }
            boolean usesTable = false;
            for (String reference : references) {
                Matcher matcher = reference == null ? null : TABLE_REFERENCE.matcher(reference);
                if (matcher == null || !matcher.matches()) {
                    continue;
                }
                usesTable = true;
                Map<String, Object> row = rows.get(matcher.group(2));
                String output = matcher.group(1).equals("periods") ? "period" : "priority";
                if (row == null || row.get(output) == null) {
                    missing.add(file.getKey() + ": " + reference + " has no " + output + " in taskPeriods");
                }
            }
            if (usesTable) {
                assertThat(process.getExtensionElements()
                                .getElementsQuery()
                                .filterByType(CamundaExecutionListener.class)
                                .list())
                        .as(file.getKey() + " reads taskPeriods at its start")
                        .anyMatch(listener -> "${taskPeriodsListener}".equals(listener.getCamundaDelegateExpression())
                                && "start".equals(listener.getCamundaEvent()));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Map<String, BpmnModelInstance> models() throws IOException {
        Map<String, BpmnModelInstance> models = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
            }
        }
        return models;
    }

    private static Map<String, Map<String, Object>> rows(String processKey) throws IOException {
        DmnEngine engine =
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision;
        try (InputStream dmn = Files.newInputStream(Path.of("dmn/taskPeriods.dmn"))) {
            decision = engine.parseDecision(TaskPeriods.DECISION, dmn);
        }
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (DmnDecisionResultEntries row :
                engine.evaluateDecision(decision, Variables.createVariables().putValue("process", processKey))) {
            rows.put((String) row.getEntryMap().get("element"), row.getEntryMap());
        }
        return rows;
    }
}

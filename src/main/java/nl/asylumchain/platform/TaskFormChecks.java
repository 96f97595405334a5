package nl.asylumchain.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks every completed user task against its Camunda Form ({@code camunda:formRef}) on the server, before any
 * other listener or delegate sees the values: a required field left empty, a value that is not one of the form's
 * options, a text that breaks the field's pattern or a date that is no date is refused with
 * {@link InvalidRequestException} (400 naming the fields, see {@link EngineRestProblems}); the task stays open.
 * The forms are the ones the engine deploys: {@code bpmn/forms/*.form} on the classpath, by form id. Each user
 * task also keeps its form, so that completing it accepts that form's fields only ({@link FormOnlyCompletion}).
 */
@Component
class TaskFormChecks extends AbstractProcessEnginePlugin {

    static final String FORMS = "classpath*:bpmn/forms/*.form";

    private final Map<String, TaskForm> forms;
    /** Looked up at each completion: the guards' beans need the engine this plugin helps to build. */
    private final ObjectProvider<TaskCompletionGuard> guards;

    TaskFormChecks(ResourcePatternResolver resources, ObjectMapper json, ObjectProvider<TaskCompletionGuard> guards) {
        this.forms = load(resources, json);
        this.guards = guards;
    }

    /** The chain's forms by id, as the engine deploys them. */
    static Map<String, TaskForm> load(ResourcePatternResolver resources, ObjectMapper json) {
        Map<String, TaskForm> forms = new HashMap<>();
        try {
            for (Resource resource : resources.getResources(FORMS)) {
                try (InputStream in = resource.getInputStream()) {
                    TaskForm form = TaskForm.of(FormSchema.of(json.readTree(in)));
                    forms.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the task forms " + FORMS, e);
        }
        return Map.copyOf(forms);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // complete and submit-form take the form's own fields only (FormOnlyCompletion reads the activity's form)
        configuration.setTaskService(
                new FormOnlyCompletion.TaskService(() -> guards.orderedStream().toList()));
        configuration.setFormService(
                new FormOnlyCompletion.FormService(() -> guards.orderedStream().toList()));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                TaskForm form = formRef == null ? null : forms.get(formRef);
                if (form != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
                    activity.setProperty(FormOnlyCompletion.FORM_PROPERTY, form);
                    // when the task is completed (not when a boundary event or a deletion cancels it); an
                    // execution listener, so that the refusal reaches the caller as it is
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, execution -> {
                        if (!(execution instanceof PvmExecutionImpl pvm && pvm.isCanceled())) {
                            refuseIncomplete(form.check(execution::getVariable));
                        }
                    });
                }
            }
        });
    }

    private static void refuseIncomplete(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}

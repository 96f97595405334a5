package nl.asylumchain.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Completing a task takes the fields of its form and nothing else. The engine's complete and submit-form commands
 * accept any variable, so a client could overwrite routing variables ({@code caseId}, {@code track}) or write
 * facts the task does not own. The engine's task and form services here run the same commands, checked after the
 * engine's authorization checks and before any variable is written: a variable that is not a field of the task's
 * form, or a read-only field with a new value, is refused with {@link InvalidRequestException} (400 naming it,
 * see {@link EngineRestProblems}) and the task stays open. Tasks whose activity has no form known to
 * {@link TaskFormChecks} are not limited. Before that, each {@link TaskCompletionGuard} may refuse the completion
 * for the case's state (a held case: 409), so the one place that intercepts completion decides both.
 */
final class FormOnlyCompletion {

    /** The activity property under which {@link TaskFormChecks} keeps a user task's form. */
    static final String FORM_PROPERTY = "asylumchain.taskForm";

    private FormOnlyCompletion() {}

    /** Asks each stage's guard; a refusal ({@link ConflictException}) leaves the task open. */
    static void refuseWhenGuarded(TaskEntity task, Supplier<? extends Iterable<TaskCompletionGuard>> guards) {
        for (TaskCompletionGuard guard : guards.get()) {
            guard.checkCompletion(task);
        }
    }

    static void refuseForeignVariables(TaskEntity task, Map<String, ?> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            return;
        }
        ExecutionEntity execution = task.getExecution();
        ActivityImpl activity = execution == null ? null : execution.getActivity();
        if (activity != null && activity.getProperty(FORM_PROPERTY) instanceof TaskForm form) {
            List<FieldError> errors = form.foreign(submitted, task::getVariable);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        }
    }

    static final class CompleteCmd extends CompleteTaskCmd {
        private static final long serialVersionUID = 1L;

        private final transient Supplier<? extends Iterable<TaskCompletionGuard>> guards;

        CompleteCmd(
                String taskId,
                Map<String, Object> variables,
                boolean returnVariables,
                boolean deserialize,
                Supplier<? extends Iterable<TaskCompletionGuard>> guards) {
            super(taskId, variables, returnVariables, deserialize);
            this.guards = guards;
        }

        @Override
        protected void checkCompleteTask(TaskEntity task, CommandContext commandContext) {
            super.checkCompleteTask(task, commandContext);
            refuseWhenGuarded(task, guards);
            refuseForeignVariables(task, variables);
        }
    }

    static final class SubmitCmd extends SubmitTaskFormCmd {
        private static final long serialVersionUID = 1L;

        private final transient Supplier<? extends Iterable<TaskCompletionGuard>> guards;

        SubmitCmd(
                String taskId,
                Map<String, Object> properties,
                boolean returnVariables,
                boolean deserialize,
                Supplier<? extends Iterable<TaskCompletionGuard>> guards) {
            super(taskId, properties, returnVariables, deserialize);
            this.guards = guards;
        }

        @Override
        public VariableMap execute(CommandContext commandContext) {
            TaskEntity task =
                    taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
            if (task != null) {
                // who may work the task is checked first, so a refused user learns nothing of the form
                for (CommandChecker checker :
                        commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                    checker.checkTaskWork(task);
                }
                refuseWhenGuarded(task, guards);
                refuseForeignVariables(task, properties);
            }
            return super.execute(commandContext);
        }
    }

    static final class TaskService extends TaskServiceImpl {

        private final Supplier<? extends Iterable<TaskCompletionGuard>> guards;

        TaskService(Supplier<? extends Iterable<TaskCompletionGuard>> guards) {
            this.guards = guards;
        }

        @Override
        public void complete(String taskId, Map<String, Object> variables) {
            commandExecutor.execute(new CompleteCmd(taskId, variables, false, false, guards));
        }

        @Override
        public VariableMap completeWithVariablesInReturn(
                String taskId, Map<String, Object> variables, boolean deserializeValues) {
            return commandExecutor.execute(new CompleteCmd(taskId, variables, true, deserializeValues, guards));
        }
    }

    static final class FormService extends FormServiceImpl {

        private final Supplier<? extends Iterable<TaskCompletionGuard>> guards;

        FormService(Supplier<? extends Iterable<TaskCompletionGuard>> guards) {
            this.guards = guards;
        }

        @Override
        public void submitTaskForm(String taskId, Map<String, Object> properties) {
            commandExecutor.execute(new SubmitCmd(taskId, properties, false, false, guards));
        }

        @Override
        public VariableMap submitTaskFormWithVariablesInReturn(
                String taskId, Map<String, Object> properties, boolean deserializeValues) {
            return commandExecutor.execute(new SubmitCmd(taskId, properties, true, deserializeValues, guards));
        }
    }
}

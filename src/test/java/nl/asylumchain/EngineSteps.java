package nl.asylumchain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import nl.asylumchain.registration.process.RegistrationModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of a case through the engine's Java API, for Spring tests that check a rule in-process (on H2) rather than
 * over HTTP ({@link CaseDriver} does that): the open task with a key, completing it, a case's timer and firing it.
 * A case's processes are found by its business key, which every call activity passes on.
 */
public class EngineSteps {

    private final ProcessEngine engine;

    public EngineSteps(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The one open task with this definition key in the case. */
    public Task task(String caseId, String key) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task " + key + " of case " + caseId).isNotNull();
        return task;
    }

    public void complete(String caseId, String key, Map<String, Object> variables) {
        engine.getTaskService().complete(task(caseId, key).getId(), variables);
    }

    /** Identification and registration and the aanmeldgehoor, answered as for a spoor-4 case (no hits). */
    public void registration(String caseId) {
        for (String key : List.of(
                RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW)) {
            complete(caseId, key, CaseDriver.SPOOR_4_ANSWERS.get(key));
        }
    }

    /** As {@link #registration(String)}, the application signed at I&R on this day (from which it counts). */
    public void registration(String caseId, java.time.LocalDate applicationSignedOn) {
        Map<String, Object> identification = new java.util.HashMap<>(
                CaseDriver.SPOOR_4_ANSWERS.get(RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER));
        identification.put("applicationSignedOn", applicationSignedOn.toString());
        complete(caseId, RegistrationModel.ACTIVITY_IDENTIFY_AND_REGISTER, identification);
        complete(
                caseId,
                RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW,
                CaseDriver.SPOOR_4_ANSWERS.get(RegistrationModel.ACTIVITY_REGISTRATION_INTERVIEW));
    }

    /** The due-later timer at this activity in one of the case's processes. */
    public Job timer(String caseId, String activityId) {
        return engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .list()
                .stream()
                .map(instance -> engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .activityId(activityId)
                        .timers()
                        .singleResult())
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no timer at " + activityId + " in case " + caseId));
    }

    /** Executes that timer now, as the job executor would when it is due. */
    public void fire(String caseId, String activityId) {
        engine.getManagementService().executeJob(timer(caseId, activityId).getId());
    }
}

package nl.asylumchain.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A stage's say over whether one of its tasks may be completed now, apart from who works it and what the form holds:
 * a held case's IND task (Vw 2000 art. 43) waits for the release. Asked by {@link FormOnlyCompletion} for every
 * complete and submit-form, after the authorization checks and before any variable is written, on every path (our
 * Java code, the engine REST API, Tasklist). A refusal is a {@link ConflictException}: 409 problem+json, the task
 * stays open.
 */
public interface TaskCompletionGuard {

    /** Throws {@link ConflictException} when the task may not be completed now. */
    void checkCompletion(DelegateTask task);
}

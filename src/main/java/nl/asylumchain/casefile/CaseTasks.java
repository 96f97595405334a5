package nl.asylumchain.casefile;

import java.util.UUID;

/**
 * Whether a task a client names (header {@value Accessor#TASK_HEADER}) is one the reader works on in this case, so
 * that the access log records only true reasons. A port, implemented in {@code process/} on the engine's history.
 */
public interface CaseTasks {

    /**
     * The task is a task (open or done) of one of the case's processes, and the accessor has or had it: it is
     * assigned to them, or one of their groups is among its candidate groups.
     */
    boolean isWorkedOnBy(String taskId, UUID caseId, Accessor accessor);
}

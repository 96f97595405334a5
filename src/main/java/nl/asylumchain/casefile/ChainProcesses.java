package nl.asylumchain.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.asylumchain.casefile.CaseFile.OpenTask;

/**
 * The case file's port to the process engine: the intake starts a case's chain through it and the read model asks it
 * where a case stands. Implemented in {@code process/}, so that nothing in the module root knows the engine.
 */
public interface ChainProcesses {

    /** What the main process routes on; small, typed and free of personal data. */
    record ChainStart(
            UUID caseId,
            String applicationType,
            String arrivalLocation,
            String nationality,
            boolean unaccompaniedMinor,
            boolean temporaryProtectionUkraine,
            boolean returnedAfterDublin,
            int familyMembersAbroad,
            LocalDate reportedOn,
            int age) {}

    /** Starts the main process {@code asylumCase} of a registered case, in the caller's transaction. */
    void start(ChainStart start);

    /** A family member was added after intake: the main process routes on the new count, if it still runs. */
    void familyMembersAbroadChanged(UUID caseId, int familyMembersAbroad);

    /** The stages the case is in now (housing and family reunification can run side by side). */
    List<Stage> currentStages(UUID caseId);

    /** Open user tasks of the case in every stage. */
    List<OpenTask> openTasks(UUID caseId);
}

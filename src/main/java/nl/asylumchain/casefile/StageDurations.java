package nl.asylumchain.casefile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long cases spent in each stage: the start and end of the stage's call activity in the main process
 * ({@code asylumCase}, business time). A port, implemented in {@code process/} on the engine's history.
 */
public interface StageDurations {

    /** A stage of one case that ended, with how long it took. */
    record FinishedStage(String activityInstanceId, Stage stage, Instant ended, Duration duration) {}

    /** Stages that ended at or after {@code since}, oldest first. */
    List<FinishedStage> finishedSince(Instant since);
}

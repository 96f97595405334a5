package nl.asylumchain.forecast.process;

import java.time.Instant;

/**
 * A placed case's main process ({@code mainInstanceId}, the forecast's) waits in the stage of {@code callActivityId},
 * which it entered {@code at}: a snapshot's case when the stage's process started in the running system (shifted as
 * its timers are), a stock case by its age. The stage's lead time, when the case leaves it, counts from there
 * ({@link StageTimes#startFrom}).
 */
record StageEntry(String mainInstanceId, String callActivityId, Instant at) {}

package nl.asylumchain.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.asylumchain.platform.FieldError;

/**
 * One forecast started through the API, as {@code run.json} in its directory keeps it and {@code GET} shows it.
 *
 * @param scenario    the scenario's name (from its file)
 * @param status      {@link Status}
 * @param progress    the child's last progress line, while it runs and after
 * @param errors      why the scenario was refused (status {@code INVALID}), per field
 * @param message     what went wrong otherwise (status {@code FAILED}, {@code INTERRUPTED})
 * @param sizing      the sample the child runs with, asked for or chosen to fit its heap, and the estimate behind it;
 *                    null for a run kept from before it was recorded, or refused before it started
 */
public record ForecastJob(
        String id,
        String scenario,
        String requestedBy,
        Instant createdAt,
        Instant finishedAt,
        Status status,
        Integer exitCode,
        Long seed,
        Integer weeks,
        boolean fromNow,
        Progress progress,
        List<FieldError> errors,
        String message,
        ForecastSizing.Choice sizing) {

    public enum Status {
        /** The child runs. */
        RUNNING,
        /** The child exited 0: forecast.json, weekly.csv and the report are there. */
        DONE,
        /** The child refused the scenario (exit 2), naming the field. */
        INVALID,
        /** The child failed (exit 1 or another code), or took longer than the configured maximum. */
        FAILED,
        /** The application stopped while the child ran; the run left no result. */
        INTERRUPTED
    }

    /**
     * A {@code PROGRESS} line of the child: the simulated date and week, how far, how fast; or, before the first
     * simulated day, a {@code PLACING} line: {@code placed} of the start state's {@code toPlace} cases are placed
     * (the other figures but {@code etaSeconds}, the placement's time left, are null then).
     */
    public record Progress(
            LocalDate date,
            Integer week,
            Integer weeks,
            Long cases,
            Long steps,
            Long stepsPerSecond,
            Long etaSeconds,
            Long placed,
            Long toPlace) {}

    ForecastJob finished(Instant at, Status newStatus, Integer code, List<FieldError> fieldErrors, String why) {
        return new ForecastJob(
                id,
                scenario,
                requestedBy,
                createdAt,
                at,
                newStatus,
                code,
                seed,
                weeks,
                fromNow,
                progress,
                fieldErrors,
                why,
                sizing);
    }

    ForecastJob withProgress(Progress latest) {
        return new ForecastJob(
                id,
                scenario,
                requestedBy,
                createdAt,
                finishedAt,
                status,
                exitCode,
                seed,
                weeks,
                fromNow,
                latest,
                errors,
                message,
                sizing);
    }
}

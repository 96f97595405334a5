package nl.asylumchain.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open cases of the running system at one moment, for a forecast that starts "from now" (issue 15, item 5c):
 * the production application writes it as JSON and hands the file to the forecast's child JVM as
 * {@code --from-now FILE}; the forecast places each case's tokens where they wait, in its own isolated engine, with
 * process-instance modification.
 *
 * <p>Only what routing needs crosses over: ids, positions and the small typed process variables the models route on;
 * no person data (names, hearing notes) is read or written.
 *
 * @param takenAt business time (the engine's clock) when the snapshot was read; the forecast's day 0
 * @param cases   the open cases, ordered by case id so that the file is the same for the same state
 */
public record ForecastSnapshot(Instant takenAt, List<OpenCase> cases) {

    public ForecastSnapshot {
        cases = List.copyOf(cases);
    }

    /**
     * Part {@code index} (from 0) of {@code count}: every {@code count}-th case from the {@code index}-th. The parts are
     * disjoint and together the whole, and alike, because the cases are ordered by their random ids; a case goes
     * whole, with all its processes, into one part. For a forecast from now divided over shards or sampled.
     */
    public ForecastSnapshot part(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("part " + index + " of " + count);
        }
        List<OpenCase> part = new ArrayList<>();
        for (int i = index; i < cases.size(); i += count) {
            part.add(cases.get(i));
        }
        return new ForecastSnapshot(takenAt, part);
    }

    /**
     * One open case: every running process instance whose business key is the case id (the main process, the stage
     * it is in and what runs beside it, such as the decision deadline), parents before their children, and where the
     * person stays in reception.
     *
     * @param reception the stay in reception ({@link Stay#NONE}: not in reception); null in a snapshot written before
     *                  stays were part of it, whose cases stay where the placement's way put them
     */
    public record OpenCase(String caseId, List<ProcessPosition> processes, Stay reception) {

        public OpenCase {
            processes = List.copyOf(processes);
        }

        /** A case whose stay in reception the snapshot does not say. */
        public OpenCase(String caseId, List<ProcessPosition> processes) {
            this(caseId, processes, null);
        }
    }

    /**
     * Where the person stays in reception: the location type's name ({@code COL}, {@code AZC} ...; null when not in
     * reception), as a permit holder or not, as an unaccompanied minor or not. Routing facts only.
     */
    public record Stay(String locationType, boolean permitHolder, boolean unaccompaniedMinor) {

        /** Not in reception. */
        public static final Stay NONE = new Stay(null, false, false);
    }

    /**
     * Where one process instance of a case stands.
     *
     * @param processDefinitionKey  the model's key ({@code asylumCase}, {@code indDecision} ...)
     * @param processInstanceId     the live instance's id, to tie children to parents; meaningless in another engine
     * @param parentProcessInstanceId the calling instance (a call activity), or {@code null} for a top-level one
     * @param startedAt             when the instance started (business time): its age in the stage
     * @param activityIds           the activities where its tokens wait (user tasks, receive tasks, timers, message
     *                              events, call activities), sorted
     * @param variables             its own routing variables (primitive values only), sorted by name
     * @param timers                the timers that wait in it, with their due dates, sorted
     */
    public record ProcessPosition(
            String processDefinitionKey,
            String processInstanceId,
            String parentProcessInstanceId,
            Instant startedAt,
            List<String> activityIds,
            List<Variable> variables,
            List<Timer> timers) {

        public ProcessPosition {
            activityIds = List.copyOf(activityIds);
            variables = List.copyOf(variables);
            timers = List.copyOf(timers);
        }
    }

    /**
     * A process variable with its engine type, so that it comes back as the same type ({@code integer} and
     * {@code long} both read as a JSON number).
     *
     * @param type  the engine's value type name: {@code string}, {@code boolean}, {@code integer}, {@code long},
     *              {@code short}, {@code double} or {@code date}
     * @param value the value as JSON knows it; a {@code date} as an ISO-8601 instant
     */
    public record Variable(String name, String type, Object value) {}

    /** A timer waiting at an activity (a boundary or intermediate timer event), due at business time {@code due}. */
    public record Timer(String activityId, Instant due) {}
}

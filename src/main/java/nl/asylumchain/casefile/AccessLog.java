package nl.asylumchain.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.asylumchain.casefile.persistence.AccessLogRecord;
import nl.asylumchain.casefile.persistence.AccessLogRepository;
import nl.asylumchain.platform.InvalidRequestException;

/**
 * The access log (inzage-logging): one row for every read of a case's personal data through our API or the case
 * view, and for every change of a case through our API. Append-only: this class inserts and purges rows past their
 * retention, nothing else; on PostgreSQL a trigger refuses any other UPDATE or DELETE. Rows hold ids, group names
 * and part or operation names, no personal data.
 */
@Service
public class AccessLog {

    public enum Action {
        READ,
        CHANGE
    }

    /** A row as the privacy officer reads it. */
    public record Entry(
            long id,
            Instant at,
            String userId,
            List<String> groups,
            UUID caseId,
            Action action,
            String what,
            String taskId) {}

    /** A page of rows, newest first; {@code more} tells whether an older page exists. */
    public record Page(List<Entry> entries, int page, int size, boolean more) {}

    private final AccessLogRepository rows;
    private final CaseTasks tasks;
    private final Clock clock;
    private final Period retention;

    AccessLog(AccessLogRepository rows, CaseTasks tasks, Clock clock, AccessLogProperties properties) {
        this.rows = rows;
        this.tasks = tasks;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /**
     * A read, with the groups whose need-to-know let it through and the parts it showed. A task the client names
     * must be one the reader works on in this case: the log records no reason that is not true.
     */
    @Transactional
    public void read(Accessor reader, Collection<String> groupsUsed, UUID caseId, String what) {
        checkTask(reader, caseId);
        rows.insert(new AccessLogRecord(
                clock.instant(),
                reader.userId(),
                String.join(",", new TreeSet<>(groupsUsed)),
                caseId,
                Action.READ.name(),
                what,
                reader.taskId()));
    }

    /**
     * A change, in the caller's transaction when there is one. The groups used are the user's groups that may do
     * the operation ({@code operationGroups}); all of the user's groups when none of them is named there.
     */
    @Transactional
    public void change(Accessor who, Collection<String> operationGroups, UUID caseId, String what) {
        checkTask(who, caseId);
        insertChange(who, operationGroups, caseId, what);
    }

    /**
     * A task the engine has just completed for the user: the engine itself names the task and the case, so there
     * is nothing to check.
     */
    @Transactional
    public void taskCompleted(Accessor who, Collection<String> candidateGroups, UUID caseId, String what) {
        insertChange(who, candidateGroups, caseId, what);
    }

    private void insertChange(Accessor who, Collection<String> operationGroups, UUID caseId, String what) {
        Set<String> used = new TreeSet<>(who.groups());
        used.retainAll(operationGroups);
        rows.insert(new AccessLogRecord(
                clock.instant(),
                who.userId(),
                String.join(",", used.isEmpty() ? new TreeSet<>(who.groups()) : used),
                caseId,
                Action.CHANGE.name(),
                what,
                who.taskId()));
    }

    /** Makes the change and logs it in one transaction: a change that fails leaves no row, a change always has one. */
    @Transactional
    public <T> T change(
            Accessor who, Collection<String> operationGroups, UUID caseId, String what, Supplier<T> change) {
        checkTask(who, caseId);
        T result = change.get();
        insertChange(who, operationGroups, caseId, what);
        return result;
    }

    @Transactional(readOnly = true)
    public Page ofCase(UUID caseId, int page, int size) {
        List<Entry> entries = rows.ofCase(caseId, page * size, size + 1);
        return page(entries, page, size);
    }

    @Transactional(readOnly = true)
    public Page ofUser(String userId, int page, int size) {
        List<Entry> entries = rows.ofUser(userId, page * size, size + 1);
        return page(entries, page, size);
    }

    /** Removes the rows older than the retention (business clock); returns how many. */
    @Transactional
    public int purge() {
        Instant cutoff =
                clock.instant().atZone(clock.getZone()).minus(retention).toInstant();
        return rows.purgeBefore(cutoff);
    }

    private void checkTask(Accessor who, UUID caseId) {
        if (who.taskId() != null && !tasks.isWorkedOnBy(who.taskId(), caseId, who)) {
            throw new InvalidRequestException(
                    Accessor.TASK_HEADER,
                    "is not a task of this case that is assigned to you or to one of your groups");
        }
    }

    private static Page page(List<Entry> entries, int page, int size) {
        boolean more = entries.size() > size;
        return new Page(more ? entries.subList(0, size) : entries, page, size, more);
    }
}

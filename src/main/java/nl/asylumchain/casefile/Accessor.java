package nl.asylumchain.casefile;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import nl.asylumchain.platform.InvalidRequestException;

/**
 * Who reads or changes a case, for the need-to-know table and the access log: the user, all their groups, and the
 * task they work on when the client says so (header {@value #TASK_HEADER}, which the case view sends when it is
 * opened from a task).
 */
public record Accessor(String userId, Set<String> groups, String taskId) {

    public static final String TASK_HEADER = "X-Task-Id";

    /** Engine task ids are UUIDs or numbers; the log column holds 64 characters. */
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public Accessor {
        groups = Set.copyOf(groups);
    }

    public static Accessor of(Authentication authentication, String taskId) {
        if (taskId != null && !TASK_ID.matcher(taskId).matches()) {
            throw new InvalidRequestException(TASK_HEADER, "must be a task id: 1 to 64 letters, digits or hyphens");
        }
        Set<String> groups = new TreeSet<>();
        authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .forEach(groups::add);
        return new Accessor(authentication.getName(), groups, taskId);
    }
}

package nl.asylumchain.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table that says where each group works: which task candidate groups it reaches (the tasks it may see,
 * claim and complete, or hand out), in which process definitions it works those tasks, and in which it leads
 * (reads and hands out the tasks of others). Every engine grant ({@link IdentitySetup}), the task query
 * restriction and the single-task checks ({@link WorkScopePlugin}) are derived from it; {@code WorkScopeTest}
 * checks it against the models, so a candidate group added in Modeler without a line here fails the build.
 *
 * <p>Definitions are process definition keys. A group needs nothing on the parent of a call activity
 * ({@code asylumCase}, {@code familyReunification}): its tasks live in the called definition, and the case view
 * reaches the rest through our own API.
 */
final class WorkScope {

    /**
     * One group's line. {@code taskGroups}: the candidate groups whose tasks it reaches. {@code work}: definitions
     * whose tasks it works (read, claim, complete, form variables, history). {@code lead}: definitions whose tasks
     * it reads and assigns within its reach, with Cockpit's instance and history view.
     */
    record Scope(String group, Set<String> taskGroups, Set<String> work, Set<String> lead) {}

    static final String REGISTRATION = "registration";
    static final String IND_DECISION = "indDecision";
    static final String DECISION_DEADLINE = "decisionDeadline";
    static final String REUNIFICATION_APPLICATION = "familyReunificationApplication";
    static final String GUARDIANSHIP = "guardianship";
    static final String HOUSING = "housing";
    static final String DEPARTURE = "departure";

    /** The IND's own candidate groups: a team lead reaches these tasks and no other organisation's. */
    static final Set<String> IND_TASK_GROUPS = Set.of(
            Groups.IND_REGISTRATION,
            Groups.IND_DECISION,
            Groups.IND_DUBLIN,
            Groups.IND_REUNIFICATION,
            Groups.IND_TEAM_LEAD);

    static final List<Scope> TABLE = List.of(
            handler(Groups.POLICE_AVIM, REGISTRATION),
            handler(Groups.KMAR, REGISTRATION),
            handler(Groups.IND_REGISTRATION, REGISTRATION),
            handler(Groups.IND_DECISION, IND_DECISION),
            handler(Groups.IND_DUBLIN, IND_DECISION),
            handler(Groups.IND_REUNIFICATION, REUNIFICATION_APPLICATION),
            handler(Groups.COA, HOUSING),
            handler(Groups.NIDOS, GUARDIANSHIP),
            handler(Groups.MUNICIPALITY, HOUSING),
            handler(Groups.DTV, DEPARTURE),
            new Scope(
                    Groups.IND_TEAM_LEAD,
                    IND_TASK_GROUPS,
                    Set.of(DECISION_DEADLINE),
                    Set.of(REGISTRATION, IND_DECISION, REUNIFICATION_APPLICATION, DECISION_DEADLINE)),
            // designers deploy and read models in Cockpit; they work no task and read no case
            new Scope(Groups.PROCESS_DESIGNER, Set.of(), Set.of(), Set.of()));

    private static final Map<String, Scope> BY_GROUP =
            TABLE.stream().collect(Collectors.toUnmodifiableMap(Scope::group, Function.identity()));

    private WorkScope() {}

    private static Scope handler(String group, String definition) {
        return new Scope(group, Set.of(group), Set.of(definition), Set.of());
    }

    static Optional<Scope> of(String group) {
        return Optional.ofNullable(BY_GROUP.get(group));
    }

    /** Administrators reach every task; nobody else is unbounded. */
    static boolean unbounded(Collection<String> groups) {
        return groups != null && groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** The candidate groups whose tasks a member of these groups reaches (empty for administrators: see above). */
    static Set<String> taskGroupsOf(Collection<String> groups) {
        Set<String> reach = new LinkedHashSet<>();
        if (groups != null) {
            groups.forEach(group -> of(group).ifPresent(scope -> reach.addAll(scope.taskGroups())));
        }
        return reach;
    }

    /** Whether a member of these groups reaches a task with these candidate groups. */
    static boolean reaches(Collection<String> groups, Collection<String> candidateGroups) {
        if (unbounded(groups)) {
            return true;
        }
        Set<String> reach = taskGroupsOf(groups);
        return candidateGroups.stream().anyMatch(reach::contains);
    }
}

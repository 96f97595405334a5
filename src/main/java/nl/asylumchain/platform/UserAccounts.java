package nl.asylumchain.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * The engine's user directory as {@link InitialUsers} may use it: a user and a membership are created once, found
 * again on the next start and then left as they are (a changed password stays changed).
 */
public final class UserAccounts {

    private final IdentityService identityService;

    UserAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Creates the user unless one with this id exists. */
    public void ensureUser(String userId, String firstName, String lastName, String email, String password) {
        if (identityService.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identityService.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    /** Adds the user to the group unless they are in it. */
    public void ensureMembership(String userId, String groupId) {
        if (identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(groupId)
                        .count()
                == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}

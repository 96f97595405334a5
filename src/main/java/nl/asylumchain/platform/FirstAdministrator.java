package nl.asylumchain.platform;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an installation, from configuration: {@code asylumchain.admin.user} and
 * {@code asylumchain.admin.password}, normally from the environment ({@code ASYLUMCHAIN_ADMIN_USER},
 * {@code ASYLUMCHAIN_ADMIN_PASSWORD}). Created once, in {@code camunda-admin}; at later starts an existing user keeps
 * the password they have (changed in Admin, say) and is only put back in the group. The password is never logged.
 *
 * <p>This replaces two other ways in: the webapps' first-user setup page, which is closed (anyone who reached it
 * first became administrator), and Camunda's {@code camunda.bpm.admin-user}, whose password defaults to the user id;
 * the application refuses to start with that one set.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    static final String USER_PROPERTY = "asylumchain.admin.user";
    static final String PASSWORD_PROPERTY = "asylumchain.admin.password";
    static final int MINIMUM_PASSWORD_LENGTH = 12;

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    FirstAdministrator(
            IdentityService identityService,
            @Value("${" + USER_PROPERTY + ":}") String userId,
            @Value("${" + PASSWORD_PROPERTY + ":}") String password,
            @Value("${camunda.bpm.admin-user.id:}") String camundaAdminUser) {
        if (!camundaAdminUser.isBlank()) {
            throw new IllegalStateException("camunda.bpm.admin-user is not used here (its password defaults to the"
                    + " user id); set " + USER_PROPERTY + " and " + PASSWORD_PROPERTY
                    + " (ASYLUMCHAIN_ADMIN_USER, ASYLUMCHAIN_ADMIN_PASSWORD) instead");
        }
        String problem = weakness(userId.strip(), password);
        if (problem != null) {
            throw new IllegalStateException("The first administrator cannot be created: " + problem);
        }
        this.identityService = identityService;
        this.userId = userId.strip();
        this.password = password;
    }

    /** What is wrong with this user and password, or null when they will do (or none is configured). */
    static String weakness(String userId, String password) {
        if (userId.isEmpty() && password.isEmpty()) {
            return null;
        }
        if (userId.isEmpty()) {
            return PASSWORD_PROPERTY + " is set but " + USER_PROPERTY + " is empty";
        }
        if (password.isBlank()) {
            return PASSWORD_PROPERTY + " is empty";
        }
        if (password.length() < MINIMUM_PASSWORD_LENGTH) {
            return PASSWORD_PROPERTY + " must have at least " + MINIMUM_PASSWORD_LENGTH + " characters";
        }
        if (password.toLowerCase(Locale.ROOT).contains(userId.toLowerCase(Locale.ROOT))) {
            return PASSWORD_PROPERTY + " must not contain the user id";
        }
        if (password.chars().distinct().count() < 5) {
            return PASSWORD_PROPERTY + " must not repeat a few characters over and over";
        }
        return null;
    }

    /** Called once the groups exist; does nothing when no administrator is configured. */
    void ensure() {
        if (userId.isEmpty()) {
            return;
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("(beheerder)");
            user.setPassword(password);
            identityService.saveUser(user);
            log.info("Created the first administrator '{}' (password from {})", userId, PASSWORD_PROPERTY);
        }
        if (identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(Groups.CAMUNDA_ADMIN)
                        .count()
                == 0) {
            identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
            log.info("Put '{}' in group {}", userId, Groups.CAMUNDA_ADMIN);
        }
    }
}

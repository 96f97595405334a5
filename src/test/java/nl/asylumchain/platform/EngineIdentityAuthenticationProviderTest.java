package nl.asylumchain.platform;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Basic credentials checked against a real engine's identity service, and the few seconds a successful check is
 * remembered: what is remembered, what always asks the engine again.
 */
class EngineIdentityAuthenticationProviderTest {

    private ProcessEngine engine;
    private IdentityService identity;

    @BeforeEach
    void engineWithAHandler() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9-]+"); // group ids as ours: police-avim
        engine = configuration
                .setProcessEngineName("credentials-" + UUID.randomUUID())
                .setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        identity = engine.getIdentityService();
        User agent = identity.newUser("agent");
        agent.setPassword("Geheim-1");
        identity.saveUser(agent);
        identity.saveGroup(identity.newGroup(Groups.POLICE_AVIM));
        identity.saveGroup(identity.newGroup(Groups.KMAR));
        identity.createMembership("agent", Groups.POLICE_AVIM);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theRightPasswordGivesTheUsersGroupsAndAWrongOneNothing() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));

        assertThat(groupsOf(provider.authenticate(login("agent", "Geheim-1")))).containsExactly(Groups.POLICE_AVIM);
        assertThatThrownBy(() -> provider.authenticate(login("agent", "geheim-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("nobody", "Geheim-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login(null, "Geheim-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aSuccessfulCheckIsRememberedForItsTimeWithTheGroupsFoundThen() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        provider.authenticate(login("agent", "Geheim-1"));

        // the engine changes; within the remembered time the same password gets the same groups without asking it
        identity.createMembership("agent", Groups.KMAR);
        assertThat(groupsOf(provider.authenticate(login("agent", "Geheim-1")))).containsExactly(Groups.POLICE_AVIM);
    }

    @Test
    void aFailedCheckForgetsTheUserSoTheEnginesLoginDelayHolds() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        provider.authenticate(login("agent", "Geheim-1"));

        assertThatThrownBy(() -> provider.authenticate(login("agent", "geraden")))
                .isInstanceOf(BadCredentialsException.class);
        // the engine now delays the user's next login; the remembered check no longer lets the right password past it
        assertThatThrownBy(() -> provider.authenticate(login("agent", "Geheim-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anotherPasswordAlwaysAsksTheEngine() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
        provider.authenticate(login("agent", "Geheim-1"));
        User agent = identity.createUserQuery().userId("agent").singleResult();
        agent.setPassword("Nieuw-geheim-2");
        identity.saveUser(agent);
        identity.createMembership("agent", Groups.KMAR);

        // the new password is checked by the engine, with the groups of now; it replaces the remembered check
        assertThat(groupsOf(provider.authenticate(login("agent", "Nieuw-geheim-2"))))
                .containsExactlyInAnyOrder(Groups.POLICE_AVIM, Groups.KMAR);
        assertThatThrownBy(() -> provider.authenticate(login("agent", "Geheim-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withNothingRememberedEveryRequestAsksTheEngine() {
        EngineIdentityAuthenticationProvider provider = provider(Duration.ZERO);
        provider.authenticate(login("agent", "Geheim-1"));

        identity.createMembership("agent", Groups.KMAR);
        assertThat(groupsOf(provider.authenticate(login("agent", "Geheim-1"))))
                .containsExactlyInAnyOrder(Groups.POLICE_AVIM, Groups.KMAR);
        identity.deleteUser("agent");
        assertThatThrownBy(() -> provider.authenticate(login("agent", "Geheim-1")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private EngineIdentityAuthenticationProvider provider(Duration remembered) {
        return new EngineIdentityAuthenticationProvider(identity, remembered);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static java.util.List<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}

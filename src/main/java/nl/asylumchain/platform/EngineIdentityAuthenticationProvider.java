package nl.asylumchain.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Checks HTTP Basic credentials against the engine's identity service, so one set of users and groups serves
 * Tasklist, the engine REST API and our own API. Group ids become authorities as they are ({@code police-avim}).
 *
 * <p>A client that sends Basic credentials with every request (our API has no sessions) would cost the engine a
 * password check and a group query each time: a fifth of a case-file read's CPU (docs/benchmarks.md). A successful
 * check is therefore remembered for {@code asylumchain.security.credentials-cache} (default 30 seconds, {@code 0}
 * turns it off): the user, a salted SHA-256 digest of the password (the salt is random per start; the password itself
 * is never kept) and the groups. Within that time the same user with the same password gets the same groups without
 * asking the engine; a different password always asks the engine, so a wrong one still counts towards the engine's
 * login delay and lock-out, and a failed check forgets the user, so that a lock-out holds from that request on. A
 * changed password, a removed user or a changed group membership takes effect within that time at the latest
 * (Camunda's webapps keep a login's groups for five minutes). docs/security.md, "Machine clients".
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final Cache<String, Checked> checked;
    private final byte[] salt = new byte[16];

    /** A successful check: the password's digest and the groups found then. */
    private record Checked(byte[] digest, List<SimpleGrantedAuthority> groups) {}

    EngineIdentityAuthenticationProvider(
            IdentityService identityService,
            @Value("${asylumchain.security.credentials-cache:PT30S}") Duration remembered) {
        this.identityService = identityService;
        // upkeep on the calling thread, so that a forgotten check is gone when invalidate returns
        this.checked = remembered.isZero()
                ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(remembered)
                        .maximumSize(10_000)
                        .executor(Runnable::run)
                        .build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String password = credentials.toString();
        if (checked == null) {
            return authenticated(userId, groupsIfThePasswordHolds(userId, password));
        }
        byte[] digest = digest(password);
        Checked known = checked.getIfPresent(userId);
        if (known != null && MessageDigest.isEqual(known.digest(), digest)) {
            return authenticated(userId, known.groups());
        }
        List<SimpleGrantedAuthority> groups;
        try {
            groups = groupsIfThePasswordHolds(userId, password);
        } catch (BadCredentialsException e) {
            // the engine may have locked the user now: the next request asks it again, whatever was remembered
            checked.invalidate(userId);
            throw e;
        }
        checked.put(userId, new Checked(digest, groups));
        return authenticated(userId, groups);
    }

    /** The engine's check of the password, then the user's groups. */
    private List<SimpleGrantedAuthority> groupsIfThePasswordHolds(String userId, String password) {
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    private static Authentication authenticated(String userId, List<SimpleGrantedAuthority> groups) {
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

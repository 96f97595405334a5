package nl.asylumchain.platform;

import java.security.Principal;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the case view who is logged in (nobody: show the login form) and the CSRF token its next change (log in,
 * log out) must carry in the named header. The token belongs to the server session; the page keeps it in memory only.
 */
@RestController
class BrowserSessionController {

    record BrowserSession(String user, String csrfHeader, String csrfToken) {}

    @GetMapping("/cases/session")
    BrowserSession session(Principal user, CsrfToken csrf) {
        return new BrowserSession(user == null ? null : user.getName(), csrf.getHeaderName(), csrf.getToken());
    }
}

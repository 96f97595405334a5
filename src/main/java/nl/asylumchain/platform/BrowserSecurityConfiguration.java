package nl.asylumchain.platform;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a browser reaches besides the Camunda web applications: the case view with its own login, and the webapps'
 * first-user setup, closed. These chains come before {@link SecurityConfiguration}'s, which take the rest.
 *
 * <p>The case view ({@code /cases}) logs in with a form and keeps the login in a server session: the browser holds
 * only the session cookie (HttpOnly, SameSite=Lax, Secure behind TLS), never a password, so no script can read
 * credentials from storage. What the session can do is limited to reading the case view; every change it sends
 * (log in, log out) carries the session's CSRF token, which {@code GET /cases/session} hands to the page. Machine
 * clients may still read {@code /api/cases/{id}/view} with HTTP Basic, without a session.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSecurityConfiguration {

    /**
     * Our pages load scripts, styles and images from this application only. bpmn-js styles diagram elements
     * inline, hence {@code 'unsafe-inline'} for styles (never for scripts).
     */
    static final String OUR_PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * Anyone who reached the webapps' setup page of an installation without an administrator became one (issue
     * 10). The first administrator comes from configuration ({@link FirstAdministrator}), so the page is closed in
     * every configuration, before Camunda sees the request.
     */
    @Bean
    @Order(0)
    SecurityFilterChain closedSetupPage(HttpSecurity http, ProblemSecurityHandler problems) throws Exception {
        AuthenticationEntryPoint closed = (request, response, e) -> problems.write(
                response,
                HttpStatus.FORBIDDEN,
                "This page is closed. The first administrator comes from configuration (see docs/security.md).");
        return http.securityMatcher(path("/camunda/api/admin/setup/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(closed)
                        .accessDeniedHandler((request, response, e) -> closed.commence(request, response, null)))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain caseView(HttpSecurity http, ProblemSecurityHandler problems) throws Exception {
        // a 401 without a Basic challenge: the browser must not pop up its own login and then remember the password
        AuthenticationEntryPoint noChallenge =
                (request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED, "Log in first.");
        return http.securityMatcher(new OrRequestMatcher(
                        path("/cases"), path("/cases/**"), path("/api/cases/*/view"), path("/api/cases/*/view/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/api/cases/*/view"), path("/api/cases/*/view/**"), path("/cases/search"))
                        .authenticated()
                        // the page, its script and style, and the session endpoint that tells whether to log in
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginProcessingUrl("/cases/login")
                        .successHandler((request, response, authentication) ->
                                response.setStatus(HttpServletResponse.SC_NO_CONTENT))
                        .failureHandler((request, response, e) ->
                                problems.write(response, HttpStatus.UNAUTHORIZED, "Unknown user or wrong password.")))
                .httpBasic(basic -> basic.authenticationEntryPoint(noChallenge))
                .logout(logout -> logout.logoutUrl("/cases/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(noChallenge).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(OUR_PAGES_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * The forecast page ({@code /forecasts}, docs/forecast.md): server-rendered, with a login form of its own and a
     * server session like the case view's (the same session: a login on one is a login on the other). Forms carry
     * the session's CSRF token; only planners, IND team leads, process designers and administrators get past the
     * login (others: 403).
     */
    @Bean
    @Order(2)
    SecurityFilterChain forecastPage(HttpSecurity http, ProblemSecurityHandler problems) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(path("/forecasts"), path("/forecasts/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(path("/forecasts/login"))
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(
                                Groups.PLANNER, Groups.IND_TEAM_LEAD, Groups.PROCESS_DESIGNER, Groups.CAMUNDA_ADMIN))
                .formLogin(form -> form.loginPage("/forecasts/login")
                        .loginProcessingUrl("/forecasts/login")
                        .defaultSuccessUrl("/forecasts", true)
                        .failureUrl("/forecasts/login?error"))
                .logout(logout -> logout.logoutUrl("/forecasts/logout").logoutSuccessUrl("/forecasts/login?out"))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(OUR_PAGES_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
